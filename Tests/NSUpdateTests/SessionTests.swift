import DNSCore
import Testing
@testable import NSUpdate

/// The input language without sockets: what each command puts in the UPDATE message
/// (RFC 2136 §2.4, §2.5), BIND's reading of TTLs, classes and types, and its errors.
@Suite("nsupdate session")
struct SessionTests {
    /// Resolves nothing but literals, so `server` works without DNS.
    struct LiteralResolver: AddressResolving {
        func addresses(of host: String, port: UInt16, families: AddressFamilies, limit: Int) -> Result<[SocketAddress], ResolveError> {
            SocketAddress(literal: host, port: port).map { .success([$0]) } ?? .failure(ResolveError("not found"))
        }
    }

    static func session() -> UpdateSession {
        UpdateSession(configuration: UpdateSession.Configuration(port: 53), defaultServers: [SocketAddress(literal: "127.0.0.1", port: 53)!],
                      resolver: LiteralResolver())
    }

    /// Runs lines, failing on any syntax error; returns the session.
    static func run(_ lines: [String], into session: inout UpdateSession) {
        for (index, line) in lines.enumerated() {
            let result = session.execute(line: Array(line.utf8), number: index + 1)
            if case .syntaxError(let error) = result { Issue.record("line \(index + 1) '\(line)': \(error)") }
        }
    }

    static func records(_ lines: [String]) -> (prerequisites: [String], updates: [String]) {
        var session = session()
        run(lines, into: &session)
        func text(_ record: ResourceRecord) -> String {
            let rdata = record.rdata.wireBytes.isEmpty && (record.rrClass == .any || record.rrClass == .none) ? "" : " \(record.rdata)"
            return "\(record.owner) \(record.ttl) \(record.rrClass) \(record.type)\(rdata)"
        }
        return (session.prerequisites.map(text), session.updates.map(text))
    }

    static func error(_ line: String, after setup: [String] = []) -> CommandError? {
        var session = session()
        run(setup, into: &session)
        if case .syntaxError(let error) = session.execute(line: Array(line.utf8), number: setup.count + 1) { return error }
        return nil
    }

