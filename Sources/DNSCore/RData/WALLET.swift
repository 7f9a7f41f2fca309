/// Public wallet address (IANA WALLET): character-strings, as TXT.
public struct WALLET: CharacterStringsFormat {
    public static let rrType = RRType.wallet
    public var strings: [[UInt8]]
    public init(strings: [[UInt8]]) { self.strings = strings }
    public var rdata: RData { .wallet(self) }
}
