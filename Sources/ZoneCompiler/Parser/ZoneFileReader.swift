#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a master file in chunks and hands out one entry at a time.
///
/// Only the entry being scanned and one chunk are in memory, so a zone of any size
/// reads in constant memory (apart from the zone itself), and the file is never turned
/// into a `String`.
public struct ZoneFileReader {
    enum Backend {
        case file(Int32)
        case memory
    }

    private var backend: Backend
    private var buffer: [UInt8]
    /// Where read(2) puts each chunk before it joins `buffer`: allocated once per file,
    /// so a refill neither zero-fills nor grows anything element by element.
    private var chunk: [UInt8]
    private var position = 0
    /// The line `position` is on.
    public private(set) var line = 1
    private var endOfInput: Bool

    static let chunkSize = 256 * 1024
    /// An entry (a parenthesised record) larger than this is an error, not a reason to
    /// read the whole rest of a broken file into memory.
    static let maxEntrySize = 4 << 20

    /// Opens a file for reading; `-` is standard input.
    public init(path: String) throws(ZoneFileError) {
        let fd: Int32
        if path == "-" {
            fd = dup(0)
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC)
        }
        guard fd >= 0 else { throw ZoneFileError(path: path, errno: errno) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            _ = Glibc.close(fd)
            throw ZoneFileError(path: path, errno: EISDIR)
        }
        backend = .file(fd)
        buffer = []
        buffer.reserveCapacity(Self.chunkSize * 2)
        chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        endOfInput = false
    }

    /// Reads from bytes already in memory (tests, fuzzing, UPDATE payloads).
    public init(bytes: [UInt8]) {
        backend = .memory
        buffer = bytes
        chunk = []
        endOfInput = true
    }

    /// Closes the file; safe to call twice.
    public mutating func close() {
        if case .file(let fd) = backend {
            _ = Glibc.close(fd)
            backend = .memory
        }
    }

    /// True when the entry just read ends the input without a newline after it. BIND
    /// reads the end of such a file where it expects the end of a line: a directive
    /// there is an error ("extra input text").
    public var entryEndsInput: Bool {
        // A final CR ends the line too, as in BIND's lexer.
        endOfInput && position >= buffer.count && buffer.last != 0x0A && buffer.last != 0x0D
    }

    /// Scans the next entry into `entry`; false at the end of the input.
    public mutating func next(into entry: inout TextEntry) throws(ZoneReadError) -> Bool {
        while true {
            let start = position
            let startLine = line
            let isEnd = endOfInput
            let result: EntryScanner.Result
            do {
                result = try buffer.withUnsafeBufferPointer { bytes throws(TextError) in
                    try EntryScanner.scan(bytes, from: start, line: startLine, isEndOfInput: isEnd, into: &entry)
                }
            } catch {
                try skipThrough(line: error.line)
                throw .text(error)
            }
            switch result {
            case .entry(let next, let nextLine):
                position = next
                line = nextLine
                return true
            case .end:
                position = buffer.count
                return false
            case .needMore:
                if buffer.count - position >= Self.maxEntrySize {
                    let error = TextError(.unbalancedParentheses, "entry longer than \(Self.maxEntrySize) bytes: unbalanced parentheses?", line: line, column: 1)
                    endOfInput = true
                    position = buffer.count
                    throw .text(error)
                }
                try refill()
            }
        }
    }

    /// After an error, resumes at the line after `errorLine`, so one bad record costs
    /// one diagnostic and the rest of the file is still checked.
    private mutating func skipThrough(line errorLine: Int) throws(ZoneReadError) {
        while line <= errorLine {
            if position >= buffer.count {
                if endOfInput { return }
                try refill()
                continue
            }
            if buffer[position] == 0x0A { line += 1 }
            position += 1
        }
    }

    private mutating func refill() throws(ZoneReadError) {
        guard case .file(let fd) = backend, !endOfInput else {
            endOfInput = true
            return
        }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        var got = 0
        while true {
            got = chunk.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress!, Self.chunkSize)
            }
            if got >= 0 || errno != EINTR { break }
        }
        if got < 0 {
            endOfInput = true
            throw .io(errno)
        }
        buffer.append(contentsOf: chunk[0..<got])
        if got == 0 { endOfInput = true }
    }
}

/// A file that could not be opened.
public struct ZoneFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var errno: Int32

    public var description: String {
        "\(path): \(String(cString: strerror(errno)))"
    }

    /// BIND's wording for the same failure ("file not found").
    public var bindResult: String {
        switch errno {
        case ENOENT: return "file not found"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "not a file"
        default: return String(cString: strerror(errno))
        }
    }
}

/// What can go wrong while reading entries.
public enum ZoneReadError: Error, Sendable {
    case text(TextError)
    case io(Int32)
}
