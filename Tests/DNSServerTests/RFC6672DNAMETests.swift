import DNSCore
@testable import DNSServer
import Testing

/// RFC 6672: DNAME redirection.
@Suite("RFC 6672 DNAME")
struct RFC6672DNAMETests {
    static let zone = """
    $TTL 3600
    @ SOA ns hostmaster 1 7200 3600 1209600 300
    @ NS ns
    ns A 192.0.2.1
    old 600 DNAME new.example.
    old A 192.0.2.9
    x.new A 192.0.2.10
    out DNAME example.net.
    chain DNAME old.example.
    loopa DNAME loopb.example.
    loopb DNAME loopa.example.
    long DNAME \((0..<5).map { _ in String(repeating: "q", count: 45) }.joined(separator: ".")).example.net.
    """

    let fixture = ResponderFixture(origin: "example.", zone)

    @Test("§3.3: the DNAME, then a CNAME from the name to its substitute, with the DNAME's TTL, followed in the zone")
    func substitution() throws {
        let response = try fixture.ask("x.old.example.", .a)
        #expect(response.answerSummary == ["old.example. DNAME", "x.old.example. CNAME", "x.new.example. A"])
        let cname = response.answers[1]
        #expect(cname.ttl == 600)
        #expect(cname.rdata == .cname(CNAME(target: "x.new.example.")))
        #expect(response.header.isAuthoritative)
    }

    @Test("§2.3: the DNAME's owner itself is not redirected")
    func ownerItself() throws {
        let a = try fixture.ask("old.example.", .a)
        #expect(a.answerSummary == ["old.example. A"])
        let dname = try fixture.ask("old.example.", .dname)
        #expect(dname.answerSummary == ["old.example. DNAME"])
    }

    @Test("§3.3: a substitute outside the zone ends the answer")
    func outOfZone() throws {
        let response = try fixture.ask("a.b.out.example.", .aaaa)
        #expect(response.answerSummary == ["out.example. DNAME", "a.b.out.example. CNAME"])
        #expect((response.answers[1].rdata) == .cname(CNAME(target: "a.b.example.net.")))
        #expect(response.header.rcode == .noError)
    }

    @Test("§3.3: DNAME to DNAME")
    func chained() throws {
        let response = try fixture.ask("x.chain.example.", .a)
        #expect(response.answerSummary == ["chain.example. DNAME", "x.chain.example. CNAME", "old.example. DNAME",
                                           "x.old.example. CNAME", "x.new.example. A"])
    }

    @Test("§2.2: a substitute longer than 255 octets: YXDOMAIN, with the DNAME")
    func tooLong() throws {
        let response = try fixture.ask(try DomainName("\(String(repeating: "z", count: 40)).long.example."), .a)
        #expect(response.header.rcode == .yxDomain)
        #expect(response.answerSummary == ["long.example. DNAME"])
    }

    @Test("A DNAME loop: SERVFAIL, each record once, as from BIND")
    func loop() throws {
        let response = try fixture.ask("x.loopa.example.", .a)
        #expect(response.header.rcode == .servFail)
        #expect(response.answerSummary == ["loopa.example. DNAME", "x.loopa.example. CNAME", "loopb.example. DNAME",
                                           "x.loopb.example. CNAME"])
    }

    @Test("A CNAME question is answered by the synthesized CNAME, not followed")
    func cnameQuestion() throws {
        let response = try fixture.ask("nothing.old.example.", .cname)
        #expect(response.header.rcode == .noError)
        #expect(response.answerSummary == ["old.example. DNAME", "nothing.old.example. CNAME"])
    }

    @Test("The redirected name that does not exist is NXDOMAIN (RFC 6604)")
    func nxdomainAfterRedirection() throws {
        let response = try fixture.ask("nothing.old.example.", .a)
        #expect(response.header.rcode == .nxDomain)
        #expect(response.authoritySummary == ["example. SOA"])
    }
}
