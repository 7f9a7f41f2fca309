/// ILNP locator pointer (RFC 6742 §2.4): a preference and a name that has L32 or L64
/// records. Never compressed (RFC 6742 §2.4).
public struct LP: PreferenceNameFormat {
    public static let rrType = RRType.lp
    public var preference: UInt16
    public var exchange: DomainName
    public init(preference: UInt16, exchange: DomainName) {
        self.preference = preference
        self.exchange = exchange
    }
    public static var allowsDecompression: Bool { false }
    public var rdata: RData { .lp(self) }
}
