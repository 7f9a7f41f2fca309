import DNSCore
@testable import DNSServer
import Testing

/// RFC 8482: minimal answers to ANY.
@Suite("RFC 8482 ANY")
struct RFC8482ANYTests {
    static let zone = """
    $TTL 3600
    @ SOA ns hostmaster 1 7200 3600 1209600 300
    @ NS ns
    @ MX 10 ns
    @ TXT "apex"
    ns A 192.0.2.1
    ns AAAA 2001:db8::1
    alias CNAME ns
    *.wild TXT "w"
    *.wild A 192.0.2.7
    """

    let fixture = ResponderFixture(origin: "example.", zone)

    @Test("§4.1: over UDP, one RRset stands for all of them")
    func udp() throws {
        let response = try fixture.ask("example.", .any)
        #expect(response.header.rcode == .noError)
        #expect(response.header.isAuthoritative)
        #expect(Set(response.answers.map(\.type)).count == 1)
    }

    @Test("§4.4: over TCP, every RRset")
    func tcp() throws {
        let response = try fixture.ask("example.", .any, transport: .tcp)
        #expect(Set(response.answers.map(\.type)) == [.soa, .ns, .mx, .txt])
    }

    @Test("Configuration can give every RRset over UDP too")
    func configured() throws {
        let fixture = ResponderFixture(origin: "example.", Self.zone,
                                       configuration: .init(minimalANYOverUDP: false))
        let response = try fixture.ask("ns.example.", .any)
        #expect(Set(response.answers.map(\.type)) == [.a, .aaaa])
    }

    @Test("ANY at an alias is the CNAME, not followed")
    func alias() throws {
        for transport in [RequestContext.Transport.udp, .tcp] {
            let response = try fixture.ask("alias.example.", .any, transport: transport)
            #expect(response.answerSummary == ["alias.example. CNAME"])
        }
    }

    @Test("ANY through a wildcard has the question's name; NXDOMAIN and NODATA as for any type")
    func wildcardAndNegative() throws {
        let wild = try fixture.ask("x.wild.example.", .any, transport: .tcp)
        #expect(Set(wild.answerSummary) == ["x.wild.example. TXT", "x.wild.example. A"])
        #expect(try fixture.ask("nope.example.", .any).header.rcode == .nxDomain)
        let ent = try fixture.ask("wild.example.", .any)
        #expect(ent.header.rcode == .noError)
        #expect(ent.answers.isEmpty)
    }
}
