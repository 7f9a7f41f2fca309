extension ZoneChecker {
    /// A delegation's NS targets need addresses a resolver can use: glue below the cut,
    /// or in-zone A/AAAA records elsewhere (BIND's zone_check_glue).
    mutating func checkDelegation(_ owner: DomainName, _ rrset: RRSet) {
        for (index, rdata) in rrset.rdatas.enumerated() {
            let location = rrset.location(at: index)
            guard case .ns(let ns) = rdata, ns.target.isSubdomain(of: zone.origin),
                  !isRejectedByCheckNames(ns.target, at: location) else { continue }
            let target = ns.target
            let bindName = "\(zonePrefix)\(owner.bindText)/NS '\(target.bindText)'"
            switch lookup.findAddress(target, glueOK: true) {
            case .found, .delegation(_, true), .outOfZone:
                continue
            case .delegation(let otherCut, false):
                if target.isSubdomain(of: owner) {
                    sink.report(.glueMissing, "delegation \(owner) names \(target), below the cut, with no glue A or AAAA record",
                                at: location, owner: owner, bind: "\(bindName) has no REQUIRED GLUE address records (A or AAAA)")
                } else {
                    sink.report(.siblingGlueMissing, "delegation \(owner) names \(target), inside the delegation \(otherCut), with no glue A or AAAA record",
                                at: location, owner: owner, bind: "\(bindName) has no SIBLING GLUE address records (A or AAAA)")
                }
            case .noData, .nxDomain, .emptyNonTerminal:
                if target.isSubdomain(of: owner) {
                    sink.report(.glueMissing, "delegation \(owner) names \(target), below the cut, with no glue A or AAAA record",
                                at: location, owner: owner, bind: "\(bindName) has no REQUIRED GLUE address records (A or AAAA)")
                } else {
                    sink.report(.delegationNSNoAddress, "delegation \(owner) names \(target), which has no address records (A or AAAA)",
                                at: location, owner: owner, bind: "\(bindName) has no address records (A or AAAA)")
                }
            case .cname:
                sink.report(.delegationNSNoAddress, "delegation \(owner) names \(target), which is a CNAME (RFC 2181 §10.3)",
                            at: location, owner: owner, bind: "\(bindName) is a CNAME (illegal)")
            case .belowDNAME(let dname):
                sink.report(.delegationNSNoAddress, "delegation \(owner) names \(target), which is below a DNAME",
                            at: location, owner: owner, bind: "\(bindName) is below a DNAME '\(dname.bindText)' (illegal)")
            }
        }
    }

    mutating func checkMX(_ owner: DomainName, _ rrset: RRSet) {
        for (index, rdata) in rrset.rdatas.enumerated() {
            guard case .mx(let mx) = rdata else { continue }
            checkTarget(mx.exchange, of: owner, type: "MX", at: rrset.location(at: index),
                        noAddress: .mxTargetNoAddress, isCNAME: .mxTargetIsCNAME)
        }
    }

    mutating func checkSRV(_ owner: DomainName, _ rrset: RRSet) {
        guard zone.rrClass == .in else { return }
        for (index, rdata) in rrset.rdatas.enumerated() {
            guard case .srv(let srv) = rdata else { continue }
            checkTarget(srv.target, of: owner, type: "SRV", at: rrset.location(at: index),
                        noAddress: .srvTargetNoAddress, isCNAME: .srvTargetIsCNAME)
        }
    }

    /// MX and SRV targets (BIND's zone_check_mx / zone_check_srv): "." means "no
    /// service"; names outside the zone are not looked up (hermetic).
    private mutating func checkTarget(
        _ target: DomainName, of owner: DomainName, type: String, at location: SourceLocation?,
        noAddress: CheckID, isCNAME: CheckID
    ) {
        guard !target.isRoot, target.isSubdomain(of: zone.origin), !isRejectedByCheckNames(target, at: location) else { return }
        let bindName = "\(zonePrefix)\(owner.bindText)/\(type) '\(target.bindText)'"
        switch lookup.findAddress(target) {
        case .found, .delegation, .outOfZone:
            break
        case .noData, .nxDomain, .emptyNonTerminal:
            sink.report(noAddress, "\(type) target \(target) of \(owner) has no address records (A or AAAA)",
                        at: location, owner: owner, bind: "\(bindName) has no address records (A or AAAA)")
        case .cname:
            sink.report(isCNAME, "\(type) target \(target) of \(owner) is a CNAME (RFC 2181 §10.3)",
                        at: location, owner: owner, bind: "\(bindName) is a CNAME (illegal)")
        case .belowDNAME(let dname):
            sink.report(isCNAME, "\(type) target \(target) of \(owner) is below a DNAME",
                        at: location, owner: owner, bind: "\(bindName) is below a DNAME '\(dname.bindText)' (illegal)")
        }
    }
}
