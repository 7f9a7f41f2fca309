import DNSCore
import NIOConcurrencyHelpers

/// The zones the primary serves, by origin, readable from any thread. A zone whose
/// source failed at start-up joins later, when a reload finds it fixed.
public final class PrimaryZoneTable: Sendable {
    private let zones: NIOLockedValueBox<[DomainName: PrimaryZone]>

    public init(_ zones: [PrimaryZone] = []) {
        self.zones = NIOLockedValueBox(Dictionary(zones.map { ($0.origin, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    public subscript(origin: DomainName) -> PrimaryZone? {
        zones.withLockedValue { $0[origin] }
    }

    /// Adds a zone unless one with its origin is there.
    public func add(_ zone: PrimaryZone) {
        zones.withLockedValue { zones in
            if zones[zone.origin] == nil { zones[zone.origin] = zone }
        }
    }

    /// Every zone, in origin order.
    public var all: [PrimaryZone] {
        zones.withLockedValue { Array($0.values) }.sorted { $0.origin.bindText < $1.origin.bindText }
    }
}
