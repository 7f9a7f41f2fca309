import DNSCore
import ZoneCompiler

/// What an UPDATE comes to (RFC 2136 §3).
public enum UpdateOutcome: Sendable, Equatable {
    /// Answer with this RCODE; nothing changes. `reason` goes to the log and, as an
    /// RFC 8914 extra-text, to the client; `checks` names the checks that failed.
    case rejected(RCode, reason: String, checks: [CheckID])
    /// The prerequisites held and the update changes nothing: NOERROR, no new version.
    case unchanged
    /// The zone after the update and the exact difference. `soa` is set when the update
    /// itself replaced the SOA (its serial is then a floor for the next version).
    case changed(zone: Zone, removed: [ResourceRecord], added: [ResourceRecord], soa: SOA?)
}

/// Turns one UPDATE message into an outcome against one version of a zone: zone
/// section, prerequisites (§3.2), permissions (§3.3), prescan (§3.4.1), the update
/// itself (§3.4.2), and then the zone checks, which the result must pass.
///
/// Where RFC 2136 has the server silently ignore a request that would break the zone —
/// a CNAME added beside other data, other data added beside a CNAME, the last apex NS
/// deleted — we refuse it with a reason instead (DESIGN §7).
public struct UpdateProcessor: Sendable {
    public var policy: UpdatePolicy
    public var checkPolicy: CheckPolicy

    public init(policy: UpdatePolicy, checkPolicy: CheckPolicy = .dnsplane) {
        self.policy = policy
        self.checkPolicy = checkPolicy
    }

    /// RRset types that may sit beside a CNAME (RFC 2181 §10.1, RFC 4035 §2.5).
    static let allowedBesideCNAME: Set<RRType> = [.cname, .rrsig, .nsec, .key, .sig]

    struct Rejection: Error {
        var rcode: RCode
        var reason: String
    }

    /// `publishing`, when given, is the SOA the new version gets, from the current one
    /// and the one the UPDATE set (if any); it is put in while the records are edited,
    /// which saves the caller another copy of the zone's tables to change the serial.
    public func process(_ message: Message, zone: Zone, signer: DomainName?,
                        publishing: ((_ current: SOA, _ requested: SOA?) -> SOA)? = nil) -> UpdateOutcome {
        do {
            try checkZoneSection(message, zone: zone)
            try checkPrerequisites(message.prerequisites, zone: zone)
            try checkPermissions(message.updates, zone: zone, signer: signer)
            try prescan(message.updates, zone: zone)
            return try apply(message.updates, to: zone, publishing: publishing)
        } catch let rejection as Rejection {
            return .rejected(rejection.rcode, reason: rejection.reason, checks: [])
        } catch {
            return .rejected(.servFail, reason: "\(error)", checks: [])
        }
    }

    // MARK: §3.1 zone section

    private func checkZoneSection(_ message: Message, zone: Zone) throws {
        guard message.zones.count == 1, let section = message.zone else {
            throw Rejection(rcode: .formErr, reason: "the zone section must hold exactly one entry")
        }
        guard section.type == .soa else {
            throw Rejection(rcode: .formErr, reason: "the zone section's type must be SOA")
        }
        guard section.name == zone.origin, section.rrClass == zone.rrClass else {
            throw Rejection(rcode: .notAuth, reason: "not authoritative for \(section.name) \(section.rrClass)")
        }
    }

    // MARK: §3.2 prerequisites