    @Test("RFC 2136 §2.4: the four prerequisites and the value-dependent form")
    func prerequisites() {
        let (prerequisites, _) = Self.records([
            "prereq nxdomain a.test", "prereq yxdomain b.test", "prereq nxrrset c.test A",
            "prereq yxrrset d.test MX", "prereq yxrrset e.test IN AAAA 2001:db8::1", "yxrrset f.test TXT \"x\"",
        ])
        #expect(prerequisites == [
            "a.test. 0 NONE ANY", "b.test. 0 ANY ANY", "c.test. 0 NONE A", "d.test. 0 ANY MX",
            "e.test. 0 IN AAAA 2001:db8::1", "f.test. 0 IN TXT \"x\"",
        ])
    }

    @Test("RFC 2136 §2.5: add, and delete of an RR, an RRset and a name")
    func updates() {
        let (_, updates) = Self.records([
            "update add a.test 300 A 192.0.2.1", "update delete b.test A 192.0.2.2", "update delete c.test 300 IN MX",
            "update delete d.test", "delete e.test ANY", "del f.test 300", "add g.test 60 TXT \"t\"",
        ])
        #expect(updates == [
            "a.test. 300 IN A 192.0.2.1", "b.test. 0 NONE A 192.0.2.2", "c.test. 0 ANY MX", "d.test. 0 ANY ANY",
            "e.test. 0 ANY ANY", "f.test. 0 ANY ANY", "g.test. 60 IN TXT \"t\"",
        ])
    }

    @Test("names are absolute: the origin is the root, in owners and in RDATA")
    func absoluteNames() {
        let (_, updates) = Self.records(["update add www 60 CNAME host", "update add @ 60 MX 10 @", "update add a.test 60 NS ns.test."])
        #expect(updates == ["www. 60 IN CNAME host.", ". 60 IN MX 10 .", "a.test. 60 IN NS ns.test."])
    }

    @Test("ttl: a default for adds without one; a word that is not a number is the class or type")
    func defaultTTL() {
        let (_, updates) = Self.records(["ttl 900", "update add a.test A 192.0.2.1", "update add b.test IN A 192.0.2.2", "ttl none",
                                          "update add c.test 5 A 192.0.2.3"])
        #expect(updates == ["a.test. 900 IN A 192.0.2.1", "b.test. 900 IN A 192.0.2.2", "c.test. 5 IN A 192.0.2.3"])
        #expect(Self.error("update add a.test 1h A 192.0.2.1")?.message == "ttl '1h': not a valid number")
        #expect(Self.error("update add a.test 1h A 192.0.2.1", after: ["ttl 60"])?.message
                == "'1h' is not a valid class or type: unknown class/type")
        #expect(Self.error("update add a.test 2147483648 A 192.0.2.1")?.message == "ttl '2147483648' is out of range (0 to 2147483647)")
        #expect(Self.error("update add a.test 4294967296 A 192.0.2.1")?.message == "ttl '4294967296': out of range")
        #expect(Self.error("ttl -1")?.message == "ttl '-1': not a valid number")
    }

    @Test("the lexer: no comments, no parentheses, quotes and escapes")
    func lexer() {
        let (_, updates) = Self.records(["update add t.test 60 TXT a ; b (c) \"d e\" f\\ g \"h\\\"i\" \\040"])
        #expect(updates == ["t.test. 60 IN TXT \"a\" \";\" \"b\" \"(c)\" \"d e\" \"f g\" \"h\\\"i\" \"(\""])
        #expect(Self.error("update add t.test 60 TXT \"open")?.message == "invalid rdata format: unexpected end of input")
    }

    @Test("the zone class: fixed by the first record or show, freed by NONE, checked")
    func zoneClass() {
        var session = Self.session()
        Self.run(["class CH", "update add a.test 60 TXT \"chaos\""], into: &session)
        #expect(session.updates.first?.rrClass == .ch)
        #expect(Self.error("update add b.test 60 IN TXT x", after: ["class CH", "update add a.test 60 TXT y"])?.message
                == "class mismatch: IN")
        // show fixes the zone class, so a later `class` no longer applies to the zone.
        var shown = Self.session()
        Self.run(["zone test", "show", "class CH", "update add a.test 60 TXT x"], into: &shown)
        #expect(shown.updates.first?.rrClass == .in)
        #expect(Self.error("class ANY")?.message == "bad default class: ANY")
        #expect(Self.error("class CS")?.message == "could not parse class name: CS")
        // Types BIND knows only in class IN need the generic form elsewhere.
        #expect(Self.error("update add a.test 60 CH AAAA ::1")?.message == "invalid rdata format: unknown class/type")
    }

    @Test("check-names: owners of address records and MX, NS, SRV targets must be host names")
    func checkNames() {
        #expect(Self.error("update add a_b.test 60 A 192.0.2.1")?.message == "check-names failed: bad owner 'a_b.test'")
        #expect(Self.error("update add a.test 60 MX 10 m_x.test")?.message == "check-names failed: bad name 'm_x.test'")
        #expect(Self.error("update add a.test 60 SOA ns.test. h_m.test. 1 2 3 4 5") == nil)
        #expect(Self.error("update add 1.2.0.192.in-addr.arpa 60 PTR a_b.test")?.message == "check-names failed: bad name 'a_b.test'")
        #expect(Self.error("update add 1.2.0.192.elsewhere 60 PTR a_b.test") == nil)
        #expect(Self.error("update add a_b.test 60 A 192.0.2.1", after: ["check-names off"]) == nil)
        #expect(Self.error("update delete a_b.test A 192.0.2.1") == nil)
        #expect(Self.error("update add *.test 60 A 192.0.2.1") == nil)
    }

    @Test("errors say what BIND says, and point at the word")
    func errors() {
        #expect(Self.error("frob") == CommandError("incorrect section name: frob", column: 1))
        #expect(Self.error("update frob x.test") == CommandError("incorrect operation code: frob", column: 8))
        #expect(Self.error("prereq maybe x.test")?.message == "incorrect operation code: maybe")
        #expect(Self.error("update add x.test 60 FROB 1")?.message == "'FROB' is not a valid class or type: unknown class/type")
        #expect(Self.error("update add x.test 60 A")?.message == "could not read rdata")
        #expect(Self.error("update add x.test 60 A 192.0.2.1 extra")?.message.hasPrefix("invalid rdata format") == true)
        #expect(Self.error("update add x..test 60 A 192.0.2.1")?.message == "invalid owner name: empty label")
        #expect(Self.error("update add x.test")?.message == "could not read owner ttl")
        #expect(Self.error("update add x.test 60")?.message == "could not read class or type")
        #expect(Self.error("server 127.0.0.1 0")?.message == "port '0' is out of range (1 to 65535)")
        #expect(Self.error("server 127.0.0.1 53x")?.message == "port '53x' is not numeric")
        #expect(Self.error("server no.such.host")?.message == "couldn't get address for 'no.such.host': not found")
        #expect(Self.error("local nowhere")?.message == "invalid address nowhere")
        #expect(Self.error("key upd")?.message == "could not read key secret")
        #expect(Self.error("key hmac-sha999:upd Zm9v")?.message == "unknown key type 'hmac-sha999'")
        #expect(Self.error("key hmac-sha256-999:upd Zm9v")?.message == "digest-bits out of range [0..256]")
        #expect(Self.error("check-names maybe")?.message == "incorrect check-names directive: maybe")
        #expect(Self.error("update add n.test 60 NSEC3PARAM 1 0 151 -")?.message == "NSEC3PARAM has excessive iterations (> 150)")
    }

    @Test("blank lines send, comments are skipped, quit and send end the batch")
    func statuses() {
        var session = Self.session()
        #expect(session.execute(line: [], number: 1) == .send)
        #expect(session.execute(line: Array(" \t ".utf8), number: 2) == .send)
        #expect(session.execute(line: Array("; comment".utf8), number: 3) == .more)
        #expect(session.execute(line: Array(";x".utf8), number: 4) == .more)
        #expect(session.execute(line: Array("SEND".utf8), number: 5) == .send)
        #expect(session.execute(line: Array("quit".utf8), number: 6) == .quit)
        #expect(session.execute(line: Array("answer".utf8), number: 7) == .more)
    }

    @Test("key, server and local set what the next send uses")
    func settings() {
        var session = Self.session()
        Self.run(["key hmac-sha256:upd.example H7Y+3JClZq9ySgy7QjgD3zv2S6fEv5vU3P99U2hYm5M=", "server 192.0.2.53 5353",
                  "local 127.0.0.1", "local ::1 5300", "zone example.test"], into: &session)
        #expect(session.key?.key.name == "upd.example.")
        #expect(session.key?.key.algorithm == .hmacSHA256)
        #expect(session.servers.map(\.description) == ["192.0.2.53#5353"])
        #expect(!session.usesDefaultServers)
        #expect(session.localIPv4?.description == "127.0.0.1#0")
        #expect(session.localIPv6?.description == "::1#5300")
        #expect(session.userZone == "example.test.")
    }

    /// The text BIND 9.18's nsupdate prints for `show`, byte for byte.
    @Test("show prints the message as BIND does")
    func show() {
        var session = Self.session()
        Self.run(["zone example.test", "prereq nxdomain a.example.test", "prereq yxrrset b.example.test A 192.0.2.1",
                  "update delete c.example.test", "update delete d.example.test A 192.0.2.4",
                  "update add e.example.test 300 TXT \"x y\""], into: &session)
        guard case .print(let text) = session.execute(line: Array("show".utf8), number: 7) else {
            Issue.record("show printed nothing")
            return
        }
        #expect(text == """
            Outgoing update query:
            ;; ->>HEADER<<- opcode: UPDATE, status: NOERROR, id:      0
            ;; flags:; ZONE: 0, PREREQ: 0, UPDATE: 0, ADDITIONAL: 0
            ;; ZONE SECTION:
            ;example.test.\t\t\tIN\tSOA

            ;; PREREQUISITE SECTION:
            a.example.test.\t\t0\tNONE\tANY\t
            b.example.test.\t\t0\tIN\tA\t192.0.2.1

            ;; UPDATE SECTION:
            c.example.test.\t\t0\tANY\tANY\t
            d.example.test.\t\t0\tNONE\tA\t192.0.2.4
            e.example.test.\t\t300\tIN\tTXT\t"x y"


            """)
    }

    @Test("the send plan: direct with zone and server, discovery otherwise, nothing for nothing")
    func sendPlan() {
        var empty = Self.session()
        guard case .nothing = empty.sendPlan() else { Issue.record("an empty message was planned"); return }

        var direct = Self.session()
        Self.run(["server 192.0.2.53", "zone example.test"], into: &direct)
        guard case .direct(let zone, let servers) = direct.sendPlan() else { Issue.record("not direct"); return }
        #expect(zone == "example.test.")
        #expect(servers.count == 1)

        var discover = Self.session()
        Self.run(["update add child.example.test 60 DS 1 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"],
                 into: &discover)
        guard case .discover(let discovery, _) = discover.sendPlan() else { Issue.record("no discovery"); return }
        // A DS lives in the parent: discovery starts one label up, recursively asked.
        #expect(discovery.name == "example.test.")
        #expect(discovery.recursionDesired)
    }
}
