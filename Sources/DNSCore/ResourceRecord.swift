/// One resource record: owner, type, class, TTL and RDATA.
///
/// `type` is kept apart from the RDATA because UPDATE messages carry records whose
/// RDATA is empty (RFC 2136 §2.5.2 "delete an RRset").
public struct ResourceRecord: Hashable, Sendable {
    public var owner: DomainName
    public var type: RRType
    public var rrClass: RRClass
    public var ttl: UInt32
    public var rdata: RData

    public init(owner: DomainName, type: RRType, rrClass: RRClass = .in, ttl: UInt32, rdata: RData) {
        self.owner = owner
        self.type = type
        self.rrClass = rrClass
        self.ttl = ttl
        self.rdata = rdata
    }

    public init(owner: DomainName, ttl: UInt32, rrClass: RRClass = .in, rdata: RData) {
        self.init(owner: owner, type: rdata.rrType, rrClass: rrClass, ttl: ttl, rdata: rdata)
    }
}

extension ResourceRecord: CustomStringConvertible {
    /// `owner TTL CLASS TYPE RDATA`, absolute names, one line.
    public var description: String {
        var writer = RDataTextWriter()
        rdata.writeText(to: &writer)
        return "\(owner) \(ttl) \(rrClass) \(type) \(writer.text)"
    }
}
