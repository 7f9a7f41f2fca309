extension ZoneChecker {
    /// Checks only what a change can have broken: the apex, the changed names, names
    /// below changed names (a new cut or DNAME hides them), and every name whose
    /// records point at a changed name (an MX whose target lost its address). For
    /// UPDATE, where a full check of a large zone per request would cost too much.
    ///
    /// `referencesAtRisk` narrows the last part to the changed names whose change can
    /// break a reference to them (lost addresses, gained a CNAME or DNAME, gone); nil
    /// means all of `changedNames`. When it is empty and no cut changed, nothing beyond
    /// the changed names is visited, so an UPDATE that adds an address costs the same
    /// in a large zone as in a small one.
    public static func check(
        _ zone: Zone, policy: CheckPolicy, changedNames: Set<DomainName>, referencesAtRisk: Set<DomainName>? = nil
    ) -> [Diagnostic] {
        // A few names are checked: no index over the whole zone.
        check(zone, policy: policy, changedNames: changedNames, referencesAtRisk: referencesAtRisk, indexed: false)
    }

    static func check(
        _ zone: Zone, policy: CheckPolicy, changedNames: Set<DomainName>, referencesAtRisk: Set<DomainName>?, indexed: Bool
    ) -> [Diagnostic] {
        var checker = ZoneChecker(zone: zone, policy: policy, files: nil, indexed: indexed)
        checker.checkApex(previousSerial: nil)
        var affected = Set<Int32>()
        for name in changedNames {
            if let id = zone.id(of: name) { affected.insert(id) }
        }
        let changedCuts = changedNames.filter { name in
            zone.node(name).map { $0.has(.ns) || $0.has(.dname) } ?? true
        }
        let targets = referencesAtRisk ?? changedNames
        // Nothing at risk and no cut changed (an UPDATE adding an address): no walk
        // over the whole zone at all.
        let names = changedCuts.isEmpty && targets.isEmpty ? 0 : Int32(zone.names.count)
        for id in 0..<names where zone.isLive(id) && !affected.contains(id) {
            // Most changes make no cut: then no name need be built to look below one.
            if !changedCuts.isEmpty {
                let name = zone.names.name(id)
                if changedCuts.contains(where: { name.isSubdomain(of: $0) }) {
                    affected.insert(id)
                    continue
                }
            }
            var index = zone.heads[Int(id)]
            while index >= 0 {
                let entry = zone.entries[Int(index)]
                if !targets.isEmpty, let target = entry.rdata.targetName, targets.contains(where: { target.isSubdomain(of: $0) }) {
                    affected.insert(id)
                    break
                }
                index = entry.next
            }
        }
        for id in affected.sorted() {
            checker.checkNode(zone.names.name(id), zone.node(id))
        }
        return Compiler.sorted(checker.sink.diagnostics, files: SourceFileTable())
    }
}
