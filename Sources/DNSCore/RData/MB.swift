/// Mailbox domain name (RFC 1035 §3.3.3, experimental).
public struct MB: SingleNameFormat {
    public static let rrType = RRType.mb
    public var target: DomainName
    public init(target: DomainName) { self.target = target }
    public var rdata: RData { .mb(self) }
}
