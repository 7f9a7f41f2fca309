/// Key exchanger (RFC 2230).
public struct KX: PreferenceNameFormat {
    public static let rrType = RRType.kx
    public var preference: UInt16
    public var exchange: DomainName
    public init(preference: UInt16, exchange: DomainName) {
        self.preference = preference
        self.exchange = exchange
    }
    public var rdata: RData { .kx(self) }
}
