import DNSCore
import Testing
import ZoneCompiler
@testable import HiddenPrimary

@Suite("UPDATE processing (RFC 2136)")
struct UpdateProcessorTests {
    static let zone = Compiler.compile(text: """
    $TTL 300
    @ SOA ns1 hostmaster 10 3600 900 604800 300
    @ NS ns1
    @ NS ns2
    ns1 A 192.0.2.1
    ns2 A 192.0.2.2
    www A 192.0.2.10
    www A 192.0.2.11
    alias CNAME www
    mail A 192.0.2.20
    @ MX 10 mail
    sub NS ns.sub
    ns.sub A 192.0.2.30

    """, options: CompileOptions(origin: "example.")).zone

    static let key: DomainName = "update.key."
    static let processor = UpdateProcessor(policy: .allowAll(keys: [key]))

    /// Builds an UPDATE for example. from nsupdate-like shorthand.
    static func update(prereqs: [ResourceRecord] = [], updates: [ResourceRecord], zone: DomainName = "example.",
                       zoneType: RRType = .soa) -> Message {
        var message = Message(header: MessageHeader(id: 1))
        message.header.opcode = .update
        message.zones = [Question(name: zone, type: zoneType)]
        message.prerequisites = prereqs
        message.updates = updates
        return message
    }

    static func rr(_ owner: DomainName, _ type: RRType, _ text: String, ttl: UInt32 = 300, rrClass: RRClass = .in) -> ResourceRecord {
        ResourceRecord(owner: owner, type: type, rrClass: rrClass, ttl: ttl, rdata: try! RData(type: type, text: text, origin: "example."))
    }

    static func empty(_ owner: DomainName, _ type: RRType, _ rrClass: RRClass) -> ResourceRecord {
        ResourceRecord(owner: owner, type: type, rrClass: rrClass, ttl: 0, rdata: .unknown(UnknownRData(type: type, data: [])))
    }

    func outcome(_ message: Message, signer: DomainName? = UpdateProcessorTests.key,
                 processor: UpdateProcessor = UpdateProcessorTests.processor) -> UpdateOutcome {
        processor.process(message, zone: Self.zone, signer: signer)
    }

    func rcode(_ outcome: UpdateOutcome) -> RCode {
        switch outcome {
        case .rejected(let rcode, _, _): return rcode
        default: return .noError
        }
    }

    func resulting(_ outcome: UpdateOutcome) -> Zone? {
        if case .changed(let zone, _, _, _) = outcome { return zone }
        return nil
    }

    @Test("§3.1: the zone section must be one SOA entry for a zone we serve")
    func zoneSection() {
        #expect(rcode(outcome(Self.update(updates: [], zoneType: .a))) == .formErr)
        var two = Self.update(updates: [])
        two.zones.append(Question(name: "example.", type: .soa))
        #expect(rcode(outcome(two)) == .formErr)
        #expect(rcode(outcome(Self.update(updates: [], zone: "other."))) == .notAuth)
    }

    @Test("§3.2.1-3.2.5: the five prerequisite kinds, holding and failing")
    func prerequisites() {
        let cases: [(ResourceRecord, RCode)] = [
            (Self.empty("www.example.", .any, .any), .noError),        // name is in use
            (Self.empty("nope.example.", .any, .any), .nxDomain),
            (Self.empty("www.example.", .a, .any), .noError),          // RRset exists
            (Self.empty("www.example.", .txt, .any), .nxRRSet),
            (Self.empty("nope.example.", .any, .none), .noError),      // name not in use
            (Self.empty("www.example.", .any, .none), .yxDomain),
            (Self.empty("www.example.", .txt, .none), .noError),       // RRset does not exist
            (Self.empty("www.example.", .a, .none), .yxRRSet),
        ]
        for (prerequisite, expected) in cases {
            #expect(rcode(outcome(Self.update(prereqs: [prerequisite], updates: []))) == expected, "\(prerequisite)")
        }
        // Value-dependent: the whole RRset, in any order, TTL ignored.
        let both = [Self.rr("www.example.", .a, "192.0.2.11", ttl: 0), Self.rr("www.example.", .a, "192.0.2.10", ttl: 0)]
        #expect(rcode(outcome(Self.update(prereqs: both, updates: []))) == .noError)
        #expect(rcode(outcome(Self.update(prereqs: [both[0]], updates: []))) == .nxRRSet)
        // TTL other than 0, names outside the zone.
        #expect(rcode(outcome(Self.update(prereqs: [Self.rr("www.example.", .a, "192.0.2.10", ttl: 5)], updates: []))) == .formErr)
        #expect(rcode(outcome(Self.update(prereqs: [Self.empty("www.example.org.", .any, .any)], updates: []))) == .notZone)
    }

