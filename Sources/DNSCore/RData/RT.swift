/// Route through (RFC 1183 §3.3).
public struct RT: PreferenceNameFormat {
    public static let rrType = RRType.rt
    public var preference: UInt16
    public var exchange: DomainName
    public init(preference: UInt16, exchange: DomainName) {
        self.preference = preference
        self.exchange = exchange
    }
    public var rdata: RData { .rt(self) }
}
