#if canImport(Glibc)
import Glibc
#endif

/// Reads input lines as nsupdate does: `fgets` into a buffer of 128 KiB, so a longer
/// line arrives as several (BIND's MAXCMD), cut at the first CR or LF, and, being C
/// strings, at the first NUL.
public struct ScriptLineReader {
    /// BIND's MAXCMD: a line holds at most this many bytes less one.
    public static let maxCommand = 128 * 1024

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// The physical line the next piece comes from (1-based), for messages.
    public private(set) var physicalLine = 1
    /// The last piece returned was cut from a line longer than `maxCommand - 1`, or
    /// is the rest of one.
    public private(set) var lastWasFragment = false
    private var continuing = false
    private var hasReturned = false

    /// Reads from an open descriptor, which the caller closes.
    public init(fileDescriptor: Int32) {
        self.fd = fileDescriptor
    }

    /// For tests: the whole input at once.
    public init(bytes: [UInt8]) {
        self.fd = -1
        self.buffer = bytes
        self.atEnd = true
    }

    /// The next line without its ending, or nil at end of input. `physicalLine`
    /// then says which line of the input it came from.
    public mutating func nextLine() -> [UInt8]? {
        let limit = Self.maxCommand - 1
        if hasReturned && !continuing { physicalLine += 1 }
        hasReturned = true
        while true {
            let available = buffer.count - start
            if let newline = buffer[start...].prefix(limit).firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                lastWasFragment = continuing
                continuing = false
                compact()
                return Self.clean(line)
            }
            if available >= limit {
                let line = Array(buffer[start..<(start + limit)])
                start += limit
                lastWasFragment = true
                continuing = true
                compact()
                return Self.clean(line)
            }
            if atEnd {
                guard available > 0 else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                lastWasFragment = continuing
                continuing = false
                return Self.clean(line)
            }
            fill()
        }
    }

    private mutating func compact() {
        if start > 1 << 20 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private mutating func fill() {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                atEnd = true
                return
            }
            buffer.append(contentsOf: chunk[0..<count])
            return
        }
    }

    /// C string semantics, then BIND's `nsu_strsep(&tmp, "\r\n")`.
    static func clean(_ line: [UInt8]) -> [UInt8] {
        var line = line
        if let nul = line.firstIndex(of: 0) { line.removeSubrange(nul...) }
        if let end = line.firstIndex(where: { $0 == 0x0D || $0 == 0x0A }) { line.removeSubrange(end...) }
        return line
    }
}
