/// ILNP 32-bit locator (RFC 6742 §2.2): a preference and an IPv4-shaped locator.
public struct L32: RDataFormat {
    public static let rrType = RRType.l32
    public var preference: UInt16
    public var locator: IPv4Address

    public init(preference: UInt16, locator: IPv4Address) {
        self.preference = preference
        self.locator = locator
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        preference = try reader.readU16()
        locator = IPv4Address(try reader.readU32())
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(preference)
        writer.writeU32(locator.value)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        preference = try reader.u16("preference")
        locator = try reader.ipv4("a 32-bit locator")
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(preference)
        writer.word(locator.description)
    }

    public var rdata: RData { .l32(self) }
}
