/// Builds a `Zone` from records one at a time, as a loader sees them: records outside
/// the zone are dropped, identical records merge, and a record whose TTL differs from
/// its RRset's takes the RRset's TTL (BIND's behaviour), each with a diagnostic.
public struct ZoneBuilder: Sendable {
    public private(set) var zone: Zone
    /// Membership sets for RRsets too large for a linear duplicate scan.
    private var largeSets: [RRSetKey: Set<RData>] = [:]
    private static let linearScanLimit = 32

    struct RRSetKey: Hashable, Sendable {
        var owner: DomainName
        var type: RRType
    }

    public init(origin: DomainName, rrClass: RRClass = .in) {
        zone = Zone(origin: origin, rrClass: rrClass)
    }

    /// What `add` did with a record.
    public enum Outcome: Equatable, Sendable {
        case added
        case duplicate
        case outOfZone
    }

    @discardableResult
    public mutating func add(
        owner: DomainName, type: RRType, ttl: UInt32, rdata: RData,
        location: SourceLocation?, diagnostics: inout DiagnosticSink
    ) -> Outcome {
        guard owner.isSubdomain(of: zone.origin) else {
            diagnostics.report(.outOfZone, "\(owner) is outside the zone \(zone.origin); the record is ignored",
                               at: location, owner: owner,
                               bind: "ignoring out-of-zone data (\(owner.bindText))")
            return .outOfZone
        }
        // Mutate the node in place through the dictionary: one hash, no copy.
        return Self.insert(rdata, type: type, ttl: ttl, owner: owner, location: location,
                           into: &zone.nodes[owner, default: ZoneNode()], largeSets: &largeSets,
                           diagnostics: &diagnostics)
    }

    private static func insert(
        _ rdata: RData, type: RRType, ttl: UInt32, owner: DomainName, location: SourceLocation?,
        into node: inout ZoneNode, largeSets: inout [RRSetKey: Set<RData>], diagnostics: inout DiagnosticSink
    ) -> Outcome {
        guard let index = node.rrsets.firstIndex(where: { $0.type == type }) else {
            node.rrsets.append(RRSet(type: type, ttl: ttl, rdatas: [rdata], locations: location.map { [$0] } ?? []))
            return .added
        }
        if isDuplicate(rdata, in: node.rrsets[index], key: RRSetKey(owner: owner, type: type), largeSets: &largeSets) {
            return .duplicate
        }
        let rrsetTTL = node.rrsets[index].ttl
        if ttl != rrsetTTL {
            diagnostics.report(.ttlMismatch,
                               "TTL \(ttl) differs from the \(type) RRset's TTL \(rrsetTTL) at \(owner); \(rrsetTTL) is used",
                               at: location, owner: owner, bind: "TTL set to prior TTL (\(rrsetTTL))")
        }
        node.rrsets[index].rdatas.append(rdata)
        if let location { node.rrsets[index].locations.append(location) }
        return .added
    }

    private static func isDuplicate(_ rdata: RData, in rrset: RRSet, key: RRSetKey, largeSets: inout [RRSetKey: Set<RData>]) -> Bool {
        if rrset.rdatas.count < Self.linearScanLimit {
            return rrset.rdatas.contains(rdata)
        }
        if largeSets[key] == nil { largeSets[key] = Set(rrset.rdatas) }
        return !largeSets[key]!.insert(rdata).inserted
    }

    /// Adds a whole record set without diagnostics (transfers, journals, tests).
    public mutating func add(_ record: ResourceRecord) {
        var sink = DiagnosticSink(policy: .dnsplane)
        add(owner: record.owner, type: record.type, ttl: record.ttl, rdata: record.rdata, location: nil, diagnostics: &sink)
    }
}

extension DomainName {
    /// The name as BIND prints it in messages: no trailing dot, except for the root.
    public var bindText: String {
        let text = description
        return isRoot ? text : String(text.dropLast())
    }
}
