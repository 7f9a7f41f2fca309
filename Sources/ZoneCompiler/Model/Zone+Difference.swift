extension Zone {
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

/// A record's type and RDATA, for set lookups within one owner.
struct TypedRData: Hashable {
    var type: RRType
    var rdata: RData
}
