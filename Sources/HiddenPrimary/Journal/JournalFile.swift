#if canImport(Glibc)
import Glibc
#endif
import DNSCore

/// The append-only journal of one zone (DESIGN §4): each published version's
/// changeset, framed as magic, payload length, CRC-32C and payload.
///
/// An UPDATE is answered only after its entry is appended and fsynced; several
/// entries appended together share one fsync (group commit). A crash can leave a torn
/// last entry: reading stops at the first entry that is incomplete or fails its CRC,
/// and the file is cut back to the last whole one — never an acknowledged entry, since
/// those were fsynced whole.
public final class JournalFile {
    public let path: String
    private var fd: Int32
    public private(set) var size: Int

    static let magic: [UInt8] = Array("DPJ1".utf8)
    static let headerLength = 12

    /// What reading found beyond the last whole entry.
    public struct Recovery: Sendable, Equatable {
        public var entries: Int
        public var droppedBytes: Int
    }

    /// Reads the whole entries without changing the file (for `dnsplane export` while
    /// the primary may be running).
    public static func readEntries(path: String) throws(StorageError) -> [JournalEntry] {
        let bytes = try DurableFile.read(path) ?? []
        return parse(bytes).entries
    }

    static func parse(_ bytes: [UInt8]) -> (entries: [JournalEntry], end: Int) {
        var entries: [JournalEntry] = []
        var offset = 0
        while offset + headerLength <= bytes.count {
            guard Array(bytes[offset..<(offset + 4)]) == magic else { break }
            let length = Int(bytes[offset + 4]) << 24 | Int(bytes[offset + 5]) << 16 | Int(bytes[offset + 6]) << 8 | Int(bytes[offset + 7])
            let crc = UInt32(bytes[offset + 8]) << 24 | UInt32(bytes[offset + 9]) << 16 | UInt32(bytes[offset + 10]) << 8 | UInt32(bytes[offset + 11])
            let start = offset + headerLength
            guard length <= bytes.count - start else { break }
            let payload = Array(bytes[start..<(start + length)])
            guard CRC32C.checksum(payload) == crc, let entry = try? JournalEntry.decode(payload) else { break }
            entries.append(entry)
            offset = start + length
        }
        return (entries, offset)
    }

    /// Opens the journal (creating it), reads every whole entry, and cuts off a torn or
    /// corrupt tail.
    public static func open(path: String) throws(StorageError) -> (JournalFile, [JournalEntry], Recovery) {
        let bytes = try DurableFile.read(path) ?? []
        let (entries, offset) = parse(bytes)
        let existed = !bytes.isEmpty
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StorageError(path: path, operation: "open", errno: errno) }
        if offset < bytes.count {
            guard ftruncate(fd, off_t(offset)) == 0, fsync(fd) == 0 else {
                let code = errno
                Glibc.close(fd)
                throw StorageError(path: path, operation: "truncate", errno: code)
            }
        }
        guard lseek(fd, off_t(offset), SEEK_SET) >= 0 else {
            let code = errno
            Glibc.close(fd)
            throw StorageError(path: path, operation: "seek", errno: code)
        }
        if !existed { try DurableFile.syncDirectory(of: path) }
        let journal = JournalFile(path: path, fd: fd, size: offset)
        return (journal, entries, Recovery(entries: entries.count, droppedBytes: bytes.count - offset))
    }

    private init(path: String, fd: Int32, size: Int) {
        self.path = path
        self.fd = fd
        self.size = size
    }

    static func frame(_ entry: JournalEntry) -> [UInt8] {
        let payload = entry.encode()
        let crc = CRC32C.checksum(payload)
        var bytes = magic
        bytes.reserveCapacity(headerLength + payload.count)
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: payload.count >> shift)) }
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// Appends the entries and fsyncs once. When it returns, they survive a crash.
    /// If it throws, the file is cut back to where it was, so a failed append leaves
    /// nothing behind.
    public func append(_ entries: [JournalEntry]) throws(StorageError) {
        guard !entries.isEmpty else { return }
        var bytes: [UInt8] = []
        for entry in entries { bytes.append(contentsOf: Self.frame(entry)) }
        do throws(StorageError) {
            try DurableFile.writeAll(fd, bytes, path: path)
            guard fdatasync(fd) == 0 else { throw StorageError(path: path, operation: "fsync", errno: errno) }
        } catch {
            _ = ftruncate(fd, off_t(size))
            _ = lseek(fd, off_t(size), SEEK_SET)
            throw error
        }
        size += bytes.count
    }

    /// Replaces the journal with `entries` (compaction): a new file written and fsynced
    /// beside it, then renamed over it.
    public func replace(with entries: [JournalEntry]) throws(StorageError) {
        var bytes: [UInt8] = []
        for entry in entries { bytes.append(contentsOf: Self.frame(entry)) }
        try DurableFile.writeAtomically(bytes, to: path)
        Glibc.close(fd)
        fd = Glibc.open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StorageError(path: path, operation: "open", errno: errno) }
        guard lseek(fd, off_t(bytes.count), SEEK_SET) >= 0 else { throw StorageError(path: path, operation: "seek", errno: errno) }
        size = bytes.count
    }

    public func close() {
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
    }

    deinit { close() }
}
