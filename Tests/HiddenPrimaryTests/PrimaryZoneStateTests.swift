import DNSCore
import Testing
import ZoneCompiler
@testable import HiddenPrimary

@Suite("Primary zone state: source + overlay, serials, history")
struct PrimaryZoneStateTests {
    static let source = """
    $TTL 300
    @ SOA ns1 hostmaster 100 3600 900 604800 300
    @ NS ns1
    @ NS ns2
    ns1 A 192.0.2.1
    ns2 A 192.0.2.2
    www A 192.0.2.10
    printer A 192.0.2.40

    """

    static func compile(_ text: String) -> CompileResult {
        Compiler.compile(text: text, name: "example.zone", options: CompileOptions(origin: "example."))
    }

    static func state() -> PrimaryZoneState {
        PrimaryZoneState(zone: compile(source).zone, sourceDigest: 1)
    }

    static let processor = UpdateProcessor(policy: .allowAll(keys: ["k."]))

    static func update(_ records: [ResourceRecord]) -> Message {
        var message = Message(header: MessageHeader(id: 1))
        message.header.opcode = .update
        message.zones = [Question(name: "example.", type: .soa)]
        message.updates = records
        return message
    }

    static func a(_ owner: DomainName, _ address: String, rrClass: RRClass = .in, ttl: UInt32 = 300) -> ResourceRecord {
        ResourceRecord(owner: owner, type: .a, rrClass: rrClass, ttl: ttl, rdata: .a(A(IPv4Address(address)!)))
    }

    /// Runs an UPDATE through the processor and commits it.
    static func commit(_ state: inout PrimaryZoneState, _ records: [ResourceRecord], now: UInt64 = 1000) throws -> JournalEntry {
        guard case .changed(let zone, let removed, let added, let soa) = processor.process(update(records), zone: state.zone, signer: "k.") else {
            throw ZoneEditError.soaMismatch(expected: 0, found: 0)
        }
        return try state.commitUpdate(zone: zone, removed: removed, added: added, requested: soa, serialPolicy: .increment, now: now)
    }

    @Test("Each UPDATE publishes under the next serial; the journal entry says what changed")
    func updates() throws {
        var state = Self.state()
        let entry = try Self.commit(&state, [Self.a("laptop.example.", "192.0.2.50")])
        #expect(state.serial == 101)
        #expect(entry.kind == .update)
        #expect(entry.changeset.serialFrom == 100 && entry.changeset.serialTo == 101)
        #expect(entry.changeset.added == [Self.a("laptop.example.", "192.0.2.50")])
        #expect(state.zone.contains("laptop.example."))
    }

    @Test("The SOA put in while processing (one copy of the tables) gives the same version and entry as putting it in after")
    func soaWhileProcessing() throws {
        for (serialPolicy, requested) in [(SerialPolicy.increment, UInt32?.none), (.unixtime, nil), (.increment, 5000)] {
            var records = [Self.a("laptop.example.", "192.0.2.50")]
            if let requested {
                records.append(ResourceRecord(owner: "example.", ttl: 300, rdata: .soa(SOA(
                    mname: "ns1.example.", rname: "hostmaster.example.", serial: requested, refresh: 1, retry: 2, expire: 3, minimum: 4))))
            }
            let state = Self.state()
            let now: UInt64 = 1_700_000_000
            let plain = Self.processor.process(Self.update(records), zone: state.zone, signer: "k.")
            let early = Self.processor.process(Self.update(records), zone: state.zone, signer: "k.") { current, requested in
                PrimaryZoneState.publishedSOA(current: current, requested: requested, serialPolicy: serialPolicy, now: now)
            }
            guard case .changed(let zone1, let removed1, let added1, let soa1) = plain,
                  case .changed(let zone2, let removed2, let added2, let soa2) = early else {
                Issue.record("not changed")
                continue
            }
            #expect(removed1 == removed2 && added1 == added2 && soa1 == soa2)
            let one = try PrimaryZoneState.version(after: state.zone, updated: zone1, removed: removed1, added: added1, requested: soa1,
                                                   serialPolicy: serialPolicy, now: now)
            let two = try PrimaryZoneState.version(after: state.zone, updated: zone2, removed: removed2, added: added2, requested: soa2,
                                                   serialPolicy: serialPolicy, now: now)
            #expect(one.entry == two.entry)
            #expect(one.zone.records().sorted { "\($0)" < "\($1)" } == two.zone.records().sorted { "\($0)" < "\($1)" })
            #expect(two.zone.soa?.serial == (requested ?? (serialPolicy == .unixtime ? UInt32(now) : 101)))
        }
    }

