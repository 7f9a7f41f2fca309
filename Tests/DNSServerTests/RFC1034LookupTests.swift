import DNSCore
@testable import DNSServer
import Testing

/// RFC 1034 §4.3.2 (the lookup), RFC 1035 §4.1 (the header) and §4.1.4 (compression).
@Suite("RFC 1034 §4.3.2 lookup")
struct RFC1034LookupTests {
    static let zone = """
    $TTL 3600
    @ SOA ns1 hostmaster 2024010101 7200 3600 1209600 300
    @ NS ns1
    @ NS ns2.elsewhere.example.
    @ MX 10 mail
    @ MX 20 mail.elsewhere.example.
    ns1 A 192.0.2.53
    ns1 AAAA 2001:db8::53
    mail A 192.0.2.25
    www A 192.0.2.80
    www A 192.0.2.81
    alias CNAME www
    alias2 CNAME alias
    outside CNAME www.elsewhere.example.
    dangling CNAME nowhere
    nodata CNAME mail
    _sip._tcp SRV 0 5 5060 www
    sub NS ns.sub
    sub NS ns1
    ns.sub A 192.0.2.99
    deep.glue.sub TXT "occluded"
    tosub CNAME host.sub
    """

    let fixture = ResponderFixture(origin: "example.com.", zone)

    // MARK: RFC 1035 §4.1.1: the header

