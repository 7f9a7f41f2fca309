/// One step from one version of a zone to the next: the SOA before and after, and the
/// other records removed and added. The single unit of an UPDATE, a journal entry and
/// an IXFR difference sequence (RFC 1995 §4), as in Knot.
public struct Changeset: Sendable, Equatable {
    /// The apex SOA before the change.
    public var soaFrom: ResourceRecord
    /// The apex SOA after the change (its serial is the new version's).
    public var soaTo: ResourceRecord
    /// Records taken out, SOA excluded.
    public var removed: [ResourceRecord]
    /// Records put in, SOA excluded.
    public var added: [ResourceRecord]

    public init(soaFrom: ResourceRecord, soaTo: ResourceRecord, removed: [ResourceRecord], added: [ResourceRecord]) {
        self.soaFrom = soaFrom
        self.soaTo = soaTo
        self.removed = removed
        self.added = added
    }

    public var serialFrom: UInt32 { Self.serial(of: soaFrom) }
    public var serialTo: UInt32 { Self.serial(of: soaTo) }

    static func serial(of record: ResourceRecord) -> UInt32 {
        if case .soa(let soa) = record.rdata { return soa.serial }
        return 0
    }

    public var isEmpty: Bool { removed.isEmpty && added.isEmpty && soaFrom == soaTo }
}

/// Why an edit could not be applied to a zone.
public enum ZoneEditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A record to remove is not in the zone (a journal that does not fit its base).
    case missingRecord(ResourceRecord)
    /// A record whose owner is outside the zone.
    case outOfZone(ResourceRecord)
    /// An added record would leave its RRset with two TTLs.
    case ttlConflict(ResourceRecord)
    /// The changeset's SOA does not match the zone's.
    case soaMismatch(expected: UInt32, found: UInt32)

    public var description: String {
        switch self {
        case .missingRecord(let record): return "record to remove is not in the zone: \(record)"
        case .outOfZone(let record): return "record outside the zone: \(record)"
        case .ttlConflict(let record): return "record's TTL differs from its RRset's: \(record)"
        case .soaMismatch(let expected, let found): return "changeset starts at serial \(expected), the zone is at \(found)"
        }
    }
}
