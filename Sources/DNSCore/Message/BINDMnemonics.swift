/// BIND 9.18's names for types, classes and response codes, for tools that print what
/// BIND's tools print (nsupdate-swift's error lines, `-T`). They differ from our own
/// mnemonics in places; see `BINDText`.
public enum BINDMnemonics {
    /// `dns_rdatatype_totext`: `TYPEnnn` for a type BIND has no name for.
    public static func typeName(_ type: RRType) -> String { BINDText.typeName(type) }

    /// `dns_rdataclass_totext`.
    public static func className(_ rrClass: RRClass) -> String { BINDText.className(rrClass) }

    /// `dns_rcode_totext`: the number for a code without a name.
    public static func rcodeName(_ rcode: RCode) -> String { BINDText.rcodeName(rcode) ?? "\(rcode.rawValue)" }

    /// `dns_tsigrcode_totext`: a TSIG record's error field.
    public static func tsigErrorName(_ rcode: RCode) -> String { BINDText.tsigErrorName(rcode) }

    /// Every type code BIND 9.18 has a name for, in ascending order, meta-types included.
    public static let namedTypeCodes: [UInt16] = BINDText.typeNames.keys.sorted()
}
