/// DNS public key (RFC 4034 §2).
public struct DNSKEY: KeyFormat {
    public static let rrType = RRType.dnskey
    public var flags: UInt16
    public var protocolNumber: UInt8
    public var algorithm: UInt8
    public var publicKey: [UInt8]

    public init(flags: UInt16, protocolNumber: UInt8, algorithm: UInt8, publicKey: [UInt8]) {
        self.flags = flags
        self.protocolNumber = protocolNumber
        self.algorithm = algorithm
        self.publicKey = publicKey
    }

    public var rdata: RData { .dnskey(self) }
}