    @Test("§3.3: no key or a key without the right is REFUSED")
    func permissions() throws {
        let add = Self.update(updates: [Self.rr("new.example.", .a, "192.0.2.50")])
        #expect(rcode(outcome(add, signer: nil)) == .refused)
        #expect(rcode(outcome(add, signer: "other.key.")) == .refused)
        let policy = try UpdatePolicy.parse("""
        grant *.hosts.example. self . A AAAA;   # each host key its own name
        deny dhcp.key. name fixed.dyn.example.;   // first match decides, so before the grant
        grant dhcp.key. subdomain dyn.example. A PTR TXT;
        grant admin.key. zonesub ANY;
        """, zone: "example.")
        let restricted = UpdateProcessor(policy: policy)
        func allowed(_ signer: DomainName, _ record: ResourceRecord) -> Bool {
            rcode(outcome(Self.update(updates: [record]), signer: signer, processor: restricted)) != .refused
        }
        #expect(allowed("laptop.hosts.example.", Self.rr("laptop.hosts.example.", .a, "192.0.2.60")))
        #expect(!allowed("laptop.hosts.example.", Self.rr("phone.hosts.example.", .a, "192.0.2.61")))
        #expect(!allowed("laptop.hosts.example.", Self.rr("laptop.hosts.example.", .txt, "\"x\"")))
        #expect(allowed("dhcp.key.", Self.rr("pc1.dyn.example.", .a, "192.0.2.70")))
        #expect(!allowed("dhcp.key.", Self.rr("fixed.dyn.example.", .a, "192.0.2.71")))
        #expect(!allowed("dhcp.key.", Self.rr("www.example.", .a, "192.0.2.72")))
        #expect(allowed("admin.key.", Self.rr("@", .ns, "ns1.example.")))
        // The other order grants it: the first matching rule wins, as in BIND.
        let grantFirst = try UpdatePolicy.parse("grant dhcp.key. subdomain dyn.example. A;\ndeny dhcp.key. name fixed.dyn.example.;", zone: "example.")
        #expect(grantFirst.allows(signer: "dhcp.key.", owner: "fixed.dyn.example.", type: .a, zone: "example."))
        #expect(throws: PolicyParseError(line: 2, message: "unsupported rule type 'krb5-self': use name, subdomain, wildcard, zonesub, self, selfsub or selfwild")) {
            try UpdatePolicy.parse("grant a. zonesub A;\ngrant b. krb5-self . A;", zone: "example.")
        }
    }

    @Test("§3.4.1: prescan rejects malformed updates")
    func prescan() {
        #expect(rcode(outcome(Self.update(updates: [Self.rr("www.example.org.", .a, "192.0.2.1")]))) == .notZone)
        #expect(rcode(outcome(Self.update(updates: [Self.empty("www.example.", .axfr, .any)]))) == .formErr)
        var withTTL = Self.empty("www.example.", .a, .any)
        withTTL.ttl = 60
        #expect(rcode(outcome(Self.update(updates: [withTTL]))) == .formErr)
        #expect(rcode(outcome(Self.update(updates: [Self.rr("www.example.", .a, "192.0.2.1", rrClass: .ch)]))) == .formErr)
    }

    @Test("§3.4.2: adds, deletes of a record, an RRset and a name; the difference is exact")
    func changes() throws {
        let added = outcome(Self.update(updates: [Self.rr("new.example.", .a, "192.0.2.50"), Self.rr("new.example.", .txt, "\"hi\"")]))
        guard case .changed(let zone, let removed, let addedRecords, nil) = added else { Issue.record("\(added)"); return }
        #expect(removed.isEmpty && addedRecords.count == 2)
        #expect(zone.rrset("new.example.", .txt) != nil)

        let oneRecord = outcome(Self.update(updates: [Self.rr("www.example.", .a, "192.0.2.10", ttl: 0, rrClass: .none)]))
        #expect(resulting(oneRecord)?.rrset("www.example.", .a)?.rdatas.count == 1)

        let rrset = outcome(Self.update(updates: [Self.empty("mail.example.", .a, .any)]))
        // mail lost its address: the MX would point nowhere, so the checks refuse it.
        guard case .rejected(.refused, _, let checks) = rrset else { Issue.record("\(rrset)"); return }
        #expect(checks.contains(.mxTargetNoAddress))

        let name = outcome(Self.update(updates: [Self.empty("alias.example.", .any, .any)]))
        #expect(resulting(name).map { !$0.contains("alias.example.") } == true)

        // Deleting what is not there changes nothing.
        #expect(outcome(Self.update(updates: [Self.empty("nope.example.", .a, .any)])) == .unchanged)
        #expect(outcome(Self.update(updates: [Self.rr("www.example.", .a, "192.0.2.10")])) == .unchanged)
    }

    @Test("Refused where BIND silently ignores: CNAME beside data, data beside a CNAME, the apex NS set")
    func refusedInsteadOfIgnored() {
        #expect(rcode(outcome(Self.update(updates: [Self.rr("www.example.", .cname, "mail.example.")]))) == .refused)
        #expect(rcode(outcome(Self.update(updates: [Self.rr("alias.example.", .txt, "\"x\"")]))) == .refused)
        #expect(rcode(outcome(Self.update(updates: [Self.empty("example.", .ns, .any)]))) == .refused)
        let lastButOne = outcome(Self.update(updates: [Self.rr("example.", .ns, "ns2.example.", ttl: 0, rrClass: .none)]))
        #expect(resulting(lastButOne)?.rrset("example.", .ns)?.rdatas.count == 1)
        let both = Self.update(updates: [Self.rr("example.", .ns, "ns2.example.", ttl: 0, rrClass: .none),
                                         Self.rr("example.", .ns, "ns1.example.", ttl: 0, rrClass: .none)])
        #expect(rcode(outcome(both)) == .refused)
        // Deleting everything at the apex keeps SOA and NS.
        let apex = outcome(Self.update(updates: [Self.empty("example.", .any, .any)]))
        #expect(resulting(apex)?.rrset("example.", .ns)?.rdatas.count == 2)
        #expect(resulting(apex)?.rrset("example.", .mx) == nil)
    }

    @Test("A CNAME replaces a CNAME; a new TTL applies to the whole RRset; SOA only with a newer serial")
    func replacements() {
        let cname = outcome(Self.update(updates: [Self.rr("alias.example.", .cname, "mail.example.")]))
        #expect(resulting(cname)?.rrset("alias.example.", .cname)?.rdatas == [.cname(CNAME(target: "mail.example."))])

        let ttl = outcome(Self.update(updates: [Self.rr("www.example.", .a, "192.0.2.12", ttl: 60)]))
        #expect(resulting(ttl)?.rrset("www.example.", .a)?.ttl == 60)
        #expect(resulting(ttl)?.rrset("www.example.", .a)?.rdatas.count == 3)

        let newer = outcome(Self.update(updates: [Self.rr("example.", .soa, "ns1 hostmaster 20 3600 900 604800 300")]))
        guard case .changed(let zone, _, _, let soa) = newer else { Issue.record("\(newer)"); return }
        #expect(soa?.serial == 20 && zone.soa?.serial == 20)
        #expect(outcome(Self.update(updates: [Self.rr("example.", .soa, "ns1 hostmaster 5 3600 900 604800 300")])) == .unchanged)
    }

    @Test("The result must pass the checks: glue, CNAME targets, delegations")
    func checks() {
        let glue = outcome(Self.update(updates: [Self.rr("ns.sub.example.", .a, "192.0.2.30", ttl: 0, rrClass: .none)]))
        guard case .rejected(.refused, let reason, let checks) = glue else { Issue.record("\(glue)"); return }
        #expect(checks.contains(.glueMissing))
        #expect(reason.contains("glue-missing"))
        let mx = outcome(Self.update(updates: [Self.rr("example.", .mx, "20 nothere.example.")]))
        #expect(rcode(mx) == .refused)
        let addressLike = outcome(Self.update(updates: [Self.rr("sub2.example.", .ns, "ns1.example.")]))
        #expect(rcode(addressLike) == .noError)
        // What points at a changed name is checked when the change can break it: the MX
        // target loses its address, becomes a CNAME, or goes.
        let lostAddress = outcome(Self.update(updates: [Self.rr("mail.example.", .a, "192.0.2.20", ttl: 0, rrClass: .none)]))
        guard case .rejected(.refused, _, let lostChecks) = lostAddress else { Issue.record("\(lostAddress)"); return }
        #expect(lostChecks.contains(.mxTargetNoAddress))
        let becameAlias = outcome(Self.update(updates: [Self.empty("mail.example.", .a, .any), Self.rr("mail.example.", .cname, "www.example.")]))
        guard case .rejected(.refused, _, let aliasChecks) = becameAlias else { Issue.record("\(becameAlias)"); return }
        #expect(aliasChecks.contains(.mxTargetIsCNAME))
        let gone = outcome(Self.update(updates: [Self.empty("mail.example.", .any, .any)]))
        #expect(rcode(gone) == .refused)
        let moreAddresses = outcome(Self.update(updates: [Self.rr("mail.example.", .aaaa, "2001:db8::20")]))
        #expect(rcode(moreAddresses) == .noError)
    }
}
