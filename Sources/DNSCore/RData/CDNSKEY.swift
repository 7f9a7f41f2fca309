/// Child copy of DNSKEY for the parent to pick up (RFC 7344 §3.2).
public struct CDNSKEY: KeyFormat {
    public static let rrType = RRType.cdnskey
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

    public var rdata: RData { .cdnskey(self) }
}
