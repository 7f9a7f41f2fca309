/// An Extended DNS Error (RFC 8914): an INFO-CODE saying why a response is what it is
/// (a REFUSED because of policy, a SERVFAIL because a zone expired) and optional
/// UTF-8 EXTRA-TEXT for people.
public struct ExtendedDNSError: Hashable, Sendable {
    public var infoCode: InfoCode
    /// RFC 8914 §2: UTF-8, not NUL-terminated, possibly empty. Octets that are not
    /// UTF-8 are replaced when read; the raw option keeps them.
    public var extraText: String

    public init(infoCode: InfoCode, extraText: String = "") {
        self.infoCode = infoCode
        self.extraText = extraText
    }

    /// Reads an EDE option. Its data must hold at least the 2-octet INFO-CODE.
    public init(option: EDNSOption) throws(WireError) {
        guard option.code == .extendedDNSError else {
            throw WireError(.badOPT, at: 0, "option \(option.code) is not an Extended DNS Error")
        }
        guard option.data.count >= 2 else {
            throw WireError(.badOPT, at: 0, "Extended DNS Error needs a 2-octet INFO-CODE, found \(option.data.count) octets")
        }
        infoCode = InfoCode(UInt16(option.data[0]) << 8 | UInt16(option.data[1]))
        extraText = String(decoding: option.data[2...], as: UTF8.self)
    }

    public var option: EDNSOption {
        var data: [UInt8] = [UInt8(infoCode.rawValue >> 8), UInt8(truncatingIfNeeded: infoCode.rawValue)]
        data.append(contentsOf: extraText.utf8)
        return EDNSOption(code: .extendedDNSError, data: data)
    }

    /// An INFO-CODE (RFC 8914 §4, IANA "Extended DNS Error Codes").
    public struct InfoCode: RawRepresentable, Hashable, Sendable {
        public var rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public init(_ rawValue: UInt16) { self.rawValue = rawValue }

        public static let other = InfoCode(0)
        public static let unsupportedDNSKEYAlgorithm = InfoCode(1)
        public static let unsupportedDSDigestType = InfoCode(2)
        public static let staleAnswer = InfoCode(3)
        public static let forgedAnswer = InfoCode(4)
        public static let dnssecIndeterminate = InfoCode(5)
        public static let dnssecBogus = InfoCode(6)
        public static let signatureExpired = InfoCode(7)
        public static let signatureNotYetValid = InfoCode(8)
        public static let dnskeyMissing = InfoCode(9)
        public static let rrsigsMissing = InfoCode(10)
        public static let noZoneKeyBitSet = InfoCode(11)
        public static let nsecMissing = InfoCode(12)
        public static let cachedError = InfoCode(13)
        public static let notReady = InfoCode(14)
        public static let blocked = InfoCode(15)
        public static let censored = InfoCode(16)
        public static let filtered = InfoCode(17)
        public static let prohibited = InfoCode(18)
        public static let staleNXDomainAnswer = InfoCode(19)
        public static let notAuthoritative = InfoCode(20)
        public static let notSupported = InfoCode(21)
        public static let noReachableAuthority = InfoCode(22)
        public static let networkError = InfoCode(23)
        public static let invalidData = InfoCode(24)

        /// The RFC 8914 §4 names, as dig prints them.
        static let names: [String] = [
            "Other", "Unsupported DNSKEY Algorithm", "Unsupported DS Digest Type",
            "Stale Answer", "Forged Answer", "DNSSEC Indeterminate", "DNSSEC Bogus",
            "Signature Expired", "Signature Not Yet Valid", "DNSKEY Missing",
            "RRSIGs Missing", "No Zone Key Bit Set", "NSEC Missing", "Cached Error",
            "Not Ready", "Blocked", "Censored", "Filtered", "Prohibited",
            "Stale NXDOMAIN Answer", "Not Authoritative", "Not Supported",
            "No Reachable Authority", "Network Error", "Invalid Data",
        ]

        /// The registered name, or nil for a code without one.
        public var name: String? {
            Int(rawValue) < Self.names.count ? Self.names[Int(rawValue)] : nil
        }
    }
}
