extension ResourceRecord {
    /// The fewest octets a record can take on the wire: a root owner, type, class,
    /// TTL, RDLENGTH and no RDATA. Decoding checks record counts against it before
    /// trusting them.
    public static let minimumWireLength = 11

    /// Appends the record. The owner is compressed when `compress` is set; RDATA names
    /// only where their type allows it (RFC 3597 §4).
    public func encode(to writer: inout WireWriter, compress: Bool = true) {
        writer.writeName(owner, compress: compress)
        writer.writeU16(type.rawValue)
        writer.writeU16(rrClass.rawValue)
        writer.writeU32(ttl)
        let lengthOffset = writer.count
        writer.writeU16(0)
        rdata.encode(to: &writer, compress: compress)
        let length = writer.count - lengthOffset - 2
        precondition(length <= 0xFFFF, "\(type) RDATA longer than 65535 octets")
        writer.setU16(UInt16(length), at: lengthOffset)
    }

    /// Whether `other` belongs to the same RRset (RFC 2181 §5): same owner, class, type.
    public func isSameRRset(as other: ResourceRecord) -> Bool {
        type == other.type && rrClass == other.rrClass && owner == other.owner
    }
}
