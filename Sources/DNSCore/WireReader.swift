/// Reads big-endian integers and names from DNS wire data.
///
/// The reader keeps the whole message so compression pointers (RFC 1035 §4.1.4) can be
/// followed; `limit` bounds the current item (an RDATA) so a field cannot run past it.
public struct WireReader: Sendable {
    public let bytes: [UInt8]
    public var position: Int
    /// Reads must stay below this offset.
    public var limit: Int

    public init(bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
        self.limit = bytes.count
    }

    public var remaining: Int { limit - position }
    public var isAtEnd: Bool { position >= limit }

    @inline(__always)
    func require(_ count: Int) throws(WireError) {
        guard count <= limit - position else { throw WireError(.truncated, at: position) }
    }

    public mutating func readU8() throws(WireError) -> UInt8 {
        try require(1)
        defer { position += 1 }
        return bytes[position]
    }

    public mutating func readU16() throws(WireError) -> UInt16 {
        try require(2)
        defer { position += 2 }
        return UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1])
    }

    public mutating func readU32() throws(WireError) -> UInt32 {
        try require(4)
        defer { position += 4 }
        return UInt32(bytes[position]) << 24 | UInt32(bytes[position + 1]) << 16
            | UInt32(bytes[position + 2]) << 8 | UInt32(bytes[position + 3])
    }

    public mutating func readBytes(_ count: Int) throws(WireError) -> [UInt8] {
        try require(count)
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    /// The rest of the current item.
    public mutating func readRemaining() -> [UInt8] {
        defer { position = limit }
        return Array(bytes[position..<limit])
    }

    /// A length-prefixed character-string (RFC 1035 §3.3).
    public mutating func readCharacterString() throws(WireError) -> [UInt8] {
        let length = Int(try readU8())
        return try readBytes(length)
    }

    /// A name has at most 127 labels, so it never needs more pointers than that. Chains
    /// of pointers to pointers are legal but useless; without a cap, a message full of
    /// them would make every name cost thousands of hops.
    public static let maxPointersPerName = 127

    /// Reads a name, following compression pointers when `allowCompression` is set.
    /// Each pointer must point before every position already visited, which makes
    /// loops impossible; the hop cap bounds the work per name.
    public mutating func readName(allowCompression: Bool = true) throws(WireError) -> DomainName {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        var cursor = position
        var end = -1  // where reading resumes after the first pointer
        var lowestVisited = position
        var hops = 0
        let bound = limit
        while true {
            // A name may be followed by a pointer anywhere in the message, but its own
            // labels must stay inside the current item until the first pointer.
            let cursorLimit = end < 0 ? bound : bytes.count
            guard cursor < cursorLimit else { throw WireError(.truncated, at: cursor) }
            let length = Int(bytes[cursor])
            switch length & 0xC0 {
            case 0x00:
                guard cursor + 1 + length <= cursorLimit else { throw WireError(.truncated, at: cursor) }
                out.append(UInt8(length))
                out.append(contentsOf: bytes[(cursor + 1)..<(cursor + 1 + length)])
                guard out.count <= DomainName.maxWireLength else { throw WireError(.nameTooLong, at: cursor) }
                cursor += 1 + length
                if length == 0 {
                    position = end < 0 ? cursor : end
                    return DomainName(uncheckedWire: out)
                }
            case 0xC0:
                guard allowCompression else { throw WireError(.badPointer, at: cursor, "compression not allowed here") }
                guard cursor + 2 <= cursorLimit else { throw WireError(.truncated, at: cursor) }
                let target = (length & 0x3F) << 8 | Int(bytes[cursor + 1])
                guard target < lowestVisited else {
                    throw WireError(target >= cursor ? .badPointer : .pointerLoop, at: cursor, "pointer to \(target)")
                }
                hops += 1
                guard hops <= Self.maxPointersPerName else {
                    throw WireError(.pointerLoop, at: cursor, "more than \(Self.maxPointersPerName) pointers in one name")
                }
                if end < 0 { end = cursor + 2 }
                lowestVisited = target
                cursor = target
            default:
                throw WireError(.badLabelType, at: cursor)
            }
        }
    }
}
