import DNSCore
import NIOConcurrencyHelpers

/// What each secondary zone is doing, shared between the refresh drivers (writers)
/// and the request handler (reader, on every query that needs it): whether the zone
/// has data, when it expires, and counters that tests and people read.
public final class SecondaryStatusBoard: Sendable {
    public struct ZoneStatus: Sendable, Equatable {
        public var serial: UInt32?
        /// Seconds since the epoch; nil while the zone has no data.
        public var expiresAt: Double?
        public var lastRefresh: Double?
        public var ixfrCount = 0
        public var axfrCount = 0
        /// IXFRs that did not apply and fell back to AXFR.
        public var ixfrFallbackCount = 0
        public var rejectedCount = 0
        public var failedCount = 0
        public var notifyCount = 0
        /// The last refusal by the gate, for people.
        public var lastRejection: String?
        /// Messages and octets of the last completed transfer.
        public var lastTransferMessages = 0
        public var lastTransferBytes = 0

        public init() {}
    }

    private struct Table {
        var zones: [DomainName: ZoneStatus]
        /// The earliest `expiresAt` of all zones (-infinity while one has no data),
        /// kept on every update so the per-query `allServing` costs one comparison,
        /// however many zones there are.
        var servingUntil = -Double.infinity

        mutating func recompute() {
            servingUntil = zones.values.reduce(Double.infinity) { min($0, $1.expiresAt ?? -Double.infinity) }
        }
    }

    private let table: NIOLockedValueBox<Table>
    /// Label counts of the configured zones, longest first, for the suffix lookup.
    private let depths: [Int]
    public let origins: Set<DomainName>

    public init(zones: [DomainName]) {
        var table = Table(zones: Dictionary(zones.map { ($0, ZoneStatus()) }, uniquingKeysWith: { a, _ in a }))
        table.recompute()
        self.table = NIOLockedValueBox(table)
        self.origins = Set(zones)
        self.depths = Set(zones.map(\.labelCount)).sorted(by: >)
    }

    public subscript(origin: DomainName) -> ZoneStatus? {
        table.withLockedValue { $0.zones[origin] }
    }

    public func update(_ origin: DomainName, _ body: (inout ZoneStatus) -> Void) {
        table.withLockedValue { table in
            if var status = table.zones[origin] {
                body(&status)
                table.zones[origin] = status
                table.recompute()
            }
        }
    }

    /// The configured zone `name` falls in (longest origin), if any.
    public func origin(for name: DomainName) -> DomainName? {
        let labels = name.labelCount
        for depth in depths where depth <= labels {
            let candidate = name.suffix(labelCount: depth)
            if origins.contains(candidate) { return candidate }
        }
        return nil
    }

    /// True while every zone has data that has not expired at `now`: the handler's
    /// fast path, which then needs to look at nothing but the opcode.
    public func allServing(at now: Double) -> Bool {
        table.withLockedValue { now < $0.servingUntil }
    }
}
