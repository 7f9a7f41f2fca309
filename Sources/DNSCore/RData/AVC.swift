/// Application Visibility and Control (same format as TXT).
public struct AVC: CharacterStringsFormat {
    public static let rrType = RRType.avc
    public var strings: [[UInt8]]
    public init(strings: [[UInt8]]) { self.strings = strings }
    public var rdata: RData { .avc(self) }
}
