/// User information (reserved, IANA); only RFC 3597's text form.
public struct UINFO: OpaqueFormat {
    public static let rrType = RRType.uinfo
    public var data: [UInt8]
    public init(data: [UInt8]) { self.data = data }
    public var rdata: RData { .uinfo(self) }
}
