/// User ID (reserved, IANA); only RFC 3597's text form.
public struct UID: OpaqueFormat {
    public static let rrType = RRType.uid
    public var data: [UInt8]
    public init(data: [UInt8]) { self.data = data }
    public var rdata: RData { .uid(self) }
}
