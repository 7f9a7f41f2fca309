import Testing
@testable import ZoneCompiler

@Suite("Zone versions: edits, changesets, differences")
struct ZoneEditingTests {
    static let text = """
    $TTL 300
    @ SOA ns1 hostmaster 1 3600 900 604800 300
    @ NS ns1
    @ NS ns2
    ns1 A 192.0.2.1
    ns2 A 192.0.2.2
    www A 192.0.2.10
    www A 192.0.2.11
    mail MX 10 ns1

    """

    static func zone(_ text: String = text) -> Zone {
        Compiler.compile(text: text, options: CompileOptions(origin: "example.")).zone
    }

    static func a(_ owner: DomainName, _ address: String, ttl: UInt32 = 300) -> ResourceRecord {
        ResourceRecord(owner: owner, ttl: ttl, rdata: .a(A(IPv4Address(address)!)))
    }

    @Test("applying removes exactly and adds exactly; the original is untouched")
    func apply() throws {
        let before = Self.zone()
        let after = try before.applying(removing: [Self.a("www.example.", "192.0.2.10")],
                                        adding: [Self.a("new.example.", "192.0.2.20")])
        #expect(after.rrset("www.example.", .a)?.rdatas.count == 1)
        #expect(after.contains("new.example."))
        #expect(after.recordCount == before.recordCount)
        #expect(before.rrset("www.example.", .a)?.rdatas.count == 2)
        #expect(!before.contains("new.example."))
    }

    @Test("A name emptied by edits is gone: lookups, names, checks and equality agree")
    func deadNames() throws {
        let before = Self.zone()
        let after = try before.applying(removing: [Self.a("www.example.", "192.0.2.10"), Self.a("www.example.", "192.0.2.11")],
                                        adding: [])
        #expect(!after.contains("www.example."))
        #expect(after.node("www.example.") == nil)
        #expect(!after.allNames.contains("www.example."))
        #expect(after.nameCount == before.nameCount - 1)
        #expect(ZoneLookup(zone: after).find("www.example.", .a) == .nxDomain)
        let rebuilt = Self.zone(Self.text.replacingOccurrences(of: "www A 192.0.2.10\nwww A 192.0.2.11\n", with: ""))
        #expect(after == rebuilt)
        // And it can come back.
        let revived = try after.applying(removing: [], adding: [Self.a("www.example.", "192.0.2.12")])
        #expect(revived.rrset("www.example.", .a)?.rdatas == [.a(A(IPv4Address("192.0.2.12")!))])
        #expect(revived.nameCount == before.nameCount)
    }

