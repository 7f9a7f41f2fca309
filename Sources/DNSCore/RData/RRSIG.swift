/// DNSSEC signature over an RRset (RFC 4034 §3).
public struct RRSIG: SignatureFormat {
    public static let rrType = RRType.rrsig
    public var typeCovered: RRType
    public var algorithm: UInt8
    public var labels: UInt8
    public var originalTTL: UInt32
    public var expiration: UInt32
    public var inception: UInt32
    public var keyTag: UInt16
    public var signerName: DomainName
    public var signature: [UInt8]

    public init(typeCovered: RRType, algorithm: UInt8, labels: UInt8, originalTTL: UInt32,
                expiration: UInt32, inception: UInt32, keyTag: UInt16, signerName: DomainName, signature: [UInt8]) {
        self.typeCovered = typeCovered
        self.algorithm = algorithm
        self.labels = labels
        self.originalTTL = originalTTL
        self.expiration = expiration
        self.inception = inception
        self.keyTag = keyTag
        self.signerName = signerName
        self.signature = signature
    }

    public static var allowsDecompression: Bool { false }
    public static var allowsSecondsInText: Bool { true }
    public var rdata: RData { .rrsig(self) }
}
