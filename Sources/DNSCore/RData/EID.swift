/// Nimrod endpoint identifier (the Nimrod draft): opaque octets.
public struct EID: HexDataFormat {
    public static let rrType = RRType.eid
    public var data: [UInt8]
    public init(data: [UInt8]) { self.data = data }
    public var rdata: RData { .eid(self) }
}
