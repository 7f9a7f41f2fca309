/// ATM address (ATM Forum af-dans-0152.000): a format octet and the address, either an
/// AESA in hex (format 0) or E.164 digits written after `+` (format 1). Other formats
/// have no text form, and are written in RFC 3597 form as BIND does.
public struct ATMA: RDataFormat {
    public static let rrType = RRType.atma
    public var format: UInt8
    public var address: [UInt8]

    public init(format: UInt8, address: [UInt8]) {
        self.format = format
        self.address = address
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        format = try reader.readU8()
        address = reader.readRemaining()
        guard !address.isEmpty else { throw Self.malformed(reader, "empty address") }
        if format == 1 && !address.allSatisfy({ $0 &- 48 < 10 }) {
            throw Self.malformed(reader, "an E.164 address is digits only")
        }
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU8(format)
        writer.writeBytes(address)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let token = try reader.nextUnquoted("an ATM address")
        let text = reader.bytes(token)
        if text.first == UInt8(ascii: "+") {
            let digits = text.dropFirst()
            guard !digits.isEmpty, digits.allSatisfy({ $0 &- 48 < 10 }) else {
                throw reader.error(.badRData, "bad E.164 address '\(reader.entry.text(of: token))'", at: token)
            }
            format = 1
            address = Array(digits)
        } else {
            guard let bytes = Base16.decode(text.filter { $0 != UInt8(ascii: ".") }), !bytes.isEmpty else {
                throw reader.error(.badRData, "bad ATM address '\(reader.entry.text(of: token))': hex digits, dots allowed", at: token)
            }
            format = 0
            address = bytes
        }
    }

    public func writeText(to writer: inout RDataTextWriter) {
        switch format {
        case 0:
            writer.lowerHex(address)
        case 1:
            writer.word("+" + String(decoding: address, as: UTF8.self))
        default:
            writer.generic([format] + address)
        }
    }

    public var rdata: RData { .atma(self) }
}
