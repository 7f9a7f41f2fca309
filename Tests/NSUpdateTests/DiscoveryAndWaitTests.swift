import DNSCore
import Testing
@testable import NSUpdate

/// Zone discovery and `--wait` as state machines, fed answers by the test.
@Suite("zone discovery and --wait logic")
struct DiscoveryAndWaitTests {
    static func soa(_ owner: DomainName, mname: DomainName, serial: UInt32 = 1) -> ResourceRecord {
        ResourceRecord(owner: owner, ttl: 300, rdata: .soa(SOA(mname: mname, rname: try! DomainName("host.\(owner)"), serial: serial,
                                                               refresh: 3600, retry: 600, expire: 86400, minimum: 300)))
    }

    static func response(_ rcode: RCode = .noError, answers: [ResourceRecord] = [], authorities: [ResourceRecord] = []) -> Message {
        Message(header: MessageHeader(id: 1, isResponse: true, rcode: rcode), answers: answers, authorities: authorities)
    }

    @Test("the SOA in the authority section of an NXDOMAIN names the zone and its primary")
    func authoritySOA() {
        var discovery = ZoneDiscovery(name: "a.b.example.", userZone: nil, rrClass: .in, recursionDesired: true)
        #expect(discovery.query(id: 7).header.recursionDesired)
        #expect(discovery.query(id: 7).questions == [Question(name: "a.b.example.", type: .soa)])
        let step = discovery.handle(Self.response(.nxDomain, authorities: [Self.soa("example.", mname: "ns1.example.")]))
        #expect(step == .found(zone: "example.", primary: "ns1.example."))
    }

    @Test("a CNAME, or no SOA at all, sends the question one label up; the root ends it")
    func dropsLabels() {
        var discovery = ZoneDiscovery(name: "www.example.", userZone: nil, rrClass: .in, recursionDesired: false)
        let cname = ResourceRecord(owner: "www.example.", ttl: 300, rdata: .cname(CNAME(target: "host.example.")))
        #expect(discovery.handle(Self.response(answers: [cname])) == .askAgain)
        #expect(discovery.name == "example.")
        #expect(discovery.handle(Self.response()) == .askAgain)
        #expect(discovery.name == .root)
        #expect(discovery.handle(Self.response()) == .fatal("could not find enclosing zone"))
    }

    @Test("REFUSED moves to the next server; NXDOMAIN for the named zone fails the update")
    func failures() {
        var discovery = ZoneDiscovery(name: "gone.example.", userZone: "gone.example.", rrClass: .in, recursionDesired: true)
        #expect(discovery.handle(Self.response(.refused)) == .nextServer(reason: "REFUSED"))
        #expect(discovery.handle(Self.response(.servFail)) == .fatal("response to SOA query was unsuccessful"))
        #expect(discovery.handle(Self.response(.nxDomain)) == .zoneDoesNotExist("specified zone 'gone.example' does not exist (NXDOMAIN)"))
        // A user's zone is kept even when the SOA found is another's.
        #expect(discovery.handle(Self.response(answers: [Self.soa("example.", mname: "m.example.")]))
                == .found(zone: "gone.example.", primary: "m.example."))
    }

    /// A fake zone: three name servers, the third behind until a given time.
    final class FakeServers {
        var now = 0.0
        var caughtUpAt: Double
        var queries = 0
        init(caughtUpAt: Double) { self.caughtUpAt = caughtUpAt }

        func answer(_ query: Message, _ server: SocketAddress) -> Message? {
            queries += 1
            let question = query.questions[0]
            var reply = Message(header: MessageHeader(id: query.header.id, isResponse: true, opcode: .query), questions: query.questions)
            let zone: DomainName = "wait.example."
            switch question.type {
            case .soa:
                let lagging = server.addressText == "192.0.2.3"
                let serial: UInt32 = lagging && now < caughtUpAt ? 9 : 10
                reply.answers = [DiscoveryAndWaitTests.soa(zone, mname: "ns1.wait.example.", serial: serial)]
            case .ns:
                reply.answers = ["ns1", "ns2", "ns3"].map {
                    ResourceRecord(owner: zone, ttl: 300, rdata: .ns(NS(target: try! DomainName("\($0).wait.example."))))
                }
                // Glue for two of them; the third is asked for.
                reply.additionals = [ResourceRecord(owner: "ns1.wait.example.", ttl: 300, rdata: .a(A(IPv4Address(192, 0, 2, 1)))),
                                     ResourceRecord(owner: "ns2.wait.example.", ttl: 300, rdata: .a(A(IPv4Address(192, 0, 2, 2))))]
            case .a where question.name == "ns3.wait.example.":
                reply.answers = [ResourceRecord(owner: question.name, ttl: 300, rdata: .a(A(IPv4Address(192, 0, 2, 3))))]
            default:
                break
            }
            return reply
        }
    }

    static func waiter(_ servers: FakeServers) -> SerialWaiter {
        SerialWaiter(query: { message, server, _ in servers.answer(message, server) }, port: 53, families: .both,
                     interval: 0.5, clock: { servers.now }, sleep: { servers.now += $0 })
    }

    @Test("waits until every NS address serves the primary's serial")
    func waitCompletes() {
        let servers = FakeServers(caughtUpAt: 3)
        let report = Self.waiter(servers).wait(zone: "wait.example.", primary: SocketAddress(literal: "192.0.2.1", port: 53)!, seconds: 10)
        #expect(report.complete)
        #expect(report.target == 10)
        #expect(report.servers.map { $0.address?.addressText } == ["192.0.2.1", "192.0.2.2", "192.0.2.3"])
        #expect(report.elapsed >= 3 && report.elapsed < 4)
    }

    @Test("gives up at the deadline, naming the server that is behind")
    func waitTimesOut() {
        let servers = FakeServers(caughtUpAt: 100)
        let report = Self.waiter(servers).wait(zone: "wait.example.", primary: SocketAddress(literal: "192.0.2.1", port: 53)!, seconds: 5)
        #expect(!report.complete)
        #expect(report.problem == "timed out after 5 s waiting for serial 10: ns3.wait.example (192.0.2.3#53) serves serial 9")
        #expect(report.elapsed <= 5.5)
        #expect(servers.queries < 40)
    }

    @Test("serials compare by RFC 1982: 1 is after 4294967295")
    func serialWraps() {
        let servers = FakeServers(caughtUpAt: 0)
        let waiter = SerialWaiter(query: { message, server, _ in
            guard var reply = servers.answer(message, server) else { return nil }
            if message.questions[0].type == .soa, case .soa(var soa) = reply.answers[0].rdata {
                soa.serial = server.addressText == "192.0.2.1" && servers.now == 0 ? 4_294_967_295 : 1
                reply.answers[0].rdata = .soa(soa)
            }
            return reply
        }, port: 53, families: .both, interval: 0.5, clock: { servers.now }, sleep: { servers.now += $0 })
        let report = waiter.wait(zone: "wait.example.", primary: SocketAddress(literal: "192.0.2.1", port: 53)!, seconds: 5)
        #expect(report.target == 4_294_967_295)
        #expect(report.complete)
    }
}
