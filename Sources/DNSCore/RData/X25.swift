/// X.25 PSDN address (RFC 1183 §3.1): one character-string of at least four digits.
public struct X25: RDataFormat {
    public static let rrType = RRType.x25
    public var address: [UInt8]

    public init(address: [UInt8]) { self.address = address }

    /// BIND wants at least four decimal digits.
    static func isValid(_ address: [UInt8]) -> Bool {
        address.count >= 4 && address.allSatisfy { $0 &- 48 < 10 }
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        address = try reader.readCharacterString()
        guard Self.isValid(address) else { throw Self.malformed(reader, "the address must be at least four digits") }
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeCharacterString(address)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let token = reader.currentToken
        address = try reader.characterString("the PSDN address")
        guard Self.isValid(address) else {
            throw reader.error(.badRData, "the X25 address must be at least four digits", at: token)
        }
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.quoted(address)
    }

    public var rdata: RData { .x25(self) }
}
