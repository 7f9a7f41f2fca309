/// Child-to-parent synchronisation (RFC 7477 §2): SOA serial, flags, and the types the
/// parent should copy.
public struct CSYNC: RDataFormat {
    public static let rrType = RRType.csync
    public var serial: UInt32
    /// Bit 0 immediate, bit 1 soaminimum (RFC 7477 §2.1.1.2).
    public var flags: UInt16
    /// May be empty.
    public var types: TypeBitmap

    public init(serial: UInt32, flags: UInt16, types: TypeBitmap) {
        self.serial = serial
        self.flags = flags
        self.types = types
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        serial = try reader.readU32()
        flags = try reader.readU16()
        types = try TypeBitmap(wire: &reader, allowEmpty: true, owner: Self.rrType)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU32(serial)
        writer.writeU16(flags)
        types.encode(to: &writer)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        serial = try reader.u32("SOA serial")
        flags = try reader.u16("flags")
        types = try TypeBitmap(text: &reader)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(serial)
        writer.number(flags)
        types.writeText(to: &writer)
    }

    public var rdata: RData { .csync(self) }
}
