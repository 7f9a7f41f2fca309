/// Text strings (RFC 1035 §3.3.14).
public struct TXT: CharacterStringsFormat {
    public static let rrType = RRType.txt
    public var strings: [[UInt8]]
    public init(strings: [[UInt8]]) { self.strings = strings }
    public var rdata: RData { .txt(self) }
}
