import DNSCore
import ZoneCompiler

/// What a transfer brought, before any check: the three shapes an IXFR answer can take
/// (RFC 1995 §4), of which AXFR (RFC 5936) has only the second.
public enum TransferContent: Sendable, Equatable {
    /// The primary has nothing newer than the serial we asked from: a single SOA.
    case upToDate(soa: ResourceRecord)
    /// The whole zone, built as it arrived.
    case full(soa: ResourceRecord, zone: Zone)
    /// Difference sequences from our serial to the primary's.
    case incremental(soa: ResourceRecord, changesets: [Changeset])

    /// The apex SOA the primary has now.
    public var soa: ResourceRecord {
        switch self {
        case .upToDate(let soa), .full(let soa, _), .incremental(let soa, _): return soa
        }
    }

    public var serial: UInt32 {
        if case .soa(let soa) = soa.rdata { return soa.serial }
        return 0
    }
}
