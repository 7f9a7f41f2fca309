/// One step from a version of a zone to the next: the SOA before and after, the
/// records removed and the records added (the SOAs themselves in neither list).
///
/// The one unit of change DESIGN §4 names for IXFR (RFC 1995 §4's difference
/// sequence), UPDATE and the journal, so a secondary applies exactly what a primary
/// journals.
public struct Changeset: Sendable, Equatable {
    /// The apex SOA of the version this applies to.
    public var from: ResourceRecord
    /// The apex SOA of the version it produces.
    public var to: ResourceRecord
    public var removed: [ResourceRecord]
    public var added: [ResourceRecord]

    public init(from: ResourceRecord, to: ResourceRecord, removed: [ResourceRecord] = [], added: [ResourceRecord] = []) {
        self.from = from
        self.to = to
        self.removed = removed
        self.added = added
    }

    /// Records removed and added, SOAs not counted.
    public var changeCount: Int { removed.count + added.count }

    public var fromSerial: UInt32? { Self.serial(of: from) }
    public var toSerial: UInt32? { Self.serial(of: to) }

    static func serial(of record: ResourceRecord) -> UInt32? {
        if case .soa(let soa) = record.rdata { return soa.serial }
        return nil
    }
}
