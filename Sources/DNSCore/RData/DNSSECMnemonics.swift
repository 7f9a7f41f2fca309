/// The mnemonics BIND reads and writes for DNSSEC code fields (lib/dns/rcode.c).
public enum DNSSECMnemonics {
    /// DNS security algorithms (RFC 4034 Appendix A.1, IANA registry), as BIND 9.18
    /// names them: reads in any case, and CERT writes them back by name.
    public static let algorithms = MnemonicTable([
        ("RSAMD5", 1), ("DH", 2), ("DSA", 3), ("RSASHA1", 5), ("NSEC3DSA", 6),
        ("NSEC3RSASHA1", 7), ("RSASHA256", 8), ("RSASHA512", 10), ("ECCGOST", 12),
        ("ECDSAP256SHA256", 13), ("ECDSAP384SHA384", 14), ("ED25519", 15), ("ED448", 16),
        ("INDIRECT", 252), ("PRIVATEDNS", 253), ("PRIVATEOID", 254),
    ])

    /// DS digest types (RFC 4034 §5.1.3, RFC 4509, RFC 5933, RFC 6605).
    public static let digestTypes = MnemonicTable([
        ("SHA-1", 1), ("SHA1", 1), ("SHA-256", 2), ("SHA256", 2), ("GOST", 3),
        ("SHA-384", 4), ("SHA384", 4),
    ])

    /// KEY protocol octet (RFC 2535 §3.1.3); DNSKEY's is always 3 but reads the same way.
    public static let keyProtocols = MnemonicTable([
        ("NONE", 0), ("TLS", 1), ("EMAIL", 2), ("DNSSEC", 3), ("IPSEC", 4), ("ALL", 255),
    ])

    /// NSEC3 hash algorithms (RFC 5155 §11).
    public static let nsec3HashAlgorithms = MnemonicTable([("SHA-1", 1)])

    /// CERT certificate types (RFC 4398 §2.1).
    public static let certificateTypes = MnemonicTable([
        ("PKIX", 1), ("SPKI", 2), ("PGP", 3), ("IPKIX", 4), ("ISPKI", 5), ("IPGP", 6),
        ("ACPKIX", 7), ("IACPKIX", 8), ("URI", 253), ("OID", 254),
    ])

    /// KEY flag names (RFC 2535 §3.1.2) joined with `|`, as `dns_keyflags_fromtext`
    /// reads them. Each part may be any prefix of a name and takes the first name in
    /// this order that it begins, so `Z` is ZONE and an empty part is NOCONF: BIND's
    /// quirk, kept so the same text means the same flags here.
    static let keyFlagNames: [(name: String, value: UInt16)] = [
        ("NOCONF", 0x4000), ("NOAUTH", 0x8000), ("NOKEY", 0xC000), ("FLAG2", 0x2000),
        ("EXTEND", 0x1000), ("FLAG4", 0x0800), ("FLAG5", 0x0400), ("USER", 0x0000),
        ("ZONE", 0x0100), ("HOST", 0x0200), ("NTYP3", 0x0300), ("FLAG8", 0x0080),
        ("FLAG9", 0x0040), ("FLAG10", 0x0020), ("FLAG11", 0x0010), ("SIG0", 0),
        ("SIG1", 1), ("SIG2", 2), ("SIG3", 3), ("SIG4", 4), ("SIG5", 5), ("SIG6", 6),
        ("SIG7", 7), ("SIG8", 8), ("SIG9", 9), ("SIG10", 10), ("SIG11", 11), ("SIG12", 12),
        ("SIG13", 13), ("SIG14", 14), ("SIG15", 15), ("KSK", 0x0001),
    ]

    /// Key flags as a number (decimal, or hex such as `0x101`) or as flag names.
    static func keyFlags(_ text: ArraySlice<UInt8>) -> UInt16? {
        switch CodeText.parse(text, max: 0xFFFF, hexAllowed: true) {
        case .number(let value): return UInt16(value)
        case .outOfRange: return nil
        case .notNumber: break
        }
        var value: UInt16 = 0
        var part = text.startIndex
        while part < text.endIndex {
            let end = text[part...].firstIndex(of: UInt8(ascii: "|")) ?? text.endIndex
            let piece = text[part..<end]
            guard let flag = keyFlagNames.first(where: { entry in
                piece.count <= entry.name.utf8.count
                    && zip(entry.name.utf8, piece).allSatisfy { asciiLower($0) == asciiLower($1) }
            }) else { return nil }
            value |= flag.value
            part = end == text.endIndex ? end : end + 1
        }
        return value
    }
}

extension RDataTextReader {
    /// A DNSSEC algorithm number or mnemonic (RFC 4034 Appendix A.1).
    public mutating func dnssecAlgorithm(_ what: String = "algorithm") throws(TextError) -> UInt8 {
        UInt8(try code(what, max: 255, table: DNSSECMnemonics.algorithms))
    }

    /// KEY and DNSKEY flags: a number or `|`-joined flag names.
    public mutating func keyFlags(_ what: String = "flags") throws(TextError) -> UInt16 {
        let token = try nextUnquoted(what)
        guard let flags = DNSSECMnemonics.keyFlags(bytes(token)) else {
            throw TextError(.badRData, "bad \(what) '\(entry.text(of: token))'", at: token)
        }
        return flags
    }
}
