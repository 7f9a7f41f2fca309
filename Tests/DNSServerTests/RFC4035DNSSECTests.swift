import DNSCore
@testable import DNSServer
import Testing

/// RFC 4035 §3.1: with DO, the zone's RRSIG and NSEC records go with answers. The
/// signatures here are not real (the responder never checks them).
@Suite("RFC 4035 §3.1 DNSSEC records")
struct RFC4035DNSSECTests {
    static func sig(_ type: String, labels: Int, ttl: Int = 3600) -> String {
        "RRSIG \(type) 13 \(labels) \(ttl) 20300101000000 20200101000000 1 sec.example. AQID"
    }

    static let zone = """
    $ORIGIN sec.example.
    $TTL 3600
    @ SOA ns hostmaster 1 7200 3600 1209600 300
    @ \(sig("SOA", labels: 2))
    @ NS ns
    @ \(sig("NS", labels: 2))
    @ 300 NSEC a.sec.example. NS SOA RRSIG NSEC
    @ 300 \(sig("NSEC", labels: 2, ttl: 300))
    a A 192.0.2.1
    a \(sig("A", labels: 3))
    a 300 NSEC ns.sec.example. A RRSIG NSEC
    a 300 \(sig("NSEC", labels: 3, ttl: 300))
    ns A 192.0.2.53
    ns \(sig("A", labels: 3))
    ns 300 NSEC secure.sec.example. A RRSIG NSEC
    ns 300 \(sig("NSEC", labels: 3, ttl: 300))
    secure NS ns.secure
    secure DS 1 13 2 2BB183AF5F22588179A53B0A98631FAD1A292118E8C5A4B1B87A8F8C8E7F4A3D
    secure \(sig("DS", labels: 3))
    secure 300 NSEC unsigned.sec.example. NS DS RRSIG NSEC
    secure 300 \(sig("NSEC", labels: 3, ttl: 300))
    ns.secure A 192.0.2.54
    unsigned NS ns.elsewhere.example.
    unsigned 300 NSEC *.w.sec.example. NS RRSIG NSEC
    unsigned 300 \(sig("NSEC", labels: 3, ttl: 300))
    *.w TXT "wild"
    *.w \(sig("TXT", labels: 3))
    *.w 300 NSEC sec.example. TXT RRSIG NSEC
    *.w 300 \(sig("NSEC", labels: 3, ttl: 300))
    """

    let fixture = ResponderFixture(origin: "sec.example.", zone)

    @Test("Without DO: no RRSIG, no NSEC")
    func withoutDO() throws {
        let positive = try fixture.ask("a.sec.example.", .a)
        #expect(positive.answerSummary == ["a.sec.example. A"])
        let negative = try fixture.ask("b.sec.example.", .a)
        #expect(negative.authoritySummary == ["sec.example. SOA"])
    }

    @Test("§3.1.1: the RRSIGs covering the answer")
    func positive() throws {
        let response = try fixture.ask("a.sec.example.", .a, dnssecOK: true)
        #expect(response.answerSummary == ["a.sec.example. A", "a.sec.example. RRSIG"])
        #expect(response.edns?.dnssecOK == true)
    }

    @Test("§3.1.3.2: NXDOMAIN: the SOA and NSECs that cover the name and the wildcard, each signed")
    func nxdomain() throws {
        let response = try fixture.ask("b.sec.example.", .a, dnssecOK: true)
        #expect(response.header.rcode == .nxDomain)
        // b sorts between a and ns; *.sec.example sorts between the apex and a.
        #expect(Set(response.authoritySummary) == ["sec.example. SOA", "sec.example. RRSIG", "a.sec.example. NSEC",
                                                   "a.sec.example. RRSIG", "sec.example. NSEC"])
        let soaSignature = response.authorities.first { $0.type == .rrsig && $0.owner == "sec.example." && {
            if case .rrsig(let s) = $0.rdata { return s.typeCovered == .soa } else { return false } }($0) }
        #expect(soaSignature?.ttl == 300, "the SOA's signature takes the negative TTL too")
    }

    @Test("§3.1.3.1: NODATA: the name's NSEC")
    func noData() throws {
        let response = try fixture.ask("a.sec.example.", .mx, dnssecOK: true)
        #expect(response.header.rcode == .noError)
        #expect(Set(response.authoritySummary) == ["sec.example. SOA", "sec.example. RRSIG", "a.sec.example. NSEC",
                                                   "a.sec.example. RRSIG"])
    }

    @Test("§3.1.4: a referral to a signed zone carries its DS and signature")
    func secureReferral() throws {
        let response = try fixture.ask("www.secure.sec.example.", .a, dnssecOK: true)
        #expect(!response.header.isAuthoritative)
        #expect(Set(response.authoritySummary) == ["secure.sec.example. NS", "secure.sec.example. DS", "secure.sec.example. RRSIG"])
        #expect(response.additionalSummary == ["ns.secure.sec.example. A"])
    }

    @Test("§3.1.4: a referral to an unsigned zone proves there is no DS with the cut's NSEC")
    func insecureReferral() throws {
        let response = try fixture.ask("www.unsigned.sec.example.", .a, dnssecOK: true)
        #expect(Set(response.authoritySummary) == ["unsigned.sec.example. NS", "unsigned.sec.example. NSEC",
                                                   "unsigned.sec.example. RRSIG"])
    }

    @Test("§3.1.4.1: DS and NSEC at a cut are answered from the parent, authoritatively")
    func parentSide() throws {
        let ds = try fixture.ask("secure.sec.example.", .ds, dnssecOK: true)
        #expect(ds.header.isAuthoritative)
        #expect(ds.answerSummary == ["secure.sec.example. DS", "secure.sec.example. RRSIG"])
        let nsec = try fixture.ask("unsigned.sec.example.", .nsec)
        #expect(nsec.header.isAuthoritative)
        #expect(nsec.answerSummary == ["unsigned.sec.example. NSEC"])
    }

    @Test("§3.1.3.3: a wildcard answer proves the name itself absent")
    func wildcard() throws {
        let response = try fixture.ask("x.w.sec.example.", .txt, dnssecOK: true)
        #expect(response.answerSummary == ["x.w.sec.example. TXT", "x.w.sec.example. RRSIG"])
        // x.w sorts after *.w, whose NSEC covers it.
        #expect(Set(response.authoritySummary) == ["*.w.sec.example. NSEC", "*.w.sec.example. RRSIG"])
    }

    @Test("§3.1.3.4: a wildcard NODATA: the covering NSEC and the wildcard's own")
    func wildcardNoData() throws {
        let response = try fixture.ask("x.w.sec.example.", .a, dnssecOK: true)
        #expect(response.header.rcode == .noError)
        #expect(Set(response.authoritySummary) == ["sec.example. SOA", "sec.example. RRSIG", "*.w.sec.example. NSEC",
                                                   "*.w.sec.example. RRSIG"])
    }

    @Test("A question for RRSIG gets every signature at the name, DO or not")
    func rrsigQuestion() throws {
        let response = try fixture.ask("a.sec.example.", .rrsig)
        #expect(response.answerSummary == ["a.sec.example. RRSIG", "a.sec.example. RRSIG"])
    }

    @Test("Signature TTLs are those of the RRsets they cover")
    func signatureTTLs() throws {
        let response = try fixture.ask("a.sec.example.", .rrsig)
        #expect(Set(response.answers.map(\.ttl)) == [3600, 300])
    }
}
