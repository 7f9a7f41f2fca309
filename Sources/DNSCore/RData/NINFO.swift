/// Zone status information (same format as TXT).
public struct NINFO: CharacterStringsFormat {
    public static let rrType = RRType.ninfo
    public var strings: [[UInt8]]
    public init(strings: [[UInt8]]) { self.strings = strings }
    public var rdata: RData { .ninfo(self) }
}
