/// Mail forwarder (RFC 1035 §3.3.5, obsolete).
public struct MF: SingleNameFormat {
    public static let rrType = RRType.mf
    public var target: DomainName
    public init(target: DomainName) { self.target = target }
    public var rdata: RData { .mf(self) }
}
