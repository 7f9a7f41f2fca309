/// Authoritative name server (RFC 1035 §3.3.11).
public struct NS: SingleNameFormat {
    public static let rrType = RRType.ns
    public var target: DomainName
    public init(target: DomainName) { self.target = target }
    public var rdata: RData { .ns(self) }
}