    private func checkPrerequisites(_ prerequisites: [ResourceRecord], zone: Zone) throws {
        var required: [PrerequisiteKey: Set<RData>] = [:]
        for record in prerequisites {
            guard record.ttl == 0 else {
                throw Rejection(rcode: .formErr, reason: "prerequisite \(record.owner) \(record.type) has a TTL other than 0")
            }
            guard record.owner.isSubdomain(of: zone.origin) else {
                throw Rejection(rcode: .notZone, reason: "prerequisite name \(record.owner) is outside the zone \(zone.origin)")
            }
            switch record.rrClass {
            case .any:
                guard Self.isEmpty(record.rdata) else {
                    throw Rejection(rcode: .formErr, reason: "prerequisite \(record.owner) \(record.type) of class ANY has RDATA")
                }
                if record.type == .any {
                    guard zone.contains(record.owner) else {
                        throw Rejection(rcode: .nxDomain, reason: "prerequisite failed: \(record.owner) does not exist")
                    }
                } else {
                    guard zone.rrset(record.owner, record.type) != nil else {
                        throw Rejection(rcode: .nxRRSet, reason: "prerequisite failed: no \(record.type) records at \(record.owner)")
                    }
                }
            case .none:
                guard Self.isEmpty(record.rdata) else {
                    throw Rejection(rcode: .formErr, reason: "prerequisite \(record.owner) \(record.type) of class NONE has RDATA")
                }
                if record.type == .any {
                    guard !zone.contains(record.owner) else {
                        throw Rejection(rcode: .yxDomain, reason: "prerequisite failed: \(record.owner) exists")
                    }
                } else {
                    guard zone.rrset(record.owner, record.type) == nil else {
                        throw Rejection(rcode: .yxRRSet, reason: "prerequisite failed: \(record.type) records exist at \(record.owner)")
                    }
                }
            case zone.rrClass:
                guard !record.type.isMetaType else {
                    throw Rejection(rcode: .formErr, reason: "prerequisite of meta type \(record.type)")
                }
                required[PrerequisiteKey(owner: record.owner, type: record.type), default: []].insert(record.rdata)
            default:
                throw Rejection(rcode: .formErr, reason: "prerequisite \(record.owner) has class \(record.rrClass)")
            }
        }
        // Value-dependent prerequisites compare whole RRsets, TTLs aside (§3.2.3).
        for (key, rdatas) in required {
            let present = Set(zone.rrset(key.owner, key.type)?.rdatas ?? [])
            guard present == rdatas else {
                throw Rejection(rcode: .nxRRSet, reason: "prerequisite failed: the \(key.type) RRset at \(key.owner) is not the one given")
            }
        }
    }

    struct PrerequisiteKey: Hashable {
        var owner: DomainName
        var type: RRType
    }

    static func isEmpty(_ rdata: RData) -> Bool {
        if case .unknown(let unknown) = rdata { return unknown.data.isEmpty }
        return false
    }

    // MARK: §3.3 permissions

    private func checkPermissions(_ updates: [ResourceRecord], zone: Zone, signer: DomainName?) throws {
        for record in updates {
            guard record.owner.isSubdomain(of: zone.origin) else { continue }  // prescan answers NOTZONE
            // Deleting every RRset at a name needs the right to delete each of them.
            let types: [RRType]
            if record.rrClass == .any && record.type == .any {
                types = (zone.node(record.owner)?.rrsets.map(\.type) ?? [])
                    .filter { !(record.owner == zone.origin && ($0 == .soa || $0 == .ns)) }
            } else {
                types = [record.type]
            }
            for type in types where !policy.allows(signer: signer, owner: record.owner, type: type, zone: zone.origin) {
                let who = signer.map { "key \($0)" } ?? "an unsigned request"
                throw Rejection(rcode: .refused, reason: "\(who) may not change \(type) records at \(record.owner)")
            }
        }
    }

    // MARK: §3.4.1 prescan

    private func prescan(_ updates: [ResourceRecord], zone: Zone) throws {
        let questionOnly: Set<RRType> = [.axfr, .ixfr, .maila, .mailb]
        for record in updates {
            guard record.owner.isSubdomain(of: zone.origin) else {
                throw Rejection(rcode: .notZone, reason: "update name \(record.owner) is outside the zone \(zone.origin)")
            }
            switch record.rrClass {
            case zone.rrClass:
                guard !record.type.isMetaType else {
                    throw Rejection(rcode: .formErr, reason: "cannot add a record of meta type \(record.type)")
                }
            case .any:
                guard record.ttl == 0, Self.isEmpty(record.rdata), !questionOnly.contains(record.type) else {
                    throw Rejection(rcode: .formErr, reason: "malformed delete of \(record.owner) \(record.type)")
                }
            case .none:
                guard record.ttl == 0, !record.type.isMetaType else {
                    throw Rejection(rcode: .formErr, reason: "malformed delete of one \(record.type) record at \(record.owner)")
                }
            default:
                throw Rejection(rcode: .formErr, reason: "update record \(record.owner) has class \(record.rrClass)")
            }
        }
    }

