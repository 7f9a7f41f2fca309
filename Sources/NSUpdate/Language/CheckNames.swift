import DNSCore
import ZoneCompiler

/// BIND's check-names as nsupdate applies it to each record it adds
/// (`dns_rdata_checkowner` and `dns_rdata_checknames`): per type, which owners must be
/// host names or mailboxes, and which names inside the RDATA must be host names.
/// Deletions and prerequisites are not checked, as in BIND.
enum CheckNames {
    static let reverseTrees: [DomainName] = ["in-addr.arpa.", "ip6.arpa.", "ip6.int."]

    /// False when the owner is not acceptable for `type` in `rrClass`.
    static func ownerIsValid(_ owner: DomainName, type: RRType, rrClass: RRClass) -> Bool {
        switch type {
        case .a:
            // HS's A (hs_4_1) takes any owner; IN's and CH's must be host names.
            return rrClass == .hs || HostnameRules.isHostname(owner, allowWildcard: true)
        case .aaaa, .a6, .wks:
            return rrClass != .in || HostnameRules.isHostname(owner, allowWildcard: true)
        case .mx:
            return HostnameRules.isHostname(owner, allowWildcard: true)
        case .mb, .mg:
            return HostnameRules.isMailbox(owner)
        default:
            return true
        }
    }

    /// The first name in the RDATA that check-names rejects, if any.
    static func badName(in rdata: RData, owner: DomainName) -> DomainName? {
        func host(_ name: DomainName) -> DomainName? {
            HostnameRules.isHostname(name, allowWildcard: false) ? nil : name
        }
        func mailbox(_ name: DomainName) -> DomainName? {
            HostnameRules.isMailbox(name) ? nil : name
        }
        switch rdata {
        case .ns(let ns): return host(ns.target)
        case .mx(let mx): return host(mx.exchange)
        case .soa(let soa): return host(soa.mname) ?? mailbox(soa.rname)
        case .srv(let srv): return host(srv.target)
        case .afsdb(let afsdb): return host(afsdb.exchange)
        case .rt(let rt): return host(rt.exchange)
        case .rp(let rp): return mailbox(rp.mailbox)
        case .minfo(let minfo): return mailbox(minfo.responsibleMailbox) ?? mailbox(minfo.errorMailbox)
        case .ptr(let ptr):
            guard reverseTrees.contains(where: { owner.isSubdomain(of: $0) }) else { return nil }
            return host(ptr.target)
        default:
            return nil
        }
    }
}
