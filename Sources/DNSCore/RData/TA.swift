/// Trust anchor (the DNSSEC Trust Anchor draft); the DS format.
public struct TA: DelegationSignerFormat {
    public static let rrType = RRType.ta
    public var keyTag: UInt16
    public var algorithm: UInt8
    public var digestType: UInt8
    public var digest: [UInt8]

    public init(keyTag: UInt16, algorithm: UInt8, digestType: UInt8, digest: [UInt8]) {
        self.keyTag = keyTag
        self.algorithm = algorithm
        self.digestType = digestType
        self.digest = digest
    }

    public var rdata: RData { .ta(self) }
}
