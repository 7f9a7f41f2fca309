extension Zone {
    /// A new version with `removing` taken out and then `adding` put in, exactly: each
    /// record to remove must be there, and an added record must not leave its RRset with
    /// two TTLs. The SOA is a record like any other here.
    ///
    /// Costs a copy of the flat tables (memcpy speed) plus the edits, and compacts when
    /// removed records pass half the zone, so repeated edits stay cheap.
    public func applying(removing: [ResourceRecord], adding: [ResourceRecord]) throws(ZoneEditError) -> Zone {
        var builder = ZoneBuilder(editing: self)
        for record in removing {
            guard record.owner.isSubdomain(of: origin) else { throw .outOfZone(record) }
            guard builder.remove(record) else { throw .missingRecord(record) }
        }
        var sink = DiagnosticSink(policy: .dnsplane)
        for record in adding {
            guard record.owner.isSubdomain(of: origin) else { throw .outOfZone(record) }
            if let existing = builder.zone.node(record.owner)?.rrset(RRSetKey(type: record.type, rdata: record.rdata)),
               existing.ttl != record.ttl {
                throw .ttlConflict(record)
            }
            builder.add(owner: record.owner, type: record.type, ttl: record.ttl, rdata: record.rdata,
                        location: nil, diagnostics: &sink)
        }
        var zone = builder.zone
        if zone.deletedEntries > max(1024, zone.recordCount) { zone = zone.compacted() }
        return zone
    }

    /// Applies a changeset: its SOA must be the zone's, and the SOA is replaced too.
    public func applying(_ changeset: Changeset) throws(ZoneEditError) -> Zone {
        let current = soa?.serial ?? 0
        guard current == changeset.serialFrom else {
            throw .soaMismatch(expected: changeset.serialFrom, found: current)
        }
        return try applying(removing: [changeset.soaFrom] + changeset.removed, adding: changeset.added + [changeset.soaTo])
    }

    /// The same records in fresh tables, without the garbage edits leave.
    public func compacted() -> Zone {
        var builder = ZoneBuilder(origin: origin, rrClass: rrClass)
        var sink = DiagnosticSink(policy: .dnsplane)
        for id in liveIDs {
            var index = heads[Int(id)]
            names.withWire(id) { wire in
                while index >= 0 {
                    let entry = entries[Int(index)]
                    let location = locations.isEmpty ? nil : locations[Int(index)]
                    builder.add(ownerWire: wire, type: entry.type, ttl: entry.ttl, rdata: entry.rdata,
                                location: location.flatMap { $0.file >= 0 ? $0 : nil }, diagnostics: &sink)
                    index = entry.next
                }
            }
        }
        return builder.zone
    }

    /// The records to remove from `self` and to add to reach `newer` (apex SOA
    /// excluded): what a source reload publishes as one changeset. An RRset whose TTL
    /// changed is removed and added whole.
    public func changes(to newer: Zone) -> (removed: [ResourceRecord], added: [ResourceRecord]) {
        var removed: [ResourceRecord] = []
        var added: [ResourceRecord] = []
        for id in liveIDs {
            let name = names.name(id)
            let mine = node(id)
            let theirs = newer.node(name) ?? ZoneNode()
            diff(name, mine, theirs, removed: &removed, added: &added)
        }
        for id in newer.liveIDs {
            let name = newer.names.name(id)
            if self.id(of: name) == nil {
                diff(name, ZoneNode(), newer.node(id), removed: &removed, added: &added)
            }
        }
        return (removed, added)
    }

    private func diff(_ name: DomainName, _ old: ZoneNode, _ new: ZoneNode,
                      removed: inout [ResourceRecord], added: inout [ResourceRecord]) {
        let isApex = name == origin
        var keys = Set(old.rrsets.map(\.key))
        keys.formUnion(new.rrsets.map(\.key))
        for key in keys where !(isApex && key.type == .soa) {
            let before = old.rrset(key)
            let after = new.rrset(key)
            if let before, let after, before.ttl == after.ttl {
                let kept = Set(after.rdatas)
                let had = Set(before.rdatas)
                for rdata in before.rdatas where !kept.contains(rdata) {
                    removed.append(ResourceRecord(owner: name, type: key.type, rrClass: rrClass, ttl: before.ttl, rdata: rdata))
                }
                for rdata in after.rdatas where !had.contains(rdata) {
                    added.append(ResourceRecord(owner: name, type: key.type, rrClass: rrClass, ttl: after.ttl, rdata: rdata))
                }
                continue
            }
            for rdata in before?.rdatas ?? [] {
                removed.append(ResourceRecord(owner: name, type: key.type, rrClass: rrClass, ttl: before!.ttl, rdata: rdata))
            }
            for rdata in after?.rdatas ?? [] {
                added.append(ResourceRecord(owner: name, type: key.type, rrClass: rrClass, ttl: after!.ttl, rdata: rdata))
            }
        }
    }
}
