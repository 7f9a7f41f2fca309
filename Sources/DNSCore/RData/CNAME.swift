/// Canonical name (RFC 1035 §3.3.1).
public struct CNAME: SingleNameFormat {
    public static let rrType = RRType.cname
    public var target: DomainName
    public init(target: DomainName) { self.target = target }
    public var rdata: RData { .cname(self) }
}
