/// A zone's data: every RRset by owner name, for one origin and class.
///
/// A value type: a new version is a new `Zone`, so a server can swap versions
/// atomically while queries read the old one.
public struct Zone: Sendable, Equatable {
    public let origin: DomainName
    public let rrClass: RRClass
    public internal(set) var nodes: [DomainName: ZoneNode]

    public init(origin: DomainName, rrClass: RRClass = .in, nodes: [DomainName: ZoneNode] = [:]) {
        self.origin = origin
        self.rrClass = rrClass
        self.nodes = nodes
    }

    /// The apex SOA, when there is exactly a first one.
    public var soa: SOA? {
        guard let rrset = nodes[origin]?.rrset(.soa), case .soa(let soa)? = rrset.rdatas.first else { return nil }
        return soa
    }

    public var soaTTL: UInt32? { nodes[origin]?.rrset(.soa)?.ttl }

    public var recordCount: Int { nodes.values.reduce(0) { $0 + $1.recordCount } }

    public func rrset(_ owner: DomainName, _ type: RRType) -> RRSet? { nodes[owner]?.rrset(type) }

    /// Owner names in RFC 4034 §6.1 canonical order.
    public func sortedNames() -> [DomainName] {
        var keyed = nodes.keys.map { ($0.canonicalSortKey, $0) }
        keyed.sort { $0.0.lexicographicallyPrecedes($1.0) }
        return keyed.map(\.1)
    }

    /// Every record, names in canonical order, the SOA first at the apex and then types
    /// in ascending order (the order named-compilezone writes).
    public func records() -> [ResourceRecord] {
        var result: [ResourceRecord] = []
        result.reserveCapacity(nodes.count)
        for name in sortedNames() {
            for rrset in Self.ordered(nodes[name]!.rrsets) {
                for rdata in rrset.rdatas {
                    result.append(ResourceRecord(owner: name, type: rrset.type, rrClass: rrClass, ttl: rrset.ttl, rdata: rdata))
                }
            }
        }
        return result
    }

    static func ordered(_ rrsets: [RRSet]) -> [RRSet] {
        rrsets.sorted { a, b in
            if a.type == .soa { return b.type != .soa }
            if b.type == .soa { return false }
            return a.type < b.type
        }
    }
}
