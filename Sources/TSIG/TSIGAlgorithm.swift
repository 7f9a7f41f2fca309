import DNSCore

/// A TSIG MAC algorithm, named by its domain name on the wire (RFC 8945 §6).
public struct TSIGAlgorithm: Hashable, Sendable, CustomStringConvertible {
    /// The algorithm's name as it appears in the TSIG record.
    public let name: DomainName
    /// The full MAC length in octets.
    public let digestLength: Int
    /// The hash's block size, for HMAC key padding.
    let blockLength: Int

    public static let hmacMD5 = TSIGAlgorithm(name: "hmac-md5.sig-alg.reg.int.", digestLength: 16, blockLength: 64)
    public static let hmacSHA1 = TSIGAlgorithm(name: "hmac-sha1.", digestLength: 20, blockLength: 64)
    public static let hmacSHA224 = TSIGAlgorithm(name: "hmac-sha224.", digestLength: 28, blockLength: 64)
    public static let hmacSHA256 = TSIGAlgorithm(name: "hmac-sha256.", digestLength: 32, blockLength: 64)
    public static let hmacSHA384 = TSIGAlgorithm(name: "hmac-sha384.", digestLength: 48, blockLength: 128)
    public static let hmacSHA512 = TSIGAlgorithm(name: "hmac-sha512.", digestLength: 64, blockLength: 128)

    public static let all: [TSIGAlgorithm] = [.hmacMD5, .hmacSHA1, .hmacSHA224, .hmacSHA256, .hmacSHA384, .hmacSHA512]

    /// The algorithm a TSIG record names, ignoring case.
    public init?(name: DomainName) {
        guard let known = Self.all.first(where: { $0.name == name }) else { return nil }
        self = known
    }

    /// BIND's configuration spelling: `hmac-sha256`, also `hmac-md5.sig-alg.reg.int`.
    public init?(bindName: String) {
        let lower = bindName.lowercased()
        switch lower {
        case "hmac-md5", "hmac-md5.sig-alg.reg.int", "hmac-md5.sig-alg.reg.int.": self = .hmacMD5
        case "hmac-sha1": self = .hmacSHA1
        case "hmac-sha224": self = .hmacSHA224
        case "hmac-sha256": self = .hmacSHA256
        case "hmac-sha384": self = .hmacSHA384
        case "hmac-sha512": self = .hmacSHA512
        default: return nil
        }
    }

    private init(name: DomainName, digestLength: Int, blockLength: Int) {
        self.name = name
        self.digestLength = digestLength
        self.blockLength = blockLength
    }

    /// The spelling BIND's key files use.
    public var bindName: String {
        self == .hmacMD5 ? "hmac-md5" : name.bindText
    }

    public var description: String { bindName }

    /// The shortest MAC RFC 8945 §5.2.2.1 accepts: half the digest, and at least 10.
    public var minimumTruncatedLength: Int { max(10, (digestLength + 1) / 2) }
}

extension DomainName {
    var bindText: String {
        let text = description
        return isRoot ? text : String(text.dropLast())
    }
}
