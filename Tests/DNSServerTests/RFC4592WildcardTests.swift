import DNSCore
@testable import DNSServer
import Testing

/// RFC 4592: wildcards, with the example zone and expected results of §2.2.1.
@Suite("RFC 4592 wildcards")
struct RFC4592WildcardTests {
    /// RFC 4592 §2.2.1's zone, with the SOA and SRV data filled in.
    static let zone = """
    $ORIGIN example.
    example.                 3600 IN  SOA   ns.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
    example.                 3600     NS    ns.example.com.
    example.                 3600     NS    ns.example.net.
    *.example.               3600     TXT   "this is a wildcard"
    *.example.               3600     MX    10 host1.example.
    sub.*.example.           3600     TXT   "this is not a wildcard"
    host1.example.           3600     A     192.0.2.1
    _ssh._tcp.host1.example. 3600     SRV   0 0 22 host1.example.
    _ssh._tcp.host2.example. 3600     SRV   0 0 22 host1.example.
    subdel.example.          3600     NS    ns.example.com.
    subdel.example.          3600     NS    ns.example.net.
    *.alias.example.         3600     CNAME host1.example.
    a.*.empty.example.       3600     TXT   "below an empty wildcard"
    """

    let fixture = ResponderFixture(origin: "example.", zone)

    @Test("§2.2.1: QNAME host3.example. QTYPE MX: answered from *.example. with the QNAME as owner")
    func synthesizedMX() throws {
        let response = try fixture.ask("host3.example.", .mx)
        #expect(response.header.rcode == .noError)
        #expect(response.header.isAuthoritative)
        #expect(response.answerSummary == ["host3.example. MX"])
        #expect(response.additionalSummary == ["host1.example. A"])
    }

    @Test("§2.2.1: QNAME host3.example. QTYPE A: the wildcard matches, has no A: NODATA")
    func synthesizedNoData() throws {
        let response = try fixture.ask("host3.example.", .a)
        #expect(response.header.rcode == .noError)
        #expect(response.answers.isEmpty)
        #expect(response.authoritySummary == ["example. SOA"])
    }

    @Test("§2.2.1: QNAME foo.bar.example. QTYPE TXT: the wildcard covers several labels")
    func severalLabels() throws {
        let response = try fixture.ask("foo.bar.example.", .txt)
        #expect(response.answerSummary == ["foo.bar.example. TXT"])
    }

    @Test("§2.2.1: QNAME host1.example. QTYPE MX: the name exists: NODATA, no wildcard")
    func existingName() throws {
        let response = try fixture.ask("host1.example.", .mx)
        #expect(response.header.rcode == .noError)
        #expect(response.answers.isEmpty)
    }

    @Test("§2.2.1: QNAME sub.*.example. QTYPE MX: the name exists: NODATA")
    func asteriskInside() throws {
        let response = try fixture.ask("sub.*.example.", .mx)
        #expect(response.header.rcode == .noError)
        #expect(response.answers.isEmpty)
    }

    @Test("§2.2.1: QNAME _telnet._tcp.host1.example. QTYPE SRV: closest encloser _tcp.host1 has no wildcard: NXDOMAIN")
    func noWildcardAtEncloser() throws {
        let response = try fixture.ask("_telnet._tcp.host1.example.", .srv)
        #expect(response.header.rcode == .nxDomain)
    }

    @Test("§2.2.1: QNAME host.subdel.example. QTYPE A: below a cut: referral")
    func belowCut() throws {
        let response = try fixture.ask("host.subdel.example.", .a)
        #expect(!response.header.isAuthoritative)
        #expect(response.authorities.count == 2)
    }

    @Test("§2.2.1: QNAME ghost.*.example. QTYPE MX: closest encloser *.example, no *.*.example: NXDOMAIN")
    func asteriskLabelNotWildcard() throws {
        let response = try fixture.ask("ghost.*.example.", .mx)
        #expect(response.header.rcode == .nxDomain)
    }

    @Test("§3.3.1: the empty non-terminal _tcp.host2.example. stops the wildcard")
    func emptyNonTerminalEncloser() throws {
        let response = try fixture.ask("_tcp.host2.example.", .txt)
        #expect(response.header.rcode == .noError)
        #expect(response.answers.isEmpty)
        let below = try fixture.ask("_udp.host2.example.", .txt)
        #expect(below.header.rcode == .nxDomain, "host2.example. exists (as an empty non-terminal) and has no wildcard")
    }

    @Test("§4.3: a wildcard that owns nothing (only a name below it) gives NODATA")
    func emptyWildcard() throws {
        let response = try fixture.ask("x.empty.example.", .txt)
        #expect(response.header.rcode == .noError)
        #expect(response.answers.isEmpty)
        #expect(response.authoritySummary == ["example. SOA"])
    }

    @Test("§3.3.3: a wildcard CNAME is synthesized and followed")
    func wildcardCNAME() throws {
        let response = try fixture.ask("anything.alias.example.", .a)
        #expect(response.answerSummary == ["anything.alias.example. CNAME", "host1.example. A"])
    }

    @Test("The synthesized owner keeps the question's case")
    func ownerCase() throws {
        let response = try fixture.ask("HoSt3.example.", .txt)
        #expect(response.answers.first?.owner.wire == DomainName("HoSt3.example.").wire)
    }
}
