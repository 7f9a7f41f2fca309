/// Child copy of DS for the parent to pick up (RFC 7344 §3.1); `0 0 0 00` asks for deletion (RFC 8078 §4).
public struct CDS: DelegationSignerFormat {
    public static let rrType = RRType.cds
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

    public var rdata: RData { .cds(self) }
}
