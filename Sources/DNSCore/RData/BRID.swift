/// Broadcast Remote ID (IETF DRIP, IANA registry): base64 data.
public struct BRID: Base64DataFormat {
    /// Not yet in `RRType`'s table of mnemonics.
    public static let rrType = RRType(68)
    public var data: [UInt8]
    public init(data: [UInt8]) { self.data = data }
    public var rdata: RData { .brid(self) }
}
