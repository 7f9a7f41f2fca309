/// Trust anchor link (the TALINK draft): the previous and next names in a chain.
public struct TALINK: NamePairFormat {
    public static let rrType = RRType.talink
    public var previous: DomainName
    public var next: DomainName
    public init(previous: DomainName, next: DomainName) {
        self.previous = previous
        self.next = next
    }
    public init(first: DomainName, second: DomainName) { self.init(previous: first, next: second) }
    public var first: DomainName { previous }
    public var second: DomainName { next }
    public static var allowsDecompression: Bool { false }
    public static var fieldNames: (String, String) { ("the previous name", "the next name") }
    public var rdata: RData { .talink(self) }
}
