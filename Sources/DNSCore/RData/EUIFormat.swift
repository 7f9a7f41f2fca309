/// RDATA that is an IEEE EUI-48 or EUI-64 address (RFC 7043), written as hex pairs
/// separated by hyphens (`00-00-5e-00-53-2a`).
public protocol EUIFormat: RDataFormat {
    static var octetCount: Int { get }
    var octets: [UInt8] { get }
    init(uncheckedOctets: [UInt8])
}

extension EUIFormat {
    public init(wire reader: inout WireReader) throws(WireError) {
        guard reader.remaining == Self.octetCount else {
            throw Self.malformed(reader, "expected \(Self.octetCount) octets, found \(reader.remaining)")
        }
        self.init(uncheckedOctets: try reader.readBytes(Self.octetCount))
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeBytes(octets)
    }

    /// BIND scans with `sscanf("%2x-%2x-...")`: one or two hex digits per octet (a
    /// `+` sign or a bare `0x` counting toward the two), and text after the last
    /// octet ignored. Kept as is so the same text reads the same.
    public init(text reader: inout RDataTextReader) throws(TextError) {
        let token = try reader.nextUnquoted("an EUI address")
        let text = reader.bytes(token)
        var octets: [UInt8] = []
        var i = text.startIndex
        for n in 0..<Self.octetCount {
            if n > 0 {
                guard i < text.endIndex, text[i] == UInt8(ascii: "-") else { break }
                i += 1
            }
            guard let (value, next) = Self.scanHexField(text, from: i) else { break }
            octets.append(value)
            i = next
        }
        guard octets.count == Self.octetCount else {
            throw reader.error(.badRData, "bad EUI address '\(reader.entry.text(of: token))'", at: token)
        }
        self.init(uncheckedOctets: octets)
    }

    /// One `%2x` conversion: at most two characters, value at most 255.
    static func scanHexField(_ text: ArraySlice<UInt8>, from start: Int) -> (UInt8, Int)? {
        var i = start
        var width = 2
        var negative = false
        if i < text.endIndex, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
            width -= 1
        }
        var value = 0
        var digits = 0
        while width > 0, i < text.endIndex {
            if digits == 1, value == 0, text[i] | 0x20 == UInt8(ascii: "x") {
                // "0x" is a hex prefix to scanf; with the width used up it reads 0.
                i += 1
                width -= 1
                continue
            }
            guard let digit = Base16.value(text[i]) else { break }
            value = value << 4 | Int(digit)
            digits += 1
            i += 1
            width -= 1
        }
        guard digits > 0 else { return nil }
        if negative && value != 0 { return nil }
        return (UInt8(value), i)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.word(octets.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined(separator: "-"))
    }
}
