/// ISDN address (RFC 1183 §3.2): the address and an optional subaddress.
public struct ISDN: RDataFormat {
    public static let rrType = RRType.isdn
    public var address: [UInt8]
    public var subaddress: [UInt8]?

    public init(address: [UInt8], subaddress: [UInt8]? = nil) {
        self.address = address
        self.subaddress = subaddress
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        address = try reader.readCharacterString()
        subaddress = reader.isAtEnd ? nil : try reader.readCharacterString()
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeCharacterString(address)
        if let subaddress { writer.writeCharacterString(subaddress) }
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        address = try reader.characterString("the ISDN address")
        subaddress = reader.isAtEnd ? nil : try reader.characterString("the subaddress")
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.quoted(address)
        if let subaddress { writer.quoted(subaddress) }
    }

    public var rdata: RData { .isdn(self) }
}
