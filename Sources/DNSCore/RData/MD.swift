/// Mail destination (RFC 1035 §3.3.4, obsolete).
public struct MD: SingleNameFormat {
    public static let rrType = RRType.md
    public var target: DomainName
    public init(target: DomainName) { self.target = target }
    public var rdata: RData { .md(self) }
}
