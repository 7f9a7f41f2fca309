/// A 64-bit ILNP value (NID, L64) in text: four groups of one to four hex digits
/// separated by colons (RFC 6742 §2.1), printed like `14:4fff:ff20:ee64`.
enum ILNPLocator {
    static func parse(_ text: ArraySlice<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        var groups = 0
        var digits = 0
        var group: UInt64 = 0
        for byte in text {
            if byte == UInt8(ascii: ":") {
                guard digits > 0, groups < 3 else { return nil }
                value = value << 16 | group
                groups += 1
                digits = 0
                group = 0
                continue
            }
            guard let digit = Base16.value(byte), digits < 4 else { return nil }
            group = group << 4 | UInt64(digit)
            digits += 1
        }
        guard groups == 3, digits > 0 else { return nil }
        return value << 16 | group
    }

    static func format(_ value: UInt64) -> String {
        (0..<4).map { String((value >> UInt64(48 - 16 * $0)) & 0xFFFF, radix: 16) }.joined(separator: ":")
    }
}

/// RDATA of a preference and a 64-bit ILNP value (NID, L64).
public protocol ILNP64Format: RDataFormat {
    var preference: UInt16 { get }
    var value: UInt64 { get }
    init(preference: UInt16, value: UInt64)
}

extension ILNP64Format {
    public init(wire reader: inout WireReader) throws(WireError) {
        let preference = try reader.readU16()
        let high = UInt64(try reader.readU32())
        self.init(preference: preference, value: high << 32 | UInt64(try reader.readU32()))
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(preference)
        writer.writeU32(UInt32(truncatingIfNeeded: value >> 32))
        writer.writeU32(UInt32(truncatingIfNeeded: value))
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let preference = try reader.u16("preference")
        let token = try reader.nextUnquoted("a 64-bit locator")
        guard let value = ILNPLocator.parse(reader.bytes(token)) else {
            throw reader.error(.badRData, "bad locator '\(reader.entry.text(of: token))': expected four groups of hex like 14:4fff:ff20:ee64", at: token)
        }
        self.init(preference: preference, value: value)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(preference)
        writer.word(ILNPLocator.format(value))
    }
}
