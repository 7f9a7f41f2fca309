/// Reverse mapping for NSAP addresses (RFC 1706 §6): a domain name. Not an RFC 1035
/// type, so its name is neither compressed nor decompressed (RFC 3597 §4).
public struct NSAPPTR: SingleNameFormat {
    public static let rrType = RRType.nsapPtr
    public var target: DomainName
    public init(target: DomainName) { self.target = target }
    public static var isCompressible: Bool { false }
    public static var allowsDecompression: Bool { false }
    public var rdata: RData { .nsapPtr(self) }
}