    // MARK: §3.4.2 the update

    private func apply(_ updates: [ResourceRecord], to zone: Zone,
                       publishing: ((_ current: SOA, _ requested: SOA?) -> SOA)?) throws -> UpdateOutcome {
        var builder = ZoneBuilder(editing: zone)
        var touched = Set<DomainName>()
        var newSOA: SOA?
        let apex = zone.origin

        for record in updates {
            let owner = record.owner
            switch record.rrClass {
            case zone.rrClass:
                if record.type == .soa {
                    // Only the apex SOA, and only a newer serial (§3.4.2.2).
                    guard owner == apex, case .soa(let soa) = record.rdata, let current = builder.zone.soa,
                          SerialNumber(soa.serial).compare(to: SerialNumber(current.serial)) == .greater else { continue }
                    _ = builder.remove(ResourceRecord(owner: apex, ttl: 0, rdata: .soa(current)))
                    add(ResourceRecord(owner: apex, type: .soa, rrClass: zone.rrClass, ttl: record.ttl, rdata: record.rdata), to: &builder)
                    newSOA = soa
                    touched.insert(apex)
                    continue
                }
                let node = builder.zone.node(owner)
                if record.type == .cname {
                    if let other = node?.rrsets.first(where: { !Self.allowedBesideCNAME.contains($0.type) }) {
                        throw Rejection(rcode: .refused, reason: "cannot add a CNAME at \(owner): it has \(other.type) records (RFC 2181 §10.1)")
                    }
                    // A new CNAME replaces the old one (§3.4.2.2).
                    for old in node?.rrset(.cname)?.rdatas ?? [] {
                        _ = builder.remove(ResourceRecord(owner: owner, ttl: 0, rdata: old))
                    }
                } else if !Self.allowedBesideCNAME.contains(record.type), node?.has(.cname) == true {
                    throw Rejection(rcode: .refused, reason: "cannot add \(record.type) at \(owner): it is a CNAME (RFC 2181 §10.1)")
                }
                // A new TTL applies to the whole RRset, as in BIND; a duplicate replaces.
                if let existing = node?.rrset(RRSetKey(type: record.type, rdata: record.rdata)),
                   existing.ttl != record.ttl || existing.rdatas.contains(record.rdata) {
                    for old in existing.rdatas {
                        _ = builder.remove(ResourceRecord(owner: owner, type: record.type, ttl: existing.ttl, rdata: old))
                    }
                    for old in existing.rdatas where old != record.rdata {
                        add(ResourceRecord(owner: owner, type: record.type, rrClass: zone.rrClass, ttl: record.ttl, rdata: old), to: &builder)
                    }
                }
                add(record, to: &builder)
                touched.insert(owner)

            case .any where record.type == .any:
                for rrset in builder.zone.node(owner)?.rrsets ?? [] {
                    if owner == apex && (rrset.type == .soa || rrset.type == .ns) { continue }
                    removeRRSet(rrset, at: owner, from: &builder)
                    touched.insert(owner)
                }

            case .any:
                guard let rrset = builder.zone.rrset(owner, record.type) else { continue }
                if owner == apex && record.type == .soa { continue }
                if owner == apex && record.type == .ns {
                    throw Rejection(rcode: .refused, reason: "cannot delete the apex NS RRset of \(apex): the zone needs name servers")
                }
                removeRRSet(rrset, at: owner, from: &builder)
                touched.insert(owner)

            default:  // class NONE: delete one record
                if owner == apex && record.type == .soa { continue }
                guard let rrset = builder.zone.rrset(owner, record.type), rrset.rdatas.contains(record.rdata) else { continue }
                if owner == apex && record.type == .ns && rrset.rdatas.count == 1 {
                    throw Rejection(rcode: .refused, reason: "cannot delete the last apex NS record of \(apex)")
                }
                _ = builder.remove(ResourceRecord(owner: owner, type: record.type, ttl: rrset.ttl, rdata: record.rdata))
                touched.insert(owner)
            }
        }

        var removed: [ResourceRecord] = []
        var added: [ResourceRecord] = []
        for name in touched {
            Self.difference(at: name, from: zone, to: builder.zone, removed: &removed, added: &added)
        }
        guard !removed.isEmpty || !added.isEmpty || newSOA != nil else { return .unchanged }
        if let publishing, let current = zone.soa, let present = builder.zone.soa {
            let next = publishing(current, newSOA)
            if next != present {
                let ttl = builder.zone.soaTTL ?? 0
                _ = builder.remove(ResourceRecord(owner: apex, ttl: ttl, rdata: .soa(present)))
                add(ResourceRecord(owner: apex, type: .soa, rrClass: zone.rrClass, ttl: ttl, rdata: .soa(next)), to: &builder)
            }
        }
        let updated = builder.zone

        // Names that others point at can only be broken by losing addresses, gaining
        // a CNAME or DNAME, or going away.
        var atRisk = Set<DomainName>()
        for record in removed where record.type == .a || record.type == .aaaa { atRisk.insert(record.owner) }
        for record in added where record.type == .cname || record.type == .dname { atRisk.insert(record.owner) }
        for name in touched where updated.node(name) == nil { atRisk.insert(name) }
        let findings = ZoneChecker.check(updated, policy: checkPolicy, changedNames: touched, referencesAtRisk: atRisk)
        let errors = findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            let reason = errors.prefix(3).map { "[\($0.check)] \($0.message)" }.joined(separator: "; ")
            return .rejected(.refused, reason: "the zone would fail its checks: \(reason)", checks: errors.map(\.check))
        }
        return .changed(zone: updated, removed: removed, added: added, soa: newSOA)
    }

    private func add(_ record: ResourceRecord, to builder: inout ZoneBuilder) {
        var sink = DiagnosticSink(policy: .dnsplane)
        builder.add(owner: record.owner, type: record.type, ttl: record.ttl, rdata: record.rdata, location: nil, diagnostics: &sink)
    }

    private func removeRRSet(_ rrset: RRSet, at owner: DomainName, from builder: inout ZoneBuilder) {
        for rdata in rrset.rdatas {
            _ = builder.remove(ResourceRecord(owner: owner, type: rrset.type, ttl: rrset.ttl, rdata: rdata))
        }
    }

    /// The records at `name` that differ between the two versions, apex SOA excluded.
    static func difference(at name: DomainName, from old: Zone, to new: Zone,
                           removed: inout [ResourceRecord], added: inout [ResourceRecord]) {
        let before = old.node(name) ?? ZoneNode()
        let after = new.node(name) ?? ZoneNode()
        let isApex = name == old.origin
        for rrset in before.rrsets where !(isApex && rrset.type == .soa) {
            let kept = after.rrset(rrset.key)
            let keptSet = kept.map { Set($0.rdatas) } ?? []
            for rdata in rrset.rdatas where kept?.ttl != rrset.ttl || !keptSet.contains(rdata) {
                removed.append(ResourceRecord(owner: name, type: rrset.type, rrClass: old.rrClass, ttl: rrset.ttl, rdata: rdata))
            }
        }
        for rrset in after.rrsets where !(isApex && rrset.type == .soa) {
            let had = before.rrset(rrset.key)
            let hadSet = had.map { Set($0.rdatas) } ?? []
            for rdata in rrset.rdatas where had?.ttl != rrset.ttl || !hadSet.contains(rdata) {
                added.append(ResourceRecord(owner: name, type: rrset.type, rrClass: new.rrClass, ttl: rrset.ttl, rdata: rdata))
            }
        }
    }
}
