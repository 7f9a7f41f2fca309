/// An IPv4 host address (RFC 1035 §3.4.1).
public struct A: RDataFormat {
    public static let rrType = RRType.a
    public var address: IPv4Address

    public init(_ address: IPv4Address) { self.address = address }

    public init(wire reader: inout WireReader) throws(WireError) {
        guard reader.remaining == 4 else { throw Self.malformed(reader, "expected 4 octets, found \(reader.remaining)") }
        address = IPv4Address(try reader.readU32())
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU32(address.value)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        address = try reader.ipv4()
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.word(address.description)
    }

    public var rdata: RData { .a(self) }
}
