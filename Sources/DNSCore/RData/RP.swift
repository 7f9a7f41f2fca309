/// Responsible person (RFC 1183 §2.2): a mailbox as a name, and a name with TXT records.
public struct RP: NamePairFormat {
    public static let rrType = RRType.rp
    public var mailbox: DomainName
    public var textName: DomainName
    public init(mailbox: DomainName, textName: DomainName) {
        self.mailbox = mailbox
        self.textName = textName
    }
    public init(first: DomainName, second: DomainName) { self.init(mailbox: first, textName: second) }
    public var first: DomainName { mailbox }
    public var second: DomainName { textName }
    public static var fieldNames: (String, String) { ("the mailbox", "the TXT name") }
    public var rdata: RData { .rp(self) }
}
