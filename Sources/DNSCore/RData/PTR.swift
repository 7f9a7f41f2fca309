/// Domain name pointer (RFC 1035 §3.3.12).
public struct PTR: SingleNameFormat {
    public static let rrType = RRType.ptr
    public var target: DomainName
    public init(target: DomainName) { self.target = target }
    public var rdata: RData { .ptr(self) }
}
