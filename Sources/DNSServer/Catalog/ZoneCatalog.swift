import DNSCore
import NIOConcurrencyHelpers
import ZoneCompiler

/// The zones a server answers for, replaced as a whole so a query always sees one
/// consistent set: a new version of a zone is swapped in atomically and readers
/// holding the previous snapshot finish with it undisturbed.
///
/// Each zone is held as a `ServingZone`, the answer tables built once per version.
/// They are built before the lock is taken, so publishing a large zone never stalls
/// the queries taking snapshots meanwhile.
public final class ZoneCatalog: Sendable {
    /// An immutable set of zones, found by longest matching origin. A copy is one
    /// reference: taking a snapshot per query costs a lock and a retain.
    public struct Snapshot: Sendable {
        final class Storage: Sendable {
            let servingZones: [DomainName: ServingZone]
            let zones: [DomainName: Zone]
            /// Label counts of the origins present, longest first, so a lookup tries
            /// only suffixes that could match.
            let depths: [Int]
            /// Origins, for lookups by wire-form suffix without allocating; an ID is
            /// an index into `ordered`.
            let origins: NameTable
            let ordered: [ServingZone]
            /// With one zone, its origin lower-cased, compared with the name's tail.
            let onlyOrigin: [UInt8]?

            init(servingZones: [DomainName: ServingZone]) {
                self.servingZones = servingZones
                zones = servingZones.mapValues(\.zone)
                depths = Set(servingZones.keys.map(\.labelCount)).sorted(by: >)
                var origins = NameTable(capacity: servingZones.count)
                var ordered: [ServingZone] = []
                for (origin, zone) in servingZones {
                    _ = origins.intern(origin)
                    ordered.append(zone)
                }
                self.origins = origins
                self.ordered = ordered
                onlyOrigin = ordered.count == 1 ? ordered[0].origin.lowercased().wire : nil
            }
        }

        let storage: Storage

        public var servingZones: [DomainName: ServingZone] { storage.servingZones }
        /// The zones themselves, by origin.
        public var zones: [DomainName: Zone] { storage.zones }

        /// Builds the serving tables of every zone (the cost of a zone load each).
        public init(zones: [DomainName: Zone]) {
            self.init(servingZones: zones.mapValues { ServingZone($0) })
        }

        public init(servingZones: [DomainName: ServingZone]) {
            storage = Storage(servingZones: servingZones)
        }

        /// The zone whose origin is the longest suffix of `name`.
        public func zone(for name: DomainName) -> Zone? {
            servingZone(for: name)?.zone
        }

        public func servingZone(for name: DomainName) -> ServingZone? {
            name.wire.withUnsafeBufferPointer { servingZone(containing: $0) }
        }

        /// The zone whose origin is the longest suffix of the wire-form `name`.
        func servingZone(containing name: UnsafeBufferPointer<UInt8>) -> ServingZone? {
            let storage = storage
            if let origin = storage.onlyOrigin {
                // One zone: compare its origin with the name's tail directly.
                return Self.hasSuffix(name, lowercased: origin) ? storage.ordered[0] : nil
            }
            let ordered = storage.ordered
            guard !ordered.isEmpty else { return nil }
            var labels = 0
            var index = 0
            while name[index] != 0 {
                labels += 1
                index += 1 + Int(name[index])
            }
            for depth in storage.depths where depth <= labels {
                var start = 0
                for _ in 0..<(labels - depth) { start += 1 + Int(name[start]) }
                if let id = storage.origins.find(UnsafeBufferPointer(rebasing: name[start...])) { return ordered[Int(id)] }
            }
            return nil
        }

        /// Whether `name` ends with the labels of `origin`, given lower-cased.
        static func hasSuffix(_ name: UnsafeBufferPointer<UInt8>, lowercased origin: [UInt8]) -> Bool {
            let start = name.count - origin.count
            guard start >= 0 else { return false }
            return origin.withUnsafeBufferPointer { originBytes in
                var i = originBytes.count - 1
                while i >= 0 {
                    if CanonicalOrder.lower(name[start + i]) != originBytes[i] { return false }
                    i -= 1
                }
                // The tail must start on a label boundary.
                var index = 0
                while index < start { index += 1 + Int(name[index]) }
                return index == start
            }
        }
    }

    private let current: NIOLockedValueBox<Snapshot>

    public init(_ zones: [Zone] = []) {
        current = NIOLockedValueBox(Snapshot(servingZones: Dictionary(zones.map { ($0.origin, ServingZone($0)) }, uniquingKeysWith: { $1 })))
    }

    public init(serving zones: [ServingZone]) {
        current = NIOLockedValueBox(Snapshot(servingZones: Dictionary(zones.map { ($0.origin, $0) }, uniquingKeysWith: { $1 })))
    }

    /// The zones now; cheap (a lock and a reference copy), so take one per request.
    public var snapshot: Snapshot { current.withLockedValue { $0 } }

    /// Adds or replaces the zone with `zone.origin`, building its serving tables first.
    public func replace(_ zone: Zone) {
        replace(ServingZone(zone))
    }

    /// Adds or replaces a zone whose serving tables are already built.
    public func replace(_ zone: ServingZone) {
        current.withLockedValue { snapshot in
            var zones = snapshot.storage.servingZones
            zones[zone.origin] = zone
            snapshot = Snapshot(servingZones: zones)
        }
    }

    public func remove(_ origin: DomainName) {
        current.withLockedValue { snapshot in
            var zones = snapshot.storage.servingZones
            zones[origin] = nil
            snapshot = Snapshot(servingZones: zones)
        }
    }
}
