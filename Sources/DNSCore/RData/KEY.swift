/// Security key of SIG(0) and TKEY (RFC 2535 §3.1, RFC 3445); flags 0xC000 mean no key.
public struct KEY: KeyFormat {
    public static let rrType = RRType.key
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

    public static var allowsNoKey: Bool { true }
    public var rdata: RData { .key(self) }
}
