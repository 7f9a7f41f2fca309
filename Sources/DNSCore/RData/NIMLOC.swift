/// Nimrod locator (the Nimrod draft): opaque octets.
public struct NIMLOC: HexDataFormat {
    public static let rrType = RRType.nimloc
    public var data: [UInt8]
    public init(data: [UInt8]) { self.data = data }
    public var rdata: RData { .nimloc(self) }
}
