/// OSI network service access point address (RFC 1706 §5): `0x` then hex digits, with
/// dots anywhere for readability; BIND prints it back in lower case without dots.
public struct NSAP: RDataFormat {
    public static let rrType = RRType.nsap
    public var address: [UInt8]

    public init(address: [UInt8]) { self.address = address }

    public init(wire reader: inout WireReader) throws(WireError) {
        address = reader.readRemaining()
        guard !address.isEmpty else { throw Self.malformed(reader, "empty address") }
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeBytes(address)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let token = try reader.nextUnquoted("an NSAP address")
        let text = reader.bytes(token)
        guard text.count >= 2, text.first == UInt8(ascii: "0"), text.dropFirst().first! | 0x20 == UInt8(ascii: "x"),
              let address = Base16.decode(text.dropFirst(2).filter { $0 != UInt8(ascii: ".") }), !address.isEmpty else {
            throw reader.error(.badRData, "bad NSAP address '\(reader.entry.text(of: token))': expected 0x and an even number of hex digits", at: token)
        }
        self.address = address
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.lowerHex(address, prefix: "0x")
    }

    public var rdata: RData { .nsap(self) }
}