    @Test("A source edit with a lower serial still publishes under a higher one")
    func lowerSerial() {
        var state = Self.state()
        let edited = Self.source.replacingOccurrences(of: "hostmaster 100", with: "hostmaster 7") + "nas A 192.0.2.20\n"
        guard case .published(let entry) = state.reload(source: Self.compile(edited), digest: 2, checkPolicy: .dnsplane,
                                                         serialPolicy: .increment, now: 1000) else {
            Issue.record("not published")
            return
        }
        #expect(state.serial == 101)
        #expect(entry.kind == .reload)
        #expect(entry.changeset.added.map(\.owner) == ["nas.example."])
        // A higher source serial is taken as is.
        let higher = edited.replacingOccurrences(of: "hostmaster 7", with: "hostmaster 500")
        _ = state.reload(source: Self.compile(higher), digest: 3, checkPolicy: .dnsplane, serialPolicy: .increment, now: 1000)
        #expect(state.serial == 500)
    }

    @Test("An edit with an error keeps the last good version and reports file:line")
    func brokenEdit() {
        var state = Self.state()
        let broken = Self.source + "bad A 192.0.2.300\n"
        guard case .rejected(let diagnostics) = state.reload(source: Self.compile(broken), digest: 2, checkPolicy: .dnsplane,
                                                              serialPolicy: .increment, now: 1000) else {
            Issue.record("broken source published")
            return
        }
        #expect(diagnostics.first?.location?.line == 9)
        #expect(state.serial == 100)
        #expect(!state.zone.contains("bad.example."))
    }

    @Test("Hand edits and UPDATEs coexist: the overlay survives reloads, deletions stay deleted")
    func overlay() throws {
        var state = Self.state()
        _ = try Self.commit(&state, [Self.a("laptop.example.", "192.0.2.50")])                        // UPDATE adds
        _ = try Self.commit(&state, [Self.a("printer.example.", "192.0.2.40", rrClass: .none, ttl: 0)]) // UPDATE deletes a source record
        _ = try Self.commit(&state, [Self.a("www.example.", "192.0.2.10", ttl: 60)])                 // UPDATE changes a TTL
        // Meanwhile someone edits the file: adds a host, leaves the old serial.
        let edited = Self.source + "nas A 192.0.2.20\n"
        guard case .published = state.reload(source: Self.compile(edited), digest: 2, checkPolicy: .dnsplane,
                                              serialPolicy: .increment, now: 1000) else {
            Issue.record("reload not published")
            return
        }
        #expect(state.zone.contains("nas.example."))
        #expect(state.zone.contains("laptop.example."))
        #expect(!state.zone.contains("printer.example."))
        #expect(state.zone.rrset("www.example.", .a)?.ttl == 60)
        #expect(state.serial == 104)
        // A reload of the same source changes nothing.
        guard case .unchanged = state.reload(source: Self.compile(edited), digest: 2, checkPolicy: .dnsplane,
                                             serialPolicy: .increment, now: 1000) else {
            Issue.record("a no-op reload published")
            return
        }
    }

    @Test("An overlay that no longer fits the new source is refused, and says why")
    func overlayConflict() throws {
        var state = Self.state()
        _ = try Self.commit(&state, [ResourceRecord(owner: "docs.example.", ttl: 300, rdata: .cname(CNAME(target: "www.example.")))])
        let conflicting = Self.source + "docs TXT \"handbook\"\n"
        guard case .rejected(let diagnostics) = state.reload(source: Self.compile(conflicting), digest: 2, checkPolicy: .dnsplane,
                                                              serialPolicy: .increment, now: 1000) else {
            Issue.record("a CNAME beside data was published")
            return
        }
        #expect(diagnostics.contains { $0.check == .cnameAndOtherData })
    }

    @Test("Replaying the journal from a snapshot rebuilds the same state")
    func replay() throws {
        var state = Self.state()
        let snapshot = state.snapshot()
        var entries: [JournalEntry] = []
        entries.append(try Self.commit(&state, [Self.a("a.example.", "192.0.2.51")]))
        entries.append(try Self.commit(&state, [Self.a("printer.example.", "192.0.2.40", rrClass: .none, ttl: 0)]))
        if case .published(let entry) = state.reload(source: Self.compile(Self.source + "nas A 192.0.2.20\n"), digest: 2,
                                                      checkPolicy: .dnsplane, serialPolicy: .increment, now: 1000) {
            entries.append(entry)
        }
        var recovered = PrimaryZoneState(snapshot: snapshot)
        for entry in entries { try recovered.replay(entry) }
        #expect(recovered.zone == state.zone)
        #expect(recovered.overlayAdded == state.overlayAdded)
        #expect(recovered.overlayDeleted == state.overlayDeleted)
        // IXFR history: from any recorded serial to now.
        #expect(recovered.changes(since: 100)?.count == 3)
        #expect(recovered.changes(since: 102)?.count == 1)
        #expect(recovered.changes(since: 103)?.isEmpty == true)
        #expect(recovered.changes(since: 42) == nil)
    }
}
