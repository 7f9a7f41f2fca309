/// Group ID (reserved, IANA); only RFC 3597's text form.
public struct GID: OpaqueFormat {
    public static let rrType = RRType.gid
    public var data: [UInt8]
    public init(data: [UInt8]) { self.data = data }
    public var rdata: RData { .gid(self) }
}
