/// Anything at all, up to 65535 octets (RFC 1035 §3.3.10); no text form but RFC 3597's.
public struct NULL: OpaqueFormat {
    public static let rrType = RRType.null
    public var data: [UInt8]
    public init(data: [UInt8]) { self.data = data }
    public var rdata: RData { .null(self) }
}