    @Test("§4.1.1: ID, opcode, RD and CD echoed; QR and AA set; RA never")
    func header() throws {
        var query = ResponderFixture.query("www.example.com.", .a, id: 0xABCD, recursionDesired: true)
        query.header.checkingDisabled = true
        let response = try Message(wire: try #require(fixture.raw(query.encode())))
        #expect(response.header.id == 0xABCD)
        #expect(response.header.isResponse)
        #expect(response.header.opcode == .query)
        #expect(response.header.recursionDesired)
        #expect(response.header.checkingDisabled)
        #expect(response.header.isAuthoritative)
        #expect(!response.header.recursionAvailable)
        #expect(!response.header.authenticData)
    }

    @Test("§4.1.2: the question is echoed octet for octet, its case kept")
    func questionCase() throws {
        let query = ResponderFixture.query("wWw.ExAmPlE.cOm.", .a)
        let bytes = query.encode()
        let response = try #require(fixture.raw(bytes))
        // Header, then the same question octets.
        let questionLength = "wWw.ExAmPlE.cOm.".count + 1 + 4
        #expect(Array(response[12..<(12 + questionLength)]) == Array(bytes[12..<(12 + questionLength)]))
        let message = try Message(wire: response)
        #expect(message.answers.count == 2)
        // The answer's owner points at the question, so it carries the client's case too.
        #expect(message.answers[0].owner.wire == message.questions[0].name.wire)
    }

    // MARK: RFC 1034 §4.3.2 step 3a

    @Test("Step 3a: the RRset, authoritative")
    func exactMatch() throws {
        let response = try fixture.ask("www.example.com.", .a)
        #expect(response.header.rcode == .noError)
        #expect(response.header.isAuthoritative)
        #expect(Set(response.answers.map(\.rdata)) == [.a(A("192.0.2.80")), .a(A("192.0.2.81"))])
        #expect(response.authorities.isEmpty)
    }

    @Test("Step 3a: CNAMEs followed within the zone, in order")
    func cnameChain() throws {
        let response = try fixture.ask("alias2.example.com.", .a)
        #expect(response.answerSummary == ["alias2.example.com. CNAME", "alias.example.com. CNAME",
                                           "www.example.com. A", "www.example.com. A"])
        #expect(response.header.isAuthoritative)
        #expect(response.header.rcode == .noError)
    }

    @Test("Step 3a: a CNAME question gets the CNAME alone")
    func cnameQuestion() throws {
        let response = try fixture.ask("alias2.example.com.", .cname)
        #expect(response.answerSummary == ["alias2.example.com. CNAME"])
    }

    @Test("Step 3a: a CNAME leaving the zone ends the answer")
    func cnameOutOfZone() throws {
        let response = try fixture.ask("outside.example.com.", .a)
        #expect(response.answerSummary == ["outside.example.com. CNAME"])
        #expect(response.header.rcode == .noError)
        #expect(response.authorities.isEmpty)
    }

    @Test("RFC 6604 §2.1: a chain to a name that does not exist is NXDOMAIN")
    func cnameToNothing() throws {
        let response = try fixture.ask("dangling.example.com.", .a)
        #expect(response.header.rcode == .nxDomain)
        #expect(response.answerSummary == ["dangling.example.com. CNAME"])
        #expect(response.authoritySummary == ["example.com. SOA"])
    }

    @Test("A chain to a name without the type is NODATA")
    func cnameToNoData() throws {
        let response = try fixture.ask("nodata.example.com.", .aaaa)
        #expect(response.header.rcode == .noError)
        #expect(response.answerSummary == ["nodata.example.com. CNAME"])
        #expect(response.authoritySummary == ["example.com. SOA"])
    }

    @Test("A chain into a delegation ends with a referral, the answer still authoritative")
    func cnameToDelegation() throws {
        let response = try fixture.ask("tosub.example.com.", .a)
        #expect(response.answerSummary == ["tosub.example.com. CNAME"])
        #expect(Set(response.authoritySummary) == ["sub.example.com. NS"])
        #expect(response.header.isAuthoritative)
    }

    @Test("A loop ends in SERVFAIL with each record once; a chain of 11 is followed, 12 are not")
    func loopsAndLongChains() throws {
        var text = Self.zone + "\nloop1 CNAME loop2\nloop2 CNAME loop1\n"
        for i in 0..<12 { text += "k\(i) CNAME \(i == 11 ? "www" : "k\(i + 1)")\n" }
        let fixture = ResponderFixture(origin: "example.com.", text)
        let loop = try fixture.ask("loop1.example.com.", .a)
        #expect(loop.header.rcode == .servFail)
        #expect(loop.answerSummary == ["loop1.example.com. CNAME", "loop2.example.com. CNAME"])
        let eleven = try fixture.ask("k1.example.com.", .a)
        #expect(eleven.header.rcode == .noError)
        #expect(eleven.answers.count == 13)
        let twelve = try fixture.ask("k0.example.com.", .a)
        #expect(twelve.header.rcode == .servFail)
        #expect(twelve.answers.count == 12)
    }

    // MARK: Step 3b: referrals

    @Test("Step 3b: below a cut, a referral: AA clear, NS in authority, glue in additional")
    func referral() throws {
        for name: DomainName in ["host.sub.example.com.", "sub.example.com.", "ns.sub.example.com.", "deep.glue.sub.example.com."] {
            let response = try fixture.ask(name, .a)
            #expect(response.header.rcode == .noError)
            #expect(!response.header.isAuthoritative, "\(name)")
            #expect(response.answers.isEmpty)
            #expect(Set(response.authoritySummary) == ["sub.example.com. NS"])
            #expect(Set(response.additionalSummary) == ["ns.sub.example.com. A", "ns1.example.com. A", "ns1.example.com. AAAA"])
        }
    }

    @Test("Step 3b: NS at the cut is a referral too")
    func nsAtCut() throws {
        let response = try fixture.ask("sub.example.com.", .ns)
        #expect(!response.header.isAuthoritative)
        #expect(response.answers.isEmpty)
        #expect(response.authorities.count == 2)
    }

    @Test("RFC 4035 §3.1.4.1: DS at the cut is the parent's: answered, authoritative")
    func dsAtCut() throws {
        let response = try fixture.ask("sub.example.com.", .ds)
        #expect(response.header.isAuthoritative)
        #expect(response.header.rcode == .noError)
        #expect(response.authoritySummary == ["example.com. SOA"])
    }

    // MARK: Step 3c / RFC 2308

    @Test("Step 3c: no such name: NXDOMAIN, AA, the SOA")
    func nxdomain() throws {
        let response = try fixture.ask("nope.example.com.", .a)
        #expect(response.header.rcode == .nxDomain)
        #expect(response.header.isAuthoritative)
        #expect(response.answers.isEmpty)
        #expect(response.authoritySummary == ["example.com. SOA"])
    }

    @Test("An empty non-terminal exists: NODATA, not NXDOMAIN")
    func emptyNonTerminal() throws {
        for name: DomainName in ["_tcp.example.com."] {
            let response = try fixture.ask(name, .a)
            #expect(response.header.rcode == .noError)
            #expect(response.authoritySummary == ["example.com. SOA"])
        }
    }

    // MARK: Step 4 and the opcode

    @Test("Step 2: names outside every zone are REFUSED, without AA")
    func refused() throws {
        for name: DomainName in ["example.org.", "com.", ".", "xexample.com."] {
            let response = try fixture.ask(name, .a)
            #expect(response.header.rcode == .refused, "\(name)")
            #expect(!response.header.isAuthoritative)
            #expect(response.answers.isEmpty && response.authorities.isEmpty)
        }
    }

    @Test("Other opcodes: NOTIMP, the question echoed")
    func otherOpcodes() throws {
        for opcode in [Opcode.iquery, .status, .notify, .update, Opcode(3)] {
            var query = ResponderFixture.query("www.example.com.", .soa)
            query.header.opcode = opcode
            let response = try Message(wire: try #require(fixture.raw(query.encode())))
            #expect(response.header.rcode == .notImp)
            #expect(response.header.opcode == opcode)
        }
    }

    @Test("AXFR and IXFR are not this handler's: REFUSED")
    func transfers() throws {
        for type in [RRType.axfr, .ixfr] {
            #expect(try fixture.ask("example.com.", type, transport: .tcp).header.rcode == .refused)
        }
    }

    // MARK: Step 6: additional data

    @Test("Step 6: addresses of MX, NS and SRV targets in the zone")
    func additional() throws {
        let mx = try fixture.ask("example.com.", .mx)
        #expect(mx.additionalSummary == ["mail.example.com. A"])
        let ns = try fixture.ask("example.com.", .ns)
        #expect(Set(ns.additionalSummary) == ["ns1.example.com. A", "ns1.example.com. AAAA"])
        let srv = try fixture.ask("_sip._tcp.example.com.", .srv)
        #expect(srv.additionalSummary == ["www.example.com. A", "www.example.com. A"])
    }

    // MARK: RFC 1035 §4.1.4: compression

    @Test("§4.1.4: owners point at the question; MX targets compressed; SRV targets not (RFC 2782)")
    func compression() throws {
        let mxBytes = try #require(fixture.raw(ResponderFixture.query("example.com.", .mx).encode()))
        let mx = try Message(wire: mxBytes)
        #expect(mx.answers.count == 2)
        // Header 12, question 13 + 4: the first answer's owner is a pointer to 12.
        #expect(Array(mxBytes[29..<31]) == [0xC0, 12])
        let srvBytes = try #require(fixture.raw(ResponderFixture.query("_sip._tcp.example.com.", .srv).encode()))
        let target: [UInt8] = [3, 0x77, 0x77, 0x77, 7] + Array("example".utf8) + [3] + Array("com".utf8) + [0]
        #expect(srvBytes.firstRange(of: target) != nil, "the SRV target is written whole")
    }
}

extension A {
    init(_ text: String) { self.init(IPv4Address(text)!) }
}
