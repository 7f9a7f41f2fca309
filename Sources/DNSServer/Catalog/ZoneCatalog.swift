import DNSCore
import NIOConcurrencyHelpers
import ZoneCompiler

/// The zones a server answers for, replaced as a whole so a query always sees one
/// consistent set: a new version of a zone is swapped in atomically and readers
/// holding the previous snapshot finish with it undisturbed.
public final class ZoneCatalog: Sendable {
    /// An immutable set of zones, found by longest matching origin.
    public struct Snapshot: Sendable {
        public let zones: [DomainName: Zone]
        /// Label counts of the origins present, longest first, so a lookup tries only
        /// suffixes that could match.
        let depths: [Int]

        public init(zones: [DomainName: Zone]) {
            self.zones = zones
            self.depths = Set(zones.keys.map(\.labelCount)).sorted(by: >)
        }

        /// The zone whose origin is the longest suffix of `name`.
        public func zone(for name: DomainName) -> Zone? {
            let labels = name.labelCount
            for depth in depths where depth <= labels {
                if let zone = zones[name.suffix(labelCount: depth)] { return zone }
            }
            return nil
        }
    }

    private let current: NIOLockedValueBox<Snapshot>

    public init(_ zones: [Zone] = []) {
        current = NIOLockedValueBox(Snapshot(zones: Dictionary(zones.map { ($0.origin, $0) }, uniquingKeysWith: { $1 })))
    }

    /// The zones now; cheap (a lock and a reference copy), so take one per request.
    public var snapshot: Snapshot { current.withLockedValue { $0 } }

    /// Adds or replaces the zone with `zone.origin`.
    public func replace(_ zone: Zone) {
        current.withLockedValue { snapshot in
            var zones = snapshot.zones
            zones[zone.origin] = zone
            snapshot = Snapshot(zones: zones)
        }
    }

    public func remove(_ origin: DomainName) {
        current.withLockedValue { snapshot in
            var zones = snapshot.zones
            zones[origin] = nil
            snapshot = Snapshot(zones: zones)
        }
    }
}
