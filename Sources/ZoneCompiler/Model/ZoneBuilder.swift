/// Builds a `Zone` from records one at a time, as a loader sees them: records outside
/// the zone are dropped, identical records merge, and a record whose TTL differs from
/// its RRset's takes the RRset's TTL (BIND's behaviour), each with a diagnostic.
public struct ZoneBuilder: Sendable {
    public private(set) var zone: Zone
    /// Membership sets for RRsets too large for a linear duplicate scan.
    private var largeSets: [RRSetID: Set<RData>] = [:]
    /// RRsets already reported as holding records that differ only in name case.
    private var caseDuplicates: Set<RRSetID> = []
    private static let linearScanLimit = 32
    static let noLocation = SourceLocation(file: -1, line: 0, column: 0)

    struct RRSetID: Hashable, Sendable {
        var name: Int32
        var type: RRType
    }

    public init(origin: DomainName, rrClass: RRClass = .in) {
        zone = Zone(origin: origin, rrClass: rrClass)
    }

    /// Continues from an existing zone: the first change copies its tables.
    public init(editing zone: Zone) {
        self.zone = zone
    }

    /// Removes one record (same owner, type and RDATA; the TTL is not compared).
    /// False when it is not there.
    public mutating func remove(_ record: ResourceRecord) -> Bool {
        guard let name = zone.id(of: record.owner) else { return false }
        var previous: Int32 = -1
        var index = zone.heads[Int(name)]
        while index >= 0 {
            let entry = zone.entries[Int(index)]
            if entry.type == record.type && entry.rdata == record.rdata {
                if previous >= 0 { zone.entries[Int(previous)].next = entry.next } else { zone.heads[Int(name)] = entry.next }
                if zone.tails[Int(name)] == index { zone.tails[Int(name)] = previous }
                zone.entries[Int(index)].isDeleted = true
                zone.entries[Int(index)].next = -1
                zone.deletedEntries += 1
                if zone.heads[Int(name)] < 0 { zone.deadNames += 1 }
                largeSets[RRSetID(name: name, type: record.type)]?.remove(record.rdata)
                return true
            }
            previous = index
            index = entry.next
        }
        return false
    }

    /// What `add` did with a record.
    public enum Outcome: Equatable, Sendable {
        case added
        case duplicate
        case outOfZone
    }

    @discardableResult
    public mutating func add(
        owner: DomainName, type: RRType, ttl: UInt32, rdata: RData,
        location: SourceLocation?, diagnostics: inout DiagnosticSink
    ) -> Outcome {
        owner.wire.withUnsafeBufferPointer { wire in
            add(ownerWire: wire, type: type, ttl: ttl, rdata: rdata, location: location, diagnostics: &diagnostics)
        }
    }

    /// The parser's entry point: the owner as wire bytes in a scratch buffer, so a
    /// record whose owner is already known allocates nothing for its name.
    @discardableResult
    public mutating func add(
        ownerWire: UnsafeBufferPointer<UInt8>, type: RRType, ttl: UInt32, rdata: RData,
        location: SourceLocation?, diagnostics: inout DiagnosticSink
    ) -> Outcome {
        guard Self.isSubdomain(ownerWire, of: zone.origin) else {
            let owner = DomainName(trustedWire: Array(ownerWire))
            diagnostics.report(.outOfZone, "\(owner) is outside the zone \(zone.origin); the record is ignored",
                               at: location, owner: owner,
                               bind: "ignoring out-of-zone data (\(owner.bindText))")
            return .outOfZone
        }
        let (name, inserted) = zone.names.intern(ownerWire)
        if inserted {
            zone.heads.append(-1)
            zone.tails.append(-1)
        } else if zone.heads[Int(name)] < 0 {
            // A name emptied by edits comes back.
            zone.deadNames -= 1
        } else if let existing = findRRSet(name, type) {
            if let kept = duplicate(of: rdata, name: name, type: type, first: existing.first, count: existing.count) {
                if Self.caseSensitiveNames.contains(type) && kept != rdata.wireBytes {
                    reportCaseDuplicate(name: name, type: type, location: location, diagnostics: &diagnostics)
                }
                return .duplicate
            }
            // RRSIGs share a TTL only with those covering the same type: each one's TTL
            // is that of the RRset it signs (RFC 4034 §3), and NSEC's differs (§4).
            let rrsetTTL = type == .rrsig ? signatureTTL(at: name, like: rdata) ?? ttl : zone.entries[Int(existing.first)].ttl
            if ttl != rrsetTTL {
                let owner = zone.names.name(name)
                diagnostics.report(.ttlMismatch,
                                   "TTL \(ttl) differs from the \(type) RRset's TTL \(rrsetTTL) at \(owner); \(rrsetTTL) is used",
                                   at: location, owner: owner, bind: "TTL set to prior TTL (\(rrsetTTL))")
            }
            append(name: name, type: type, ttl: rrsetTTL, rdata: rdata, location: location)
            return .added
        }
        append(name: name, type: type, ttl: ttl, rdata: rdata, location: location)
        return .added
    }

