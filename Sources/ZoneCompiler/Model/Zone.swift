/// A zone's data for one origin and class: names interned in a `NameTable`, records in
/// one flat table linked per name.
///
/// A value type built once per version by `ZoneBuilder` and never changed after, so a
/// server can swap versions atomically while queries read the old one. A record costs
/// about 60 bytes plus its name's bytes, against several allocations per record for a
/// dictionary of arrays.
public struct Zone: Sendable {
    public let origin: DomainName
    public let rrClass: RRClass

    /// One record: its typed RDATA, TTL and type, its owner's name ID, and the next
    /// record of the same owner (-1 at the end).
    struct Entry: Sendable {
        var rdata: RData
        var ttl: UInt32
        var type: RRType
        var name: Int32
        var next: Int32
        /// Removed by an edit and unlinked from its name's list; scans of `entries`
        /// skip it. Compaction drops it.
        var isDeleted = false
    }

    var names: NameTable
    /// The first and last record of each name, by name ID.
    var heads: ChunkedArray<Int32>
    var tails: ChunkedArray<Int32>
    var entries: ChunkedArray<Entry>
    /// Where each record was read, parallel to `entries`; empty when the zone did not
    /// come from text.
    var locations: ChunkedArray<SourceLocation>
    /// Entries removed by edits, and names left with no records by them.
    var deletedEntries = 0
    var deadNames = 0

    public init(origin: DomainName, rrClass: RRClass = .in) {
        self.origin = origin
        self.rrClass = rrClass
        names = NameTable()
        heads = []
        tails = []
        entries = []
        locations = []
    }

    /// Owner names (with at least one record).
    public var nameCount: Int { names.count - deadNames }
    public var recordCount: Int { entries.count - deletedEntries }

    /// The ID of `name` when it owns records, for the ID-based accessors.
    public func id(of name: DomainName) -> Int32? { liveID(name.wire) }

    func liveID(_ wire: [UInt8]) -> Int32? {
        wire.withUnsafeBufferPointer { liveID($0) }
    }

    /// The ID of a name given as wire bytes, nil when absent or left empty by edits.
    func liveID(_ wire: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let id = names.find(wire), heads[Int(id)] >= 0 else { return nil }
        return id
    }

    /// False for a name whose records were all removed by edits.
    func isLive(_ id: Int32) -> Bool { heads[Int(id)] >= 0 }

    /// IDs of the names that own records.
    var liveIDs: [Int32] { (0..<Int32(names.count)).filter { heads[Int($0)] >= 0 } }

    public func name(_ id: Int32) -> DomainName { names.name(id) }

    public func contains(_ name: DomainName) -> Bool { id(of: name) != nil }

    /// The RRset of `type` at `name`, or nil.
    public func rrset(_ name: DomainName, _ type: RRType) -> RRSet? {
        guard let id = id(of: name) else { return nil }
        return rrset(id, type)
    }

    func rrset(_ id: Int32, _ type: RRType) -> RRSet? {
        var set: RRSet?
        var index = heads[Int(id)]
        while index >= 0 {
            let entry = entries[Int(index)]
            if entry.type == type {
                if set == nil { set = RRSet(type: type, ttl: entry.ttl) }
                set!.rdatas.append(entry.rdata)
                if !locations.isEmpty { set!.locations.append(locations[Int(index)]) }
            }
            index = entry.next
        }
        return set
    }

    /// Every RRset at `name`, in the order their types first appeared.
    public func node(_ name: DomainName) -> ZoneNode? {
        guard let id = id(of: name) else { return nil }
        return node(id)
    }

    func node(_ id: Int32) -> ZoneNode {
        var node = ZoneNode()
        var index = heads[Int(id)]
        while index >= 0 {
            let entry = entries[Int(index)]
            let location = locations.isEmpty ? nil : locations[Int(index)]
            let key = RRSetKey(type: entry.type, rdata: entry.rdata)
            if let at = node.rrsets.firstIndex(where: { $0.key == key }) {
                node.rrsets[at].rdatas.append(entry.rdata)
                if let location { node.rrsets[at].locations.append(location) }
            } else {
                node.rrsets.append(RRSet(type: entry.type, ttl: entry.ttl, rdatas: [entry.rdata], locations: location.map { [$0] } ?? []))
            }
            index = entry.next
        }
        return node
    }

    /// True when `id` owns a record of `type`, without building an RRset.
    func has(_ id: Int32, _ type: RRType) -> Bool {
        var index = heads[Int(id)]
        while index >= 0 {
            if entries[Int(index)].type == type { return true }
            index = entries[Int(index)].next
        }
        return false
    }

    /// The apex SOA.
    public var soa: SOA? {
        guard let id = names.find(origin) else { return nil }
        var index = heads[Int(id)]
        while index >= 0 {
            if case .soa(let soa) = entries[Int(index)].rdata { return soa }
            index = entries[Int(index)].next
        }
        return nil
    }

    public var soaTTL: UInt32? { rrset(origin, .soa)?.ttl }

    /// Owner names in RFC 4034 §6.1 canonical order.
    public func sortedNames() -> [DomainName] {
        sortedIDs().map { names.name($0) }
    }

    /// IDs of the live names in canonical order. Every name's sort key goes into one
    /// byte arena, so sorting a large zone costs two arrays, not an allocation per name.
    func sortedIDs() -> [Int32] {
        let ids = liveIDs
        var keys: [UInt8] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(ids.count + 1)
        for id in ids {
            names.withWire(id) { DomainName.appendCanonicalSortKey(of: $0, to: &keys) }
            offsets.append(keys.count)
        }
        var order = Array(ids.indices)
        keys.withUnsafeBufferPointer { arena in
            order.sort { a, b in
                let x = UnsafeBufferPointer(rebasing: arena[offsets[a]..<offsets[a + 1]])
                let y = UnsafeBufferPointer(rebasing: arena[offsets[b]..<offsets[b + 1]])
                return x.lexicographicallyPrecedes(y)
            }
        }
        return order.map { ids[$0] }
    }

    /// Every owner name, in no particular order.
    public var allNames: [DomainName] { liveIDs.map { names.name($0) } }

    /// Every record, names in canonical order, the SOA first at the apex and then types
    /// in ascending order (the order named-compilezone writes).
    public func records() -> [ResourceRecord] {
        var result: [ResourceRecord] = []
        result.reserveCapacity(entries.count)
        for name in sortedNames() {
            for rrset in Self.ordered(node(name)!.rrsets) {
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

extension Zone: Equatable {
    /// Same origin, class and records (TTLs included); where records were read and in
    /// what order does not matter.
    public static func == (a: Zone, b: Zone) -> Bool {
        guard a.origin == b.origin, a.rrClass == b.rrClass, a.recordCount == b.recordCount,
              a.nameCount == b.nameCount else { return false }
        for id in a.liveIDs {
            let name = a.names.name(id)
            guard let other = b.node(name) else { return false }
            let mine = a.node(id)
            guard mine.rrsets.count == other.rrsets.count else { return false }
            for rrset in mine.rrsets where other.rrset(rrset.key) != rrset { return false }
        }
        return true
    }
}
