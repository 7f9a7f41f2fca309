/// An EUI-64 address (RFC 7043 §4).
public struct EUI64: EUIFormat {
    public static let rrType = RRType.eui64
    public static var octetCount: Int { 8 }
    public private(set) var octets: [UInt8]
    public init(uncheckedOctets: [UInt8]) { octets = uncheckedOctets }
    public init?(octets: [UInt8]) {
        guard octets.count == 8 else { return nil }
        self.octets = octets
    }
    public var rdata: RData { .eui64(self) }
}
