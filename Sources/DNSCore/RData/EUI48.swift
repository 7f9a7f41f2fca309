/// An EUI-48 address (RFC 7043 §3).
public struct EUI48: EUIFormat {
    public static let rrType = RRType.eui48
    public static var octetCount: Int { 6 }
    public private(set) var octets: [UInt8]
    public init(uncheckedOctets: [UInt8]) { octets = uncheckedOctets }
    public init?(octets: [UInt8]) {
        guard octets.count == 6 else { return nil }
        self.octets = octets
    }
    public var rdata: RData { .eui48(self) }
}