    private mutating func append(name: Int32, type: RRType, ttl: UInt32, rdata: RData, location: SourceLocation?) {
        let index = Int32(zone.entries.count)
        zone.entries.append(Zone.Entry(rdata: rdata, ttl: ttl, type: type, name: name, next: -1))
        // Locations stay parallel to entries once any record has one; records without
        // one (added by UPDATE or transfer) get a placeholder.
        if let location {
            if zone.locations.count < zone.entries.count - 1 {
                zone.locations.append(contentsOf: repeatElement(Self.noLocation, count: zone.entries.count - 1 - zone.locations.count))
            }
            zone.locations.append(location)
        } else if !zone.locations.isEmpty {
            zone.locations.append(Self.noLocation)
        }
        let tail = zone.tails[Int(name)]
        if tail >= 0 { zone.entries[Int(tail)].next = index } else { zone.heads[Int(name)] = index }
        zone.tails[Int(name)] = index
    }

    /// The TTL of the RRset a record of `type` at this owner would join, if there is one.
    public func rrsetTTL(ownerWire: UnsafeBufferPointer<UInt8>, type: RRType) -> UInt32? {
        guard let name = zone.names.find(ownerWire), let existing = findRRSet(name, type) else { return nil }
        return zone.entries[Int(existing.first)].ttl
    }

    /// The TTL of the RRSIGs at `name` covering the type `rdata` covers, if any.
    private func signatureTTL(at name: Int32, like rdata: RData) -> UInt32? {
        guard case .rrsig(let signature) = rdata else { return nil }
        var index = zone.heads[Int(name)]
        while index >= 0 {
            let entry = zone.entries[Int(index)]
            if case .rrsig(let other) = entry.rdata, other.typeCovered == signature.typeCovered { return entry.ttl }
            index = entry.next
        }
        return nil
    }

    /// The first record of `type` at `name` and how many there are.
    private func findRRSet(_ name: Int32, _ type: RRType) -> (first: Int32, count: Int)? {
        var index = zone.heads[Int(name)]
        var first: Int32 = -1
        var count = 0
        while index >= 0 {
            let entry = zone.entries[Int(index)]
            if entry.type == type {
                if first < 0 { first = index }
                count += 1
            }
            index = entry.next
        }
        return first >= 0 ? (first, count) : nil
    }

    /// Types whose embedded names BIND compares with their case (RFC 4034 §6.2 leaves
    /// them out of canonical lower-casing): it keeps two records differing only in
    /// name case, and named-checkzone -r calls them "semantically identical". Here
    /// equality ignores case, so the second is merged and reported instead.
    static let caseSensitiveNames: Set<RRType> = [.nsec, .ipseckey, .amtrelay, .hip, .lp]

    /// The wire form of the record `rdata` equals, when one is already in the set.
    private mutating func duplicate(of rdata: RData, name: Int32, type: RRType, first: Int32, count: Int) -> [UInt8]? {
        guard isDuplicate(rdata, name: name, type: type, first: first, count: count) else { return nil }
        guard Self.caseSensitiveNames.contains(type) else { return [] }
        var index = first
        while index >= 0 {
            let entry = zone.entries[Int(index)]
            if entry.type == type && entry.rdata == rdata { return entry.rdata.wireBytes }
            index = entry.next
        }
        return []
    }

    private mutating func reportCaseDuplicate(name: Int32, type: RRType, location: SourceLocation?, diagnostics: inout DiagnosticSink) {
        guard caseDuplicates.insert(RRSetID(name: name, type: type)).inserted else { return }
        let owner = zone.names.name(name)
        diagnostics.report(.duplicateRecords, "\(owner) has \(type) records that differ only in the case of a name",
                           at: location, owner: owner,
                           bind: "zone \(zone.origin.bindText)/\(zone.rrClass): \(owner.bindText)/\(type) has semantically identical records")
    }

    private mutating func isDuplicate(_ rdata: RData, name: Int32, type: RRType, first: Int32, count: Int) -> Bool {
        if count < Self.linearScanLimit {
            var index = first
            while index >= 0 {
                let entry = zone.entries[Int(index)]
                if entry.type == type && entry.rdata == rdata { return true }
                index = entry.next
            }
            return false
        }
        let key = RRSetID(name: name, type: type)
        if largeSets[key] == nil {
            var set = Set<RData>()
            var index = first
            while index >= 0 {
                let entry = zone.entries[Int(index)]
                if entry.type == type { set.insert(entry.rdata) }
                index = entry.next
            }
            largeSets[key] = set
        }
        return !largeSets[key]!.insert(rdata).inserted
    }

    static func isSubdomain(_ wire: UnsafeBufferPointer<UInt8>, of origin: DomainName) -> Bool {
        let extra = wire.count - origin.wire.count
        guard extra >= 0 else { return false }
        var index = 0
        while index < extra { index += 1 + Int(wire[index]) }
        guard index == extra else { return false }
        return origin.wire.withUnsafeBufferPointer { suffix in
            for i in 0..<suffix.count {
                let a = wire[extra + i], b = suffix[i]
                if (a &- 0x41 < 26 ? a | 0x20 : a) != (b &- 0x41 < 26 ? b | 0x20 : b) { return false }
            }
            return true
        }
    }

    /// Adds one record without diagnostics (transfers, journals, tests).
    public mutating func add(_ record: ResourceRecord) {
        var sink = DiagnosticSink(policy: .dnsplane)
        add(owner: record.owner, type: record.type, ttl: record.ttl, rdata: record.rdata, location: nil, diagnostics: &sink)
    }
}

extension DomainName {
    /// The name as BIND prints it in messages: no trailing dot, except for the root.
    public var bindText: String {
        let text = description
        return isRoot ? text : String(text.dropLast())
    }
}
