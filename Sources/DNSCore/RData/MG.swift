/// Mail group member (RFC 1035 §3.3.6, experimental).
public struct MG: SingleNameFormat {
    public static let rrType = RRType.mg
    public var target: DomainName
    public init(target: DomainName) { self.target = target }
    public var rdata: RData { .mg(self) }
}
