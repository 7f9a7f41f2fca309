import DNSCore

/// Writes one response into a buffer the caller owns, compressing names (RFC 1035
/// §4.1.4) against those already written, and never past `limit`.
///
/// Compression compares bytes exactly, case included, as BIND 9.18 does: a name is
/// only replaced by a pointer to the same bytes, so every name keeps the case it was
/// written with (the zone's for data, the client's for the question). Suffixes are
/// found through a table of (key, length, offset) entries in the thread's
/// `ResponseArena`, the key being a suffix's first four octets; a candidate is then
/// checked octet by octet. Nothing is allocated per name.
///
/// A write that does not fit sets `overflowed` and writes nothing; callers write a
/// record, check, and roll back to a `Mark` taken before it.
struct ResponseWriter {
    struct CompressionEntry {
        /// The suffix's first four octets (its first label's length and up to three
        /// characters), zero-padded.
        var key: UInt32
        var offset: UInt16
        /// The suffix's uncompressed length.
        var length: UInt16
    }

    struct Mark {
        var count: Int
        var entryCount: Int
        var answerCount: Int
        var authorityCount: Int
        var additionalCount: Int
    }

    let buffer: UnsafeMutablePointer<UInt8>
    /// Nothing is written at or past this offset.
    var limit: Int
    private(set) var count = 0
    var overflowed = false

    private let entries: UnsafeMutablePointer<CompressionEntry>
    private let entryCapacity: Int
    private var entryCount = 0
    /// Per-name scratch: label starts (at most 128 labels).
    private let labelStarts: UnsafeMutablePointer<UInt8>

    var answerCount = 0
    var authorityCount = 0
    var additionalCount = 0

    init(arena: ResponseArena, limit: Int) {
        buffer = arena.response
        self.limit = min(limit, ResponseArena.responseCapacity)
        entries = arena.compression
        entryCapacity = ResponseArena.compressionCapacity
        labelStarts = arena.labelStarts
    }

    var mark: Mark {
        Mark(count: count, entryCount: entryCount, answerCount: answerCount, authorityCount: authorityCount,
             additionalCount: additionalCount)
    }

    /// Forgets everything written since `mark`, records and compression targets.
    mutating func rollback(to mark: Mark) {
        count = mark.count
        entryCount = mark.entryCount
        answerCount = mark.answerCount
        authorityCount = mark.authorityCount
        additionalCount = mark.additionalCount
        overflowed = false
    }

    @inline(__always)
    private mutating func reserve(_ length: Int) -> Bool {
        if overflowed || count + length > limit {
            overflowed = true
            return false
        }
        return true
    }

    @inline(__always)
    mutating func writeU16(_ value: UInt16) {
        guard reserve(2) else { return }
        buffer[count] = UInt8(value >> 8)
        buffer[count + 1] = UInt8(truncatingIfNeeded: value)
        count += 2
    }

    @inline(__always)
    mutating func writeU32(_ value: UInt32) {
        guard reserve(4) else { return }
        buffer[count] = UInt8(value >> 24)
        buffer[count + 1] = UInt8(truncatingIfNeeded: value >> 16)
        buffer[count + 2] = UInt8(truncatingIfNeeded: value >> 8)
        buffer[count + 3] = UInt8(truncatingIfNeeded: value)
        count += 4
    }

