/// Sender Policy Framework text (RFC 4408 §3.1.1; same format as TXT).
public struct SPF: CharacterStringsFormat {
    public static let rrType = RRType.spf
    public var strings: [[UInt8]]
    public init(strings: [[UInt8]]) { self.strings = strings }
    public var rdata: RData { .spf(self) }
}
