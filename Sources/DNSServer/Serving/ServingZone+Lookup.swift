import DNSCore

extension ServingZone {
    /// Where a name leads in this zone, by RFC 1034 §4.3.2 step 3, with the wildcard
    /// rules of RFC 4592 §3.3 and the DNAME rule of RFC 6672 §3.2.
    enum Location: Equatable {
        /// The name exists: `id` owns records, or is an empty non-terminal.
        case node(Int32)
        /// The name does not exist; `*.<closest encloser>` does and stands in for it.
        case wildcard(source: Int32, closestEncloser: Int32)
        /// The name does not exist and no wildcard covers it. `closestEncloserStart`
        /// is where the closest encloser's labels start in the name asked about.
        case nxDomain(closestEncloser: Int32, closestEncloserStart: Int)
        /// The name is at or below a zone cut (for DS and NSEC, strictly below: at the
        /// cut they are the parent's data, RFC 4035 §2.3, §3.1.4.1).
        case delegation(cut: Int32)
        /// A proper ancestor owns a DNAME; `ownerStart` is where its labels start.
        case dname(owner: Int32, ownerStart: Int)
    }

    /// The node of a name, owner or empty non-terminal.
    @inline(__always)
    func find(_ wire: UnsafeBufferPointer<UInt8>) -> Int32? {
        if let id = names.find(wire) { return id }
        if interior.count > 0, let id = interior.find(wire) { return ownerCount + id }
        return nil
    }

    /// Finds `name` (uncompressed wire form, at or below the origin, whose labels from
    /// `originStart` on are the origin's) for a question of `type`.
    func locate(_ name: UnsafeBufferPointer<UInt8>, originStart: Int, type: RRType) -> Location {
        // Most questions name an owner that is neither glue nor below a DNAME: one
        // hash lookup decides.
        if let id = names.find(name) {
            let flags = nodes[Int(id)].flags
            if flags.isDisjoint(with: [.belowCut, .belowDNAME]) {
                if flags.contains(.cut) && !Self.isParentSide(type) { return .delegation(cut: id) }
                return .node(id)
            }
        }
        // Walk down from the apex: the first cut or DNAME met decides; otherwise the
        // last name that exists is the closest encloser (RFC 4592 §3.3.1).
        if originStart > 0 && nodes[Int(apex)].flags.contains(.dname) {
            return .dname(owner: apex, ownerStart: originStart)
        }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { offsets -> Location in
            var count = 0
            var index = 0
            while index < originStart {
                offsets[count] = index
                count += 1
                index += 1 + Int(name[index])
            }
            var closest = apex
            var closestStart = originStart
            var k = count - 1
            while k >= 0 {
                let start = offsets[k]
                guard let id = find(UnsafeBufferPointer(rebasing: name[start...])) else { break }
                let flags = nodes[Int(id)].flags
                if flags.contains(.cut) && (k > 0 || !Self.isParentSide(type)) { return .delegation(cut: id) }
                if k > 0 && flags.contains(.dname) { return .dname(owner: id, ownerStart: start) }
                if k == 0 { return .node(id) }
                closest = id
                closestStart = start
                k -= 1
            }
            let wildcard = nodes[Int(closest)].wildcard
            if wildcard >= 0 { return .wildcard(source: wildcard, closestEncloser: closest) }
            return .nxDomain(closestEncloser: closest, closestEncloserStart: closestStart)
        }
    }

    /// Types whose records at a zone cut belong to the parent zone.
    @inline(__always)
    static func isParentSide(_ type: RRType) -> Bool { type == .ds || type == .nsec }

    /// The index of node `id`'s RRset of `type`, or -1.
    @inline(__always)
    func rrset(_ id: Int32, _ type: RRType) -> Int32 {
        let node = nodes[Int(id)]
        var k = node.firstRRSet
        let end = k + Int32(node.rrsetCount)
        while k < end {
            if rrsets[Int(k)].type == type { return k }
            k += 1
        }
        return -1
    }

    /// The owner of the NSEC record that covers `name`: the last NSEC owner at or
    /// before it in canonical order (RFC 4034 §6.1), or nil when the zone has none.
    func coveringNSEC(_ name: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !nsecOwners.isEmpty else { return nil }
        var low = 0
        var high = nsecOwners.count
        // Find the first owner sorting after `name`.
        while low < high {
            let middle = (low + high) / 2
            let order = withName(nsecOwners[middle]) { DomainName.canonicalCompare(wire: $0, name) }
            if order <= 0 { low = middle + 1 } else { high = middle }
        }
        // Before the first owner (only names outside the zone): the chain wraps.
        return low == 0 ? nsecOwners[nsecOwners.count - 1] : nsecOwners[low - 1]
    }
}

/// Case folding for names compared byte by byte on the serving paths (RFC 4343: ASCII
/// letters only). Canonical order itself is `DomainName.canonicalCompare(wire:_:)`.
enum CanonicalOrder {
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
}