    @inline(__always)
    mutating func writeBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard reserve(bytes.count) else { return }
        if bytes.count > 0 { (buffer + count).update(from: bytes.baseAddress!, count: bytes.count) }
        count += bytes.count
    }

    /// Overwrites two bytes already written.
    @inline(__always)
    func setU16(_ value: UInt16, at offset: Int) {
        buffer[offset] = UInt8(value >> 8)
        buffer[offset + 1] = UInt8(truncatingIfNeeded: value)
    }

    /// A compression pointer to `offset`.
    @inline(__always)
    mutating func writePointer(_ offset: Int) {
        writeU16(0xC000 | UInt16(offset))
    }

    /// The first four octets at `start`, zero-padded past the end of `name`.
    @inline(__always)
    private static func key(_ name: UnsafeBufferPointer<UInt8>, _ start: Int) -> UInt32 {
        if start + 4 <= name.count {
            return UnsafeRawPointer(name.baseAddress! + start).loadUnaligned(as: UInt32.self)
        }
        var key: UInt32 = 0
        var i = start
        while i < name.count {
            key |= UInt32(name[i]) << (8 * UInt32(i - start))
            i += 1
        }
        return key
    }

    /// Writes an uncompressed wire-form name, as a pointer or labels plus a pointer
    /// when a suffix of it is already in the message and `compress` is set. Either way
    /// its suffixes become targets for later names (as in BIND).
    mutating func writeName(_ name: UnsafeBufferPointer<UInt8>, compress: Bool = true) {
        var labels = 0
        var index = 0
        while name[index] != 0 {
            labelStarts[labels] = UInt8(index)
            labels += 1
            index += 1 + Int(name[index])
        }
        var matched = labels
        var target = -1
        var k = 0
        if compress && entryCount > 0 {
            while k < labels {
                let start = Int(labelStarts[k])
                target = find(key: Self.key(name, start), suffix: UnsafeBufferPointer(rebasing: name[start...]))
                if target >= 0 {
                    matched = k
                    break
                }
                k += 1
            }
        }
        let prefixLength = matched < labels ? Int(labelStarts[matched]) : name.count
        guard reserve(prefixLength + (target >= 0 ? 2 : 0)) else { return }
        let base = count
        (buffer + count).update(from: name.baseAddress!, count: prefixLength)
        count += prefixLength
        if target >= 0 {
            buffer[count] = UInt8(0xC0 | (target >> 8))
            buffer[count + 1] = UInt8(truncatingIfNeeded: target)
            count += 2
        }
        k = 0
        while k < matched && entryCount < entryCapacity {
            let start = Int(labelStarts[k])
            let offset = base + start
            if offset >= 0x4000 { break }
            entries[entryCount] = CompressionEntry(key: Self.key(name, start), offset: UInt16(offset),
                                                   length: UInt16(name.count - start))
            entryCount += 1
            k += 1
        }
    }

    /// The offset of `suffix` in the message, or -1.
    private func find(key: UInt32, suffix: UnsafeBufferPointer<UInt8>) -> Int {
        var e = 0
        while e < entryCount {
            let entry = entries[e]
            if entry.key == key && Int(entry.length) == suffix.count && matches(at: Int(entry.offset), suffix) {
                return Int(entry.offset)
            }
            e += 1
        }
        return -1
    }

    /// Whether the name at `offset` in the message (following pointers) is `suffix`,
    /// byte for byte.
    private func matches(at offset: Int, _ suffix: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = offset
        var i = 0
        while true {
            var length = Int(buffer[cursor])
            while length >= 0xC0 {
                cursor = (length & 0x3F) << 8 | Int(buffer[cursor + 1])
                length = Int(buffer[cursor])
            }
            if suffix[i] != UInt8(length) { return false }
            if length == 0 { return true }
            var j = 1
            while j <= length {
                if buffer[cursor + j] != suffix[i + j] { return false }
                j += 1
            }
            cursor += 1 + length
            i += 1 + length
        }
    }

    /// The twelve header octets, written last.
    func writeHeader(id: UInt16, flags: UInt16, questionCount: Int) {
        setU16(id, at: 0)
        setU16(flags, at: 2)
        setU16(UInt16(questionCount), at: 4)
        setU16(UInt16(answerCount), at: 6)
        setU16(UInt16(authorityCount), at: 8)
        setU16(UInt16(additionalCount), at: 10)
    }

    /// Skips the header; it is written by `writeHeader` once the counts are known.
    mutating func skipHeader() {
        count = MessageHeader.wireLength
    }

    /// Drops everything after `offset` and forgets the compression targets there.
    mutating func truncate(to offset: Int) {
        count = offset
        var e = 0
        while e < entryCount && Int(entries[e].offset) < offset { e += 1 }
        entryCount = e
        overflowed = false
    }

    /// An OPT record (RFC 6891 §6.1.2) with no options; `limit` must have left room.
    mutating func writeOPT(payloadSize: UInt16, extendedRCode: UInt8, dnssecOK: Bool) {
        limit += 11
        guard reserve(11) else { return }
        buffer[count] = 0
        count += 1
        writeU16(RRType.opt.rawValue)
        writeU16(payloadSize)
        writeU32(UInt32(extendedRCode) << 24 | (dnssecOK ? 0x8000 : 0))
        writeU16(0)
        additionalCount += 1
    }
}

