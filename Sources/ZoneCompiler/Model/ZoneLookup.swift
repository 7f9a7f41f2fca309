/// Answers "what would a lookup of NAME/TYPE find in this zone" the way an
/// authoritative server's database does (RFC 1034 §4.3.2 steps 3a-3c), so integrity
/// checks judge targets exactly as a resolver would meet them: through zone cuts,
/// DNAMEs, CNAMEs, wildcards and empty non-terminals.
///
/// Works on wire-form suffixes of the name asked about, so walking up or down the tree
/// allocates nothing.
public struct ZoneLookup: Sendable {
    public enum Outcome: Equatable, Sendable {
        case found
        /// The name owns a CNAME (and not the type asked for).
        case cname
        /// The name is below a DNAME.
        case belowDNAME(DomainName)
        /// The name is at or below a zone cut; `glue` when it owns the type anyway.
        case delegation(cut: DomainName, glue: Bool)
        /// The name exists but has no record of the type.
        case noData
        /// The name exists only as an ancestor of other names.
        case emptyNonTerminal
        case nxDomain
        /// The name is not in this zone at all.
        case outOfZone
    }

    public let zone: Zone
    /// IDs of names below the apex that own NS records; nil when not indexed (then
    /// each name is asked).
    let cuts: Set<Int32>?
    let dnames: Set<Int32>?
    /// Proper ancestors of owner names, below the apex, that own no records themselves:
    /// the empty non-terminals; nil when not indexed (then the names are searched).
    let interior: NameTable?
    let originID: Int32?
    /// A DNAME at the apex puts every other name of the zone below it (RFC 6672 §2.3).
    let apexDNAME: Bool

    /// With `indexed` false, nothing is built up front: cuts and DNAMEs are found by
    /// asking each ancestor of a name looked up, and whether a missing name is an empty
    /// non-terminal by searching the names (only then). For a few lookups in a large
    /// zone — the checks after one UPDATE — that is far cheaper than the index.
    public init(zone: Zone, indexed: Bool = true) {
        self.zone = zone
        let originID = zone.id(of: zone.origin)
        self.originID = originID
        self.apexDNAME = originID.map { zone.has($0, .dname) } ?? false
        guard indexed else {
            cuts = nil
            dnames = nil
            interior = nil
            return
        }
        var cuts = Set<Int32>()
        var dnames = Set<Int32>()
        var interior = NameTable()
        let originLength = zone.origin.wire.count
        for id in 0..<Int32(zone.names.count) where zone.isLive(id) {
            if id != originID && zone.has(id, .ns) { cuts.insert(id) }
            if zone.has(id, .dname) { dnames.insert(id) }
            zone.names.withWire(id) { wire in
                // Walk up through the ancestors; stop at the apex, at a name that owns
                // records (its own walk covers its ancestors) or at one already seen.
                var start = 1 + Int(wire[0])
                while wire.count - start > originLength {
                    let suffix = UnsafeBufferPointer(rebasing: wire[start...])
                    if zone.liveID(suffix) != nil { break }
                    if !interior.intern(suffix).inserted { break }
                    start += 1 + Int(wire[start])
                }
            }
        }
        self.cuts = cuts
        self.dnames = dnames
        self.interior = interior
    }

    /// False only when the zone surely has no cut below the apex.
    public var hasCuts: Bool { cuts.map { !$0.isEmpty } ?? true }
    public var hasDNAMEs: Bool { dnames.map { !$0.isEmpty } ?? true }

    func isCut(_ id: Int32) -> Bool {
        cuts.map { $0.contains(id) } ?? (id != originID && zone.has(id, .ns))
    }

