/// Mailbox or mail list information (RFC 1035 §3.3.7).
public struct MINFO: NamePairFormat {
    public static let rrType = RRType.minfo
    public var responsibleMailbox: DomainName
    public var errorMailbox: DomainName
    public init(responsibleMailbox: DomainName, errorMailbox: DomainName) {
        self.responsibleMailbox = responsibleMailbox
        self.errorMailbox = errorMailbox
    }
    public init(first: DomainName, second: DomainName) { self.init(responsibleMailbox: first, errorMailbox: second) }
    public var first: DomainName { responsibleMailbox }
    public var second: DomainName { errorMailbox }
    public static var isCompressible: Bool { true }
    public static var fieldNames: (String, String) { ("the responsible mailbox", "the error mailbox") }
    public var rdata: RData { .minfo(self) }
}
