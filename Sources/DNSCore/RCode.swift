/// A response code (RFC 1035 §4.1.1, RFC 2136, RFC 6891 extended, RFC 8945 TSIG).
public struct RCode: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static let noError = RCode(0)
    public static let formErr = RCode(1)
    public static let servFail = RCode(2)
    public static let nxDomain = RCode(3)
    public static let notImp = RCode(4)
    public static let refused = RCode(5)
    public static let yxDomain = RCode(6)
    public static let yxRRSet = RCode(7)
    public static let nxRRSet = RCode(8)
    public static let notAuth = RCode(9)
    public static let notZone = RCode(10)
    public static let badVers = RCode(16)
    /// TSIG errors share the value 16 with BADVERS (RFC 8945 §3).
    public static let badSig = RCode(16)
    public static let badKey = RCode(17)
    public static let badTime = RCode(18)
    public static let badMode = RCode(19)
    public static let badName = RCode(20)
    public static let badAlg = RCode(21)
    public static let badTrunc = RCode(22)
    public static let badCookie = RCode(23)

    static let mnemonics: [UInt16: String] = [
        0: "NOERROR", 1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED",
        6: "YXDOMAIN", 7: "YXRRSET", 8: "NXRRSET", 9: "NOTAUTH", 10: "NOTZONE", 16: "BADVERS",
        17: "BADKEY", 18: "BADTIME", 19: "BADMODE", 20: "BADNAME", 21: "BADALG", 22: "BADTRUNC",
        23: "BADCOOKIE",
    ]

    public var mnemonic: String? { Self.mnemonics[rawValue] }
}

extension RCode: CustomStringConvertible {
    public var description: String { mnemonic ?? "RCODE\(rawValue)" }
}
