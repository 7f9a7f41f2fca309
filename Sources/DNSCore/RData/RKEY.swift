/// Resource record key (the RKEY draft), for encrypting other records; flags must be 0.
public struct RKEY: KeyFormat {
    public static let rrType = RRType.rkey
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

    public static var requiresZeroFlags: Bool { true }
    public var rdata: RData { .rkey(self) }
}
