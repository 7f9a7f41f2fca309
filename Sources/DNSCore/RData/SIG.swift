/// Signature of RFC 2535 §4.1, now only SIG(0) over a message (RFC 2931).
public struct SIG: SignatureFormat {
    public static let rrType = RRType.sig
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

    public static var allowsDecompression: Bool { true }
    public static var allowsSecondsInText: Bool { false }
    public var rdata: RData { .sig(self) }
}
