extension ZoneChecker {
    static let reverseTrees: [DomainName] = ["in-addr.arpa.", "ip6.arpa.", "ip6.int."]

    /// BIND's check-names: address owners and the names records point at must be
    /// host names (RFC 952, RFC 1123 §2.1); mailbox names may have any first label.
    mutating func checkNames(_ owner: DomainName, _ rrset: RRSet) {
        switch rrset.type {
        case .a, .aaaa, .a6:
            if !HostnameRules.isHostname(owner, allowWildcard: true) {
                sink.report(.ownerNotHostname, "\(owner) owns \(rrset.type) records but is not a valid host name (letters, digits, hyphens)",
                            at: rrset.firstLocation, owner: owner,
                            bind: "\(bindPrefix(rrset.firstLocation))\(owner.bindText): bad owner name (check-names)",
                            result: "bad owner name (check-names)")
            }
            return
        default:
            break
        }
        for (index, rdata) in rrset.rdatas.enumerated() {
            let location = rrset.location(at: index)
            switch rdata {
            case .ns(let ns):
                checkHostname(ns.target, "NS target", owner, location)
            case .mx(let mx):
                checkHostname(mx.exchange, "MX target", owner, location)
            case .srv(let srv):
                checkHostname(srv.target, "SRV target", owner, location)
            case .afsdb(let afsdb):
                checkHostname(afsdb.exchange, "AFSDB host", owner, location)
            case .rt(let rt):
                checkHostname(rt.exchange, "RT host", owner, location)
            case .soa(let soa):
                checkHostname(soa.mname, "SOA MNAME", owner, location)
                if !HostnameRules.isMailbox(soa.rname) {
                    reportBadTarget(soa.rname, "SOA RNAME is not a valid mailbox name", owner, location)
                }
            case .ptr(let ptr):
                if Self.reverseTrees.contains(where: { owner.isSubdomain(of: $0) }) {
                    checkHostname(ptr.target, "PTR target", owner, location)
                }
            default:
                break
            }
        }
    }

    private mutating func checkHostname(_ name: DomainName, _ what: String, _ owner: DomainName, _ location: SourceLocation?) {
        guard !HostnameRules.isHostname(name, allowWildcard: false) else { return }
        reportBadTarget(name, "\(what) is not a valid host name (letters, digits, hyphens)", owner, location)
    }

    private mutating func reportBadTarget(_ name: DomainName, _ what: String, _ owner: DomainName, _ location: SourceLocation?) {
        sink.report(.targetNotHostname, "\(owner): \(what): \(name)", at: location, owner: owner,
                    bind: "\(bindPrefix(location))warning: \(name.bindText): bad name (check-names)", result: "bad name (check-names)")
    }
}
