/// Answers "what would a lookup of NAME/TYPE find in this zone" the way an
/// authoritative server's database does (RFC 1034 §4.3.2 steps 3a-3c), so integrity
/// checks judge targets exactly as a resolver would meet them: through zone cuts,
/// DNAMEs, CNAMEs, wildcards and empty non-terminals.
public struct ZoneLookup: Sendable {
    public enum Outcome: Equatable, Sendable {
        case found
        /// The name owns a CNAME (and not the type asked for).
        case cname
        /// The name is at or below a DNAME.
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
    /// Names below the apex that own NS records.
    public let cuts: Set<DomainName>
    public let dnames: Set<DomainName>
    /// Every proper ancestor of an owner name, up to the apex: the names that exist
    /// without owning records (empty non-terminals) are among them.
    private let interior: Set<DomainName>

    public init(zone: Zone) {
        self.zone = zone
        var cuts = Set<DomainName>()
        var dnames = Set<DomainName>()
        var interior = Set<DomainName>()
        for (name, node) in zone.nodes {
            if name != zone.origin && node.has(.ns) { cuts.insert(name) }
            if node.has(.dname) { dnames.insert(name) }
            var ancestor = name.parent
            while let current = ancestor, current.wire.count > zone.origin.wire.count {
                if !interior.insert(current).inserted { break }
                ancestor = current.parent
            }
        }
        self.cuts = cuts
        self.dnames = dnames
        self.interior = interior
    }

    /// True when `name` owns records or has descendants that do.
    public func exists(_ name: DomainName) -> Bool {
        zone.nodes[name] != nil || interior.contains(name) || name == zone.origin
    }

    /// The zone cut at or above `name` (below the apex), if any, and whether a DNAME
    /// above `name` redirects it first.
    public func enclosingCut(of name: DomainName, includingSelf: Bool) -> DomainName? {
        guard !cuts.isEmpty else { return nil }
        return topmostAncestor(of: name, in: cuts, includingSelf: includingSelf)
    }

    public func enclosingDNAME(of name: DomainName) -> DomainName? {
        guard !dnames.isEmpty else { return nil }
        return topmostAncestor(of: name, in: dnames, includingSelf: false)
    }

    /// The highest ancestor of `name` (below the apex) that is in `set`.
    private func topmostAncestor(of name: DomainName, in set: Set<DomainName>, includingSelf: Bool) -> DomainName? {
        let depth = name.labelCount - zone.origin.labelCount
        guard depth >= 1 else { return nil }
        let last = includingSelf ? depth : depth - 1
        guard last >= 1 else { return nil }
        for extra in 1...last {
            let candidate = name.suffix(labelCount: zone.origin.labelCount + extra)
            if set.contains(candidate) { return candidate }
        }
        return nil
    }

    /// Looks up `name`/`type`. With `glueOK`, data below a cut counts as found glue.
    public func find(_ name: DomainName, _ type: RRType, glueOK: Bool = false) -> Outcome {
        guard name.isSubdomain(of: zone.origin) else { return .outOfZone }
        // Walk down from the apex: the first cut or DNAME met decides.
        let depth = name.labelCount - zone.origin.labelCount
        if depth >= 1 && (!cuts.isEmpty || !dnames.isEmpty) {
            for extra in 1...depth {
                let candidate = extra == depth ? name : name.suffix(labelCount: zone.origin.labelCount + extra)
                let atName = extra == depth
                if cuts.contains(candidate) && !(atName && type == .ds) {
                    let glue = glueOK && zone.nodes[name]?.has(type) == true
                    return .delegation(cut: candidate, glue: glue)
                }
                if !atName && dnames.contains(candidate) { return .belowDNAME(candidate) }
            }
        }
        if let node = zone.nodes[name] {
            if node.has(type) { return .found }
            if node.has(.cname) { return .cname }
            return .noData
        }
        if interior.contains(name) { return .emptyNonTerminal }
        // Wildcard at the closest encloser (RFC 4592 §3.3.1).
        var encloser = name.parent
        while let current = encloser, !exists(current) {
            encloser = current.parent
        }
        if let current = encloser, let wildcardName = try? current.prepending(label: [UInt8(ascii: "*")]),
           let wildcard = zone.nodes[wildcardName] {
            if wildcard.has(type) { return .found }
            if wildcard.has(.cname) { return .cname }
            return .noData
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
