/// ILNP node identifier (RFC 6742 §2.1).
public struct NID: ILNP64Format {
    public static let rrType = RRType.nid
    public var preference: UInt16
    public var value: UInt64
    public init(preference: UInt16, value: UInt64) {
        self.preference = preference
        self.value = value
    }
    public var rdata: RData { .nid(self) }
}
