/// Next domain (RFC 2535 §5, obsoleted by NSEC): the next name and a bitmap of the
/// types 1 to 127 present at this one.
public struct NXT: RDataFormat {
    public static let rrType = RRType.nxt
    public var nextName: DomainName
    /// Ascending, without repeats, each from 1 to 127.
    public private(set) var types: [RRType]

    public init(nextName: DomainName, types: some Sequence<RRType>) {
        self.nextName = nextName
        self.types = Array(Set(types)).sorted()
        precondition(self.types.allSatisfy { (1...127).contains($0.rawValue) }, "NXT covers types 1 to 127")
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        nextName = try reader.readName(allowCompression: true)
        let bitmap = reader.readRemaining()
        // RFC 2535 §5.2: bit 0 set would announce another bitmap format; BIND also
        // wants the shortest bitmap (no trailing zero octet) of at most 16 octets.
        if let first = bitmap.first {
            guard first & 0x80 == 0, bitmap.count <= 16, bitmap.last != 0 else {
                throw Self.malformed(reader, "bad type bitmap")
            }
        }
        var types: [RRType] = []
        for (i, byte) in bitmap.enumerated() where byte != 0 {
            for bit in 0..<8 where byte & (0x80 >> bit) != 0 { types.append(RRType(UInt16(i * 8 + bit))) }
        }
        self.types = types
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeName(nextName, compress: false)
        guard let last = types.last else { return }
        var bitmap = [UInt8](repeating: 0, count: Int(last.rawValue) / 8 + 1)
        for type in types { bitmap[Int(type.rawValue) / 8] |= 0x80 >> UInt8(type.rawValue % 8) }
        writer.writeBytes(bitmap)
    }

    /// Types are mnemonics or plain numbers (BIND writes numbers for types without a
    /// mnemonic, and reads them back).
    public init(text reader: inout RDataTextReader) throws(TextError) {
        nextName = try reader.name("the next domain name")
        var types: [RRType] = []
        while !reader.isAtEnd {
            let token = try reader.nextUnquoted("a type")
            let text = reader.bytes(token)
            let type: RRType
            if let number = Self.parseSignedDecimal(text) {
                type = RRType(UInt16(truncatingIfNeeded: number))
            } else if let named = RRType(mnemonic: text) {
                type = named
            } else {
                throw reader.error(.unknownType, "unknown RR type '\(reader.entry.text(of: token))'", at: token)
            }
            guard (1...127).contains(type.rawValue) else {
                throw reader.error(.badRData, "NXT covers types 1 to 127 only", at: token)
            }
            types.append(type)
        }
        self.types = Array(Set(types)).sorted()
    }

    /// `strtol` as BIND uses it here: an optional sign, then digits, nothing else.
    static func parseSignedDecimal(_ text: ArraySlice<UInt8>) -> Int64? {
        var digits = text
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard let value = DecimalText.parse(digits), value <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(value) : Int64(value)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.name(nextName)
        for type in types {
            if let mnemonic = type.mnemonic { writer.word(mnemonic) } else { writer.number(type.rawValue) }
        }
    }

    public var rdata: RData { .nxt(self) }
}