    @Test("Removing what is not there, adding outside the zone or with a second TTL are errors")
    func errors() {
        let zone = Self.zone()
        #expect(throws: ZoneEditError.missingRecord(Self.a("www.example.", "192.0.2.99"))) {
            try zone.applying(removing: [Self.a("www.example.", "192.0.2.99")], adding: [])
        }
        #expect(throws: ZoneEditError.outOfZone(Self.a("www.example.org.", "192.0.2.1"))) {
            try zone.applying(removing: [], adding: [Self.a("www.example.org.", "192.0.2.1")])
        }
        #expect(throws: ZoneEditError.ttlConflict(Self.a("www.example.", "192.0.2.12", ttl: 60))) {
            try zone.applying(removing: [], adding: [Self.a("www.example.", "192.0.2.12", ttl: 60)])
        }
    }

    @Test("A changeset moves the SOA; one that starts from another serial is refused")
    func changeset() throws {
        let zone = Self.zone()
        let soa1 = ResourceRecord(owner: "example.", ttl: 300, rdata: .soa(zone.soa!))
        var next = zone.soa!
        next.serial = 2
        let soa2 = ResourceRecord(owner: "example.", ttl: 300, rdata: .soa(next))
        let change = Changeset(soaFrom: soa1, soaTo: soa2, removed: [], added: [Self.a("x.example.", "192.0.2.30")])
        let after = try zone.applying(change)
        #expect(after.soa?.serial == 2)
        #expect(after.contains("x.example."))
        #expect(throws: ZoneEditError.soaMismatch(expected: 1, found: 2)) { try after.applying(change) }
    }

    @Test("changes(to:) then applying reaches the newer zone, for random pairs (seeded)")
    func differenceRoundTrip() throws {
        var rng = SplitMix64(seed: 20261121)
        for round in 0..<60 {
            let a = Self.zone(Self.randomZone(&rng))
            let b = Self.zone(Self.randomZone(&rng))
            let (removed, added) = a.changes(to: b)
            let soaA = ResourceRecord(owner: "example.", ttl: a.soaTTL!, rdata: .soa(a.soa!))
            let soaB = ResourceRecord(owner: "example.", ttl: b.soaTTL!, rdata: .soa(b.soa!))
            let reached = try a.applying(removing: removed + [soaA], adding: added + [soaB])
            #expect(reached == b, "round \(round)")
        }
    }

    @Test("Many small edits stay correct across compaction")
    func compaction() throws {
        var zone = Self.zone()
        for i in 0..<3000 {
            let record = Self.a(try DomainName("h\(i % 50).example.", origin: nil), "10.0.\(i % 250).1")
            if zone.rrset(record.owner, .a)?.rdatas.contains(record.rdata) == true {
                zone = try zone.applying(removing: [record], adding: [])
            } else {
                zone = try zone.applying(removing: [], adding: [record])
            }
        }
        #expect(zone.deletedEntries <= max(1024, zone.recordCount))
        #expect(zone == zone.compacted())
        #expect(Compiler.check(zone).filter { $0.severity == .error }.isEmpty)
    }

    static func randomZone(_ rng: inout SplitMix64) -> String {
        var text = "$TTL 300\n@ SOA ns1 hostmaster \(Int.random(in: 1...9, using: &rng)) 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n"
        for _ in 0..<Int.random(in: 0...25, using: &rng) {
            let name = ["a", "b", "c", "d", "x.a", "y.b", "*.w"].randomElement(using: &rng)!
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: text += "\(name) \([300, 600].randomElement(using: &rng)!) A 10.0.0.\(Int.random(in: 1...4, using: &rng))\n"
            case 1: text += "\(name) TXT \"t\(Int.random(in: 1...3, using: &rng))\"\n"
            case 2: text += "\(name) MX \(Int.random(in: 1...2, using: &rng)) ns1\n"
            default: text += "\(name) AAAA 2001:db8::\(Int.random(in: 1...3, using: &rng))\n"
            }
        }
        return text
    }
}


@Suite("RRSIGs are one RRset per covered type (RFC 4034 §3)")
struct SignatureRRSetTests {
    static let text = """
    $TTL 300
    @ SOA ns1 hostmaster 1 3600 900 604800 300
    @ NS ns1
    ns1 A 192.0.2.1
    www 60 A 192.0.2.10
    www 60 RRSIG A 8 2 60 20300101000000 20200101000000 12345 example. AAAA
    www 3600 TXT "x"
    www 3600 RRSIG TXT 8 2 3600 20300101000000 20200101000000 12345 example. BBBB

    """

    @Test("Each covered type keeps its own TTL through records(), the writer and a re-read")
    func ttlsPerCoveredType() {
        let zone = Compiler.compile(text: Self.text, options: CompileOptions(origin: "example.")).zone
        let signatures = zone.records().filter { $0.type == .rrsig }
        #expect(Set(signatures.map(\.ttl)) == [60, 3600])
        #expect(zone.node("www.example.")?.rrsets.filter { $0.type == .rrsig }.count == 2)
        let again = Compiler.compile(text: CanonicalZoneWriter.write(zone), options: CompileOptions(origin: "example.")).zone
        #expect(again == zone)
        #expect(again.records().filter { $0.type == .rrsig }.map(\.ttl).sorted() == [60, 3600])
    }

    @Test("changes(to:) moves one covered type's signature without touching the other")
    func changes() throws {
        let zone = Compiler.compile(text: Self.text, options: CompileOptions(origin: "example.")).zone
        let newer = Compiler.compile(text: Self.text.replacingOccurrences(of: "example. BBBB", with: "example. CCCC"),
                                     options: CompileOptions(origin: "example.")).zone
        let (removed, added) = zone.changes(to: newer)
        #expect(removed.count == 1 && added.count == 1)
        #expect(removed.first?.ttl == 3600 && added.first?.ttl == 3600)
        let soa = ResourceRecord(owner: "example.", ttl: 300, rdata: .soa(zone.soa!))
        #expect(try zone.applying(removing: removed + [soa], adding: added + [soa]) == newer)
    }
}
