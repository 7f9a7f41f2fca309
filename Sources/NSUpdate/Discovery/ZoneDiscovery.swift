import DNSCore

/// Finding the zone and its primary the way nsupdate does when `zone` or `server` is
/// missing: ask for the SOA of the first name being updated (or of the first
/// prerequisite), take the owner of the SOA in the answer or authority section as the
/// zone and its MNAME as the primary; on a CNAME or DNAME, or no SOA at all, drop the
/// leftmost label and ask again.
///
/// Sans-I/O: `query(id:)` gives the question to send, `handle(_:)` reads the answer and
/// says what to do next. The runner owns the sockets and the server list.
public struct ZoneDiscovery: Sendable {
    public let userZone: DomainName?
    public let rrClass: RRClass
    /// RD is set only when asking the system's resolvers.
    public let recursionDesired: Bool
    public private(set) var name: DomainName
    /// The owner of the SOA that ended the search (BIND's "Found zone name").
    public private(set) var soaOwner: DomainName?

    public enum Step: Equatable, Sendable {
        /// The zone, and the primary named by its SOA MNAME.
        case found(zone: DomainName, primary: DomainName)
        /// Ask again for `name` (one label up).
        case askAgain
        /// This server refused: try the next one.
        case nextServer(reason: String)
        /// `zone` named a zone the server says does not exist: the update fails.
        case zoneDoesNotExist(String)
        /// BIND gives up (exit 1).
        case fatal(String)
    }

    public init(name: DomainName, userZone: DomainName?, rrClass: RRClass, recursionDesired: Bool) {
        self.name = name
        self.userZone = userZone
        self.rrClass = rrClass
        self.recursionDesired = recursionDesired
    }

    /// Where to start: the user's zone, else the first update's owner (one label up for
    /// a DS, which lives in the parent), else the first prerequisite's owner.
    public static func startName(userZone: DomainName?, updates: [ResourceRecord], prerequisites: [ResourceRecord]) -> DomainName? {
        if let userZone { return userZone }
        if let first = updates.first {
            if first.type == .ds, let parent = first.owner.parent { return parent }
            return first.owner
        }
        return prerequisites.first?.owner
    }

    public func query(id: UInt16) -> Message {
        var header = MessageHeader(id: id, opcode: .query)
        header.recursionDesired = recursionDesired
        return Message(header: header, questions: [Question(name: name, type: .soa, rrClass: rrClass)])
    }

    public mutating func handle(_ response: Message) -> Step {
        if response.header.rcode == .refused { return .nextServer(reason: "REFUSED") }
        guard response.header.opcode == .query else { return .fatal("invalid OPCODE in response to SOA query") }
        guard response.header.rcode == .noError || response.header.rcode == .nxDomain else {
            return .fatal("response to SOA query was unsuccessful")
        }
        if let userZone, response.header.rcode == .nxDomain {
            return .zoneDoesNotExist("specified zone '\(BINDResultText.formatted(userZone))' does not exist (NXDOMAIN)")
        }
        switch Self.findSOA(in: response.answers, lookForAliases: true) {
        case .soa(let owner, let soa):
            soaOwner = owner
            return .found(zone: userZone ?? owner, primary: soa.mname)
        case .alias:
            return dropLabel()
        case .none:
            break
        }
        if case .soa(let owner, let soa) = Self.findSOA(in: response.authorities, lookForAliases: false) {
            soaOwner = owner
            return .found(zone: userZone ?? owner, primary: soa.mname)
        }
        return dropLabel()
    }

    private mutating func dropLabel() -> Step {
        guard let parent = name.parent else { return .fatal("could not find enclosing zone") }
        name = parent
        return .askAgain
    }

    enum Finding {
        case soa(DomainName, SOA)
        case alias
        case none
    }

    /// BIND walks a section name by name, in the order names first appear: the first
    /// name with an SOA wins, and in the answer a name with a CNAME or DNAME first stops
    /// the search.
    static func findSOA(in records: [ResourceRecord], lookForAliases: Bool) -> Finding {
        var seen: [DomainName] = []
        for record in records where !seen.contains(record.owner) {
            seen.append(record.owner)
            let atName = records.filter { $0.owner == record.owner }
            for candidate in atName {
                if case .soa(let soa) = candidate.rdata { return .soa(record.owner, soa) }
            }
            if lookForAliases && atName.contains(where: { $0.type == .cname || $0.type == .dname }) { return .alias }
        }
        return .none
    }
}
