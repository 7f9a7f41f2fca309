extension ZoneChecker {
    static let reverseTrees: [DomainName] = ["in-addr.arpa.", "ip6.arpa.", "ip6.int."]

    /// Types whose owner must be a host name (BIND's checkowner for each).
    static func ownerMustBeHostname(_ type: RRType) -> Bool {
        switch type {
        case .a, .aaaa, .a6, .wks, .mx: return true
        default: return false
        }
    }

    /// BIND's check-names: the owners of address and mail records and the names
    /// records point at must be host names (RFC 952, RFC 1123 §2.1); mailbox names
    /// may have any first label; an NSEC3 owner starts with a base32hex hash.
    mutating func checkNames(_ owner: DomainName, _ rrset: RRSet) {
        if Self.ownerMustBeHostname(rrset.type) && !HostnameRules.isHostname(owner, allowWildcard: true) {
            // Once per record, as BIND checks each record it reads.
            for index in rrset.rdatas.indices {
                let location = rrset.location(at: index)
                if skipsCheckNames(location) { continue }
                sink.report(.ownerNotHostname, "\(owner) owns \(rrset.type) records but is not a valid host name (letters, digits, hyphens)",
                            at: location, owner: owner,
                            bind: "\(bindPrefix(location))\(owner.bindText): bad owner name (check-names)",
                            result: "bad owner name (check-names)")
            }
        }
        switch rrset.type {
        case .a, .aaaa, .a6, .wks:
            return
        case .nsec3:
            if !owner.isRoot && Base32Hex.decode(owner.firstLabel) == nil {
                for index in rrset.rdatas.indices {
                    let location = rrset.location(at: index)
                    sink.report(.nsec3OwnerNotHash, "\(owner) owns NSEC3 records but its first label is not a base32hex hash",
                                at: location, owner: owner,
                                bind: "\(bindPrefix(location))\(owner.bindText): bad owner name (check-names)",
                                result: "bad owner name (check-names)")
                }
            }
            return
        default:
            break
        }
        for (index, rdata) in rrset.rdatas.enumerated() {
            let location = rrset.location(at: index)
            if skipsCheckNames(location) { continue }
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
                checkMailbox(soa.rname, "SOA RNAME", owner, location)
            case .rp(let rp):
                checkMailbox(rp.mailbox, "RP mailbox", owner, location)
            case .minfo(let minfo):
                checkMailbox(minfo.responsibleMailbox, "MINFO RMAILBX", owner, location)
                checkMailbox(minfo.errorMailbox, "MINFO EMAILBX", owner, location)
            case .svcb(let svcb):
                if !svcb.target.isRoot { checkHostname(svcb.target, "SVCB target", owner, location) }
            case .https(let https):
                if !https.target.isRoot { checkHostname(https.target, "HTTPS target", owner, location) }
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

    private mutating func checkMailbox(_ name: DomainName, _ what: String, _ owner: DomainName, _ location: SourceLocation?) {
        guard !HostnameRules.isMailbox(name) else { return }
        reportBadTarget(name, "\(what) is not a valid mailbox name", owner, location)
    }

    private mutating func reportBadTarget(_ name: DomainName, _ what: String, _ owner: DomainName, _ location: SourceLocation?) {
        // Failing, BIND rejects the record as it reads the RDATA; warning, it loads it.
        let bind = sink.policy.severity(of: .targetNotHostname) == .error
            ? "dns_rdata_fromtext: \(bindPrefix(location))near '\(name.bindText)': bad name (check-names)"
            : "\(bindPrefix(location))warning: \(name.bindText): bad name (check-names)"
        sink.report(.targetNotHostname, "\(owner): \(what): \(name)", at: location, owner: owner,
                    bind: bind, result: "bad name (check-names)")
    }

    /// True when check-names fails the record pointing at `target`: BIND never loads
    /// it, so the integrity checks must not look at it either.
    func isRejectedByCheckNames(_ target: DomainName, at location: SourceLocation?) -> Bool {
        checkNamesFails && !HostnameRules.isHostname(target, allowWildcard: false) && !skipsCheckNames(location)
    }

    /// named-checkzone does not apply check-names to records made by `$GENERATE`;
    /// under its profile neither do we. Our own profile checks them like any other.
    func skipsCheckNames(_ location: SourceLocation?) -> Bool {
        sink.policy.profile == .namedCheckzone && (files?.isGenerated(location) ?? false)
    }
}
