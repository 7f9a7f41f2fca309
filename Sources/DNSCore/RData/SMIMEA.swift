/// S/MIME certificate association (RFC 8162 §2); the TLSA format.
public struct SMIMEA: CertificateAssociationFormat {
    public static let rrType = RRType.smimea
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

    public var rdata: RData { .smimea(self) }
}
