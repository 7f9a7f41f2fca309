/// An OpenPGP transferable public key (RFC 7929 §2).
public struct OPENPGPKEY: Base64DataFormat {
    public static let rrType = RRType.openpgpkey
    public var data: [UInt8]
    public init(data: [UInt8]) { self.data = data }
    public var rdata: RData { .openpgpkey(self) }
}
