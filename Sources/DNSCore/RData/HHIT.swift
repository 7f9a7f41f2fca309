/// Hierarchical Host Identity Tag (IETF DRIP, IANA registry): base64 data.
public struct HHIT: Base64DataFormat {
    /// Not yet in `RRType`'s table of mnemonics.
    public static let rrType = RRType(67)
    public var data: [UInt8]
    public init(data: [UInt8]) { self.data = data }
    public var rdata: RData { .hhit(self) }
}
