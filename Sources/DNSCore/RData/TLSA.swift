/// TLS server certificate association (RFC 6698 §2).
public struct TLSA: CertificateAssociationFormat {
    public static let rrType = RRType.tlsa
    public var usage: UInt8
    public var selector: UInt8
    public var matchingType: UInt8
    public var associationData: [UInt8]

    public init(usage: UInt8, selector: UInt8, matchingType: UInt8, associationData: [UInt8]) {
        self.usage = usage
        self.selector = selector
        self.matchingType = matchingType
        self.associationData = associationData
    }

    public var rdata: RData { .tlsa(self) }
}