    func isDNAME(_ id: Int32) -> Bool {
        dnames.map { $0.contains(id) } ?? zone.has(id, .dname)
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// Whether `wire` is a proper ancestor of an owner name without owning records.
    func isInterior(_ wire: UnsafeBufferPointer<UInt8>) -> Bool {
        if let interior { return interior.find(wire) != nil }
        guard wire.count > zone.origin.wire.count, zone.liveID(wire) == nil else { return false }
        for id in 0..<Int32(zone.names.count) where zone.isLive(id) {
            let below = zone.names.withWire(id) { name -> Bool in
                var start = 0
                while name.count - start > wire.count { start += 1 + Int(name[start]) }
                guard start > 0, name.count - start == wire.count else { return false }
                for index in 0..<wire.count where Self.lower(name[start + index]) != Self.lower(wire[index]) { return false }
                return true
            }
            if below { return true }
        }
        return false
    }

    /// True when `name` owns records or has descendants that do.
    public func exists(_ name: DomainName) -> Bool {
        name.wire.withUnsafeBufferPointer { exists($0) }
    }

    func exists(_ wire: UnsafeBufferPointer<UInt8>) -> Bool {
        zone.liveID(wire) != nil || isInterior(wire)
    }

    /// The highest zone cut strictly above the name (or at it, with `includingSelf`),
    /// below the apex.
    public func enclosingCut(of name: DomainName, includingSelf: Bool) -> DomainName? {
        name.wire.withUnsafeBufferPointer { topmost(where: isCut, above: $0, includingSelf: includingSelf) }.map(zone.names.name)
    }

    public func enclosingDNAME(of name: DomainName) -> DomainName? {
        if apexDNAME && name != zone.origin && name.isSubdomain(of: zone.origin) { return zone.origin }
        return name.wire.withUnsafeBufferPointer { topmost(where: isDNAME, above: $0, includingSelf: false) }.map(zone.names.name)
    }

    func enclosingCut(ofID id: Int32) -> Int32? {
        guard hasCuts else { return nil }
        return zone.names.withWire(id) { topmost(where: isCut, above: $0, includingSelf: false) }
    }

    func enclosingDNAME(ofID id: Int32) -> Int32? {
        guard hasDNAMEs else { return nil }
        if apexDNAME, let originID, id != originID { return originID }
        return zone.names.withWire(id) { topmost(where: isDNAME, above: $0, includingSelf: false) }
    }

    /// The ID of the highest ancestor of `wire` below the apex for which `matches` holds.
    private func topmost(where matches: (Int32) -> Bool, above wire: UnsafeBufferPointer<UInt8>, includingSelf: Bool) -> Int32? {
        var found: Int32?
        forEachAncestor(of: wire, includingSelf: includingSelf) { suffix, _ in
            if let id = zone.liveID(suffix), matches(id) {
                found = id
                return false
            }
            return true
        }
        return found
    }

    /// Calls `body` with the suffixes of `wire` from the one just below the apex down
    /// to the name itself (`isName` true last); `body` returns false to stop.
    private func forEachAncestor(
        of wire: UnsafeBufferPointer<UInt8>, includingSelf: Bool,
        _ body: (UnsafeBufferPointer<UInt8>, _ isName: Bool) -> Bool
    ) {
        let originStart = wire.count - zone.origin.wire.count
        guard originStart > 0 else { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { offsets in
            var count = 0
            var index = 0
            while index < originStart {
                offsets[count] = index
                count += 1
                index += 1 + Int(wire[index])
            }
            // offsets[0] is the name itself; offsets[count - 1] the label just below the apex.
            var k = count - 1
            while k >= (includingSelf ? 0 : 1) {
                if !body(UnsafeBufferPointer(rebasing: wire[offsets[k]...]), k == 0) { return }
                k -= 1
            }
        }
    }

    /// Looks up `name`/`type`. With `glueOK`, data below a cut counts as found glue.
    public func find(_ name: DomainName, _ type: RRType, glueOK: Bool = false) -> Outcome {
        guard name.isSubdomain(of: zone.origin) else { return .outOfZone }
        return name.wire.withUnsafeBufferPointer { wire in find(wire, type, glueOK: glueOK) }
    }

    private func find(_ wire: UnsafeBufferPointer<UInt8>, _ type: RRType, glueOK: Bool) -> Outcome {
        if apexDNAME && wire.count > zone.origin.wire.count { return .belowDNAME(zone.origin) }
        // Walk down from the apex: the first cut or DNAME met decides.
        if hasCuts || hasDNAMEs {
            var outcome: Outcome?
            forEachAncestor(of: wire, includingSelf: true) { suffix, isName in
                guard let id = zone.liveID(suffix) else { return true }
                if isCut(id) && !(isName && type == .ds) {
                    let glue = glueOK && zone.liveID(wire).map { zone.has($0, type) } == true
                    outcome = .delegation(cut: zone.names.name(id), glue: glue)
                    return false
                }
                if !isName && isDNAME(id) {
                    outcome = .belowDNAME(zone.names.name(id))
                    return false
                }
                return true
            }
            if let outcome { return outcome }
        }
        if let id = zone.liveID(wire) {
            if zone.has(id, type) { return .found }
            if zone.has(id, .cname) { return .cname }
            return .noData
        }
        if isInterior(wire) { return .emptyNonTerminal }
        // The wildcard at the closest encloser (RFC 4592 §3.3.1).
        var start = 1 + Int(wire[0])
        while start < wire.count {
            let suffix = UnsafeBufferPointer(rebasing: wire[start...])
            if exists(suffix) || suffix.count == zone.origin.wire.count {
                var wildcard: [UInt8] = [1, UInt8(ascii: "*")]
                wildcard.append(contentsOf: suffix)
                guard let id = wildcard.withUnsafeBufferPointer({ zone.liveID($0) }) else { return .nxDomain }
                if zone.has(id, type) { return .found }
                if zone.has(id, .cname) { return .cname }
                return .noData
            }
            start += 1 + Int(wire[start])
        }
        return .nxDomain
    }

    /// Looks up A, then AAAA: `.found` (or glue) when either exists; otherwise the
    /// A lookup's outcome, which says why there is no address.
    public func findAddress(_ name: DomainName, glueOK: Bool = false) -> Outcome {
        let a = find(name, .a, glueOK: glueOK)
        switch a {
        case .found, .delegation(_, true):
            return a
        case .noData, .delegation(_, false):
            let aaaa = find(name, .aaaa, glueOK: glueOK)
            switch aaaa {
            case .found, .delegation(_, true): return aaaa
            default: return a
            }
        default:
            return a
        }
    }
}
