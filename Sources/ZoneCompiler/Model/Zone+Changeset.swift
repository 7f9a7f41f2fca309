/// Why a changeset does not apply to a zone: the zone is not the version the
/// changeset starts from, so the two sides disagree and a full transfer is needed.
public struct ChangesetMismatch: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension Zone {
    /// The zone after `changesets`, in order. Strict, as RFC 1995 §5 expects of a
    /// client that keeps the same version as its server: each changeset must start at
    /// the current serial, every removed record must be present and no added record
    /// may already be (TTLs aside). Any disagreement throws, and the caller falls back
    /// to a full transfer rather than guess.
    ///
    /// Cost: one pass over the zone to rebuild it, plus hashing of the changed records.
    public func applying(_ changesets: [Changeset]) throws(ChangesetMismatch) -> Zone {
        guard let soa = soa, let soaTTL else { throw ChangesetMismatch("the zone has no SOA to apply changes to") }
        var serial = soa.serial
        var apexSOA = ResourceRecord(owner: origin, type: .soa, rrClass: rrClass, ttl: soaTTL, rdata: .soa(soa))
        // The overlay on this zone: records of this zone deleted, records not in it added.
        var deleted = Set<RecordKey>()
        var deletedNames = Set<Int32>()
        var added: [RecordKey: ResourceRecord] = [:]
        var addedOrder: [RecordKey] = []

        func inBase(_ key: RecordKey) -> Bool {
            guard let id = names.find(key.owner) else { return false }
            var index = heads[Int(id)]
            while index >= 0 {
                let entry = entries[Int(index)]
                if entry.type == key.type && entry.rdata == key.rdata { return true }
                index = entry.next
            }
            return false
        }
        func present(_ key: RecordKey) -> Bool {
            added[key] != nil || (!deleted.contains(key) && inBase(key))
        }
        func remove(_ record: ResourceRecord) throws(ChangesetMismatch) {
            let key = RecordKey(record)
            if added.removeValue(forKey: key) != nil { return }
            guard !deleted.contains(key), inBase(key) else {
                throw ChangesetMismatch("removes \(record), which is not in serial \(serial)")
            }
            deleted.insert(key)
            if let id = names.find(key.owner) { deletedNames.insert(id) }
        }
        func add(_ record: ResourceRecord) throws(ChangesetMismatch) {
            let key = RecordKey(record)
            guard !present(key) else { throw ChangesetMismatch("adds \(record), which serial \(serial) already has") }
            // A record removed and added back (a TTL change) stays deleted from the base
            // and comes back as an addition, with the new TTL.
            added[key] = record
            addedOrder.append(key)
        }

        for changeset in changesets {
            guard let from = changeset.fromSerial, let to = changeset.toSerial else {
                throw ChangesetMismatch("a difference sequence does not start and end with an SOA")
            }
            guard from == serial else {
                throw ChangesetMismatch("a difference sequence starts at serial \(from), but this version is \(serial)")
            }
            for record in changeset.removed where record.type != .soa { try remove(record) }
            for record in changeset.added where record.type != .soa { try add(record) }
            serial = to
            apexSOA = changeset.to
        }

        var builder = ZoneBuilder(origin: origin, rrClass: rrClass)
        var sink = DiagnosticSink(policy: .dnsplane)
        builder.add(owner: origin, type: .soa, ttl: apexSOA.ttl, rdata: apexSOA.rdata, location: nil, diagnostics: &sink)
        for id in 0..<Int32(names.count) {
            let filter = deletedNames.contains(id)
            let owner = filter ? names.name(id) : nil
            names.withWire(id) { wire in
                var index = heads[Int(id)]
                while index >= 0 {
                    let entry = entries[Int(index)]
                    index = entry.next
                    if entry.type == .soa { continue }
                    if let owner, deleted.contains(RecordKey(owner: owner, type: entry.type, rdata: entry.rdata)) { continue }
                    builder.add(ownerWire: wire, type: entry.type, ttl: entry.ttl, rdata: entry.rdata, location: nil,
                                diagnostics: &sink)
                }
            }
        }
        for key in addedOrder {
            guard let record = added[key] else { continue }
            builder.add(owner: record.owner, type: record.type, ttl: record.ttl, rdata: record.rdata, location: nil,
                        diagnostics: &sink)
        }
        return builder.zone
    }

    /// How many records of this zone `other` does not have (same owner, type and
    /// RDATA; TTLs aside), the apex SOA not counted: what a move from this version to
    /// `other` removes. For the secondary's blast-radius guard and its logs.
    public func countRecords(missingFrom other: Zone) -> Int {
        var missing = 0
        for id in 0..<Int32(names.count) {
            let otherID = names.withWire(id) { other.names.find($0) }
            var index = heads[Int(id)]
            guard let otherID else {
                while index >= 0 {
                    if entries[Int(index)].type != .soa { missing += 1 }
                    index = entries[Int(index)].next
                }
                continue
            }
            // Short chains compare linearly; a large node gets a set so a big RRset
            // does not cost its square.
            var otherCount = 0
            var otherIndex = other.heads[Int(otherID)]
            while otherIndex >= 0 && otherCount <= 16 {
                otherCount += 1
                otherIndex = other.entries[Int(otherIndex)].next
            }
            var otherSet: Set<TypedRData>?
            if otherCount > 16 {
                var set = Set<TypedRData>()
                otherIndex = other.heads[Int(otherID)]
                while otherIndex >= 0 {
                    let entry = other.entries[Int(otherIndex)]
                    set.insert(TypedRData(type: entry.type, rdata: entry.rdata))
                    otherIndex = entry.next
                }
                otherSet = set
            }
            while index >= 0 {
                let entry = entries[Int(index)]
                index = entry.next
                if entry.type == .soa { continue }
                if let otherSet {
                    if !otherSet.contains(TypedRData(type: entry.type, rdata: entry.rdata)) { missing += 1 }
                    continue
                }
                var found = false
                otherIndex = other.heads[Int(otherID)]
                while otherIndex >= 0 {
                    let candidate = other.entries[Int(otherIndex)]
                    if candidate.type == entry.type && candidate.rdata == entry.rdata {
                        found = true
                        break
                    }
                    otherIndex = candidate.next
                }
                if !found { missing += 1 }
            }
        }
        return missing
    }
}

/// A record as IXFR matches it: owner, type and RDATA, not TTL.
struct RecordKey: Hashable {
    var owner: DomainName
    var type: RRType
    var rdata: RData

    init(owner: DomainName, type: RRType, rdata: RData) {
        self.owner = owner
        self.type = type
        self.rdata = rdata
    }

    init(_ record: ResourceRecord) {
        self.init(owner: record.owner, type: record.type, rdata: record.rdata)
    }
}

struct TypedRData: Hashable {
    var type: RRType
    var rdata: RData
}
