/// Mail rename domain name (RFC 1035 §3.3.8, experimental).
public struct MR: SingleNameFormat {
    public static let rrType = RRType.mr
    public var target: DomainName
    public init(target: DomainName) { self.target = target }
    public var rdata: RData { .mr(self) }
}
