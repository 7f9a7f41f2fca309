/// Writes big-endian integers and names in DNS wire form, compressing names
/// (RFC 1035 §4.1.4) against the names already written when asked to.
public struct WireWriter: Sendable {
    public private(set) var bytes: [UInt8]
    /// Offsets of name suffixes already written, for compression. Only offsets below
    /// 0x4000 can be the target of a pointer.
    private var suffixOffsets: [DomainName: Int] = [:]
    /// Whether names written uncompressed (RDATA of types that must not be compressed,
    /// like SRV) still serve as targets for later pointers, as BIND does. Worth it in a
    /// message; wasted work for a lone RDATA or a canonical form.
    public let remembersUncompressedNames: Bool

    public init(capacity: Int = 512, remembersUncompressedNames: Bool = false) {
        bytes = []
        bytes.reserveCapacity(capacity)
        self.remembersUncompressedNames = remembersUncompressedNames
    }

    public var count: Int { bytes.count }

    public mutating func writeU8(_ value: UInt8) { bytes.append(value) }

    public mutating func writeU16(_ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    public mutating func writeU32(_ value: UInt32) {
        bytes.append(UInt8(value >> 24))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    public mutating func writeBytes(_ data: some Collection<UInt8>) { bytes.append(contentsOf: data) }

    /// Overwrites two bytes already written (an RDLENGTH or a count).
    public mutating func setU16(_ value: UInt16, at offset: Int) {
        bytes[offset] = UInt8(value >> 8)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value)
    }

    /// A character-string: one length octet, then at most 255 octets.
    public mutating func writeCharacterString(_ data: some Collection<UInt8>) {
        precondition(data.count <= 255)
        bytes.append(UInt8(data.count))
        bytes.append(contentsOf: data)
    }

    /// Drops everything after `count` bytes, e.g. to back out a record that did not fit.
    /// Compression targets in the dropped part are forgotten.
    public mutating func truncate(to count: Int) {
        bytes.removeSubrange(count...)
        suffixOffsets = suffixOffsets.filter { $0.value < count }
    }

    public mutating func writeName(_ name: DomainName, compress: Bool) {
        guard compress else {
            if remembersUncompressedNames { rememberSuffixes(of: name, at: bytes.count) }
            bytes.append(contentsOf: name.wire)
            return
        }
        var current = name
        while !current.isRoot {
            if let offset = suffixOffsets[current] {
                writeU16(0xC000 | UInt16(offset))
                return
            }
            let start = bytes.count
            let length = Int(current.wire[0])
            bytes.append(contentsOf: current.wire[0...length])
            if start < 0x4000 { suffixOffsets[current] = start }
            current = current.parent!
        }
        bytes.append(0)
    }

    /// Records where each suffix of `name`, written at `offset`, starts.
    private mutating func rememberSuffixes(of name: DomainName, at offset: Int) {
        var current = name
        var start = offset
        while !current.isRoot, start < 0x4000 {
            if suffixOffsets[current] == nil { suffixOffsets[current] = start }
            start += 1 + Int(current.wire[0])
            current = current.parent!
        }
    }
}
