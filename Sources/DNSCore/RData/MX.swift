/// Mail exchange (RFC 1035 §3.3.9).
public struct MX: PreferenceNameFormat {
    public static let rrType = RRType.mx
    public var preference: UInt16
    public var exchange: DomainName
    public init(preference: UInt16, exchange: DomainName) {
        self.preference = preference
        self.exchange = exchange
    }
    public static var isCompressible: Bool { true }
    public var rdata: RData { .mx(self) }
}
