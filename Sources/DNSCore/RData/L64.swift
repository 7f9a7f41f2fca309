/// ILNP 64-bit locator (RFC 6742 §2.3).
public struct L64: ILNP64Format {
    public static let rrType = RRType.l64
    public var preference: UInt16
    public var value: UInt64
    public init(preference: UInt16, value: UInt64) {
        self.preference = preference
        self.value = value
    }
    public var rdata: RData { .l64(self) }
}
