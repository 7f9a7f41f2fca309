/// Delegation of a subtree (RFC 6672). Never compressed on the wire, but decompressed
/// when received compressed (RFC 6672 §2.5).
public struct DNAME: SingleNameFormat {
    public static let rrType = RRType.dname
    public var target: DomainName
    public init(target: DomainName) { self.target = target }
    public static var isCompressible: Bool { false }
    public var rdata: RData { .dname(self) }
}
