/// An IPv6 host address (RFC 3596 §2.2).
public struct AAAA: RDataFormat {
    public static let rrType = RRType.aaaa
    public var address: IPv6Address

    public init(_ address: IPv6Address) { self.address = address }

    public init(wire reader: inout WireReader) throws(WireError) {
        guard reader.remaining == 16 else { throw Self.malformed(reader, "expected 16 octets, found \(reader.remaining)") }
        address = IPv6Address(bytes: try reader.readBytes(16))
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeBytes(address.bytes)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        address = try reader.ipv6()
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.word(address.description)
    }

    public var rdata: RData { .aaaa(self) }
}
