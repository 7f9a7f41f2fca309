/// Key exchanger (RFC 2230). Its name is never compressed (RFC 2230 §3.1), and not
/// being among RFC 3597 §4's types, a compressed one is refused on receipt, as BIND does.
public struct KX: PreferenceNameFormat {
    public static let rrType = RRType.kx
    public var preference: UInt16
    public var exchange: DomainName
    public init(preference: UInt16, exchange: DomainName) {
        self.preference = preference
        self.exchange = exchange
    }
    public static var allowsDecompression: Bool { false }
    public var rdata: RData { .kx(self) }
}
