/// AFS database location (RFC 1183 §1); the preference field is the subtype.
public struct AFSDB: PreferenceNameFormat {
    public static let rrType = RRType.afsdb
    public var preference: UInt16
    public var exchange: DomainName
    public init(preference: UInt16, exchange: DomainName) {
        self.preference = preference
        self.exchange = exchange
    }
    public var rdata: RData { .afsdb(self) }
}
