/// Unspecified format (reserved, IANA); only RFC 3597's text form.
public struct UNSPEC: OpaqueFormat {
    public static let rrType = RRType.unspec
    public var data: [UInt8]
    public init(data: [UInt8]) { self.data = data }
    public var rdata: RData { .unspec(self) }
}
