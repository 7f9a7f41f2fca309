/// Resolver information (RFC 9606; same format as TXT).
public struct RESINFO: CharacterStringsFormat {
    public static let rrType = RRType.resinfo
    public var strings: [[UInt8]]
    public init(strings: [[UInt8]]) { self.strings = strings }
    public var rdata: RData { .resinfo(self) }
}
