/// A resource record CLASS code (RFC 1035 §3.2.4, RFC 2136 §2.4 for NONE and ANY).
public struct RRClass: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static let `in` = RRClass(1)
    public static let cs = RRClass(2)
    public static let ch = RRClass(3)
    public static let hs = RRClass(4)
    public static let none = RRClass(254)
    public static let any = RRClass(255)

    static let mnemonics: [UInt16: String] = [1: "IN", 2: "CS", 3: "CH", 4: "HS", 254: "NONE", 255: "ANY"]

    public var mnemonic: String? { Self.mnemonics[rawValue] }

    /// Looks up `IN`, `CH`, `CHAOS`, `HS`, `HESIOD`, `NONE`, `ANY` or `CLASSnnn`, ignoring case.
    @inlinable
    public init?(mnemonic text: some Collection<UInt8>) {
        guard !text.isEmpty, text.count <= 10 else { return nil }
        // The common cases without building a String: most tokens a zone parser asks
        // about are not classes at all.
        if text.count == 2 {
            var iterator = text.makeIterator()
            let a = iterator.next()! | 0x20, b = iterator.next()! | 0x20
            switch (a, b) {
            case (UInt8(ascii: "i"), UInt8(ascii: "n")): self = .in; return
            case (UInt8(ascii: "c"), UInt8(ascii: "h")): self = .ch; return
            case (UInt8(ascii: "h"), UInt8(ascii: "s")): self = .hs; return
            case (UInt8(ascii: "c"), UInt8(ascii: "s")): self = .cs; return
            default: return nil
            }
        }
        guard let first = text.first, [UInt8(ascii: "c"), UInt8(ascii: "h"), UInt8(ascii: "n"), UInt8(ascii: "a")].contains(first | 0x20) else {
            return nil
        }
        self.init(longMnemonic: Array(text))
    }

    @usableFromInline
    init?(longMnemonic text: [UInt8]) {
        let upper = String(decoding: text.map { $0 &- 0x61 < 26 ? $0 - 0x20 : $0 }, as: UTF8.self)
        switch upper {
        case "IN": self = .in
        case "CS": self = .cs
        case "CH", "CHAOS": self = .ch
        case "HS", "HESIOD": self = .hs
        case "NONE": self = .none
        case "ANY": self = .any
        default:
            guard let code = parseGenericMnemonic(upper, prefix: "CLASS") else { return nil }
            self.init(code)
        }
    }

    public init?(mnemonic text: String) { self.init(mnemonic: Array(text.utf8)) }
}

extension RRClass: CustomStringConvertible {
    public var description: String { mnemonic ?? "CLASS\(rawValue)" }
}
