import DNSCore
@testable import DNSServer
import Testing

/// RFC 2308: negative answers carry the SOA, with the negative-caching TTL.
@Suite("RFC 2308 negative answers")
struct RFC2308NegativeTests {
    static func zone(soaTTL: Int, minimum: Int) -> String {
        """
        $TTL 3600
        @ \(soaTTL) SOA ns hostmaster 1 7200 3600 1209600 \(minimum)
        @ NS ns
        ns A 192.0.2.1
        """
    }

    @Test("§3: the SOA's TTL is the smaller of its TTL and MINIMUM", arguments: [(3600, 300), (60, 900), (0, 0)])
    func negativeTTL(soaTTL: Int, minimum: Int) throws {
        let fixture = ResponderFixture(origin: "example.", Self.zone(soaTTL: soaTTL, minimum: minimum))
        for (name, type, rcode) in [("nope.example.", RRType.a, RCode.nxDomain), ("ns.example.", .mx, .noError)] {
            let response = try fixture.ask(try DomainName(name), type)
            #expect(response.header.rcode == rcode)
            #expect(response.header.isAuthoritative)
            #expect(response.answers.isEmpty)
            let soa = try #require(response.authorities.first)
            #expect(soa.type == .soa)
            #expect(soa.ttl == UInt32(min(soaTTL, minimum)))
        }
    }

    @Test("§2.2: NODATA for a type at a name that has others; the apex SOA, not the name's")
    func noData() throws {
        let fixture = ResponderFixture(origin: "example.", Self.zone(soaTTL: 3600, minimum: 300))
        let response = try fixture.ask("ns.example.", .txt)
        #expect(response.authoritySummary == ["example. SOA"])
    }

    @Test("NXDOMAIN to an SOA question: SOA TTL 0, as from BIND (zero-no-soa-ttl)")
    func soaQuestion() throws {
        let fixture = ResponderFixture(origin: "example.", Self.zone(soaTTL: 3600, minimum: 300))
        let nxdomain = try fixture.ask("nope.example.", .soa)
        #expect(nxdomain.authorities.first?.ttl == 0)
        let nodata = try fixture.ask("ns.example.", .soa)
        #expect(nodata.authorities.first?.ttl == 300)
    }
}
