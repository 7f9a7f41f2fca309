import DNSCore
@testable import DNSServer
import NIOCore
import Testing
import ZoneCompiler

@Suite("Zone catalog and the handler seam")
struct CatalogAndHandlerTests {
    static let parent = """
    $TTL 3600
    @ SOA ns hostmaster 1 7200 3600 1209600 300
    @ NS ns
    ns A 192.0.2.1
    child NS ns.child
    child DS 1 13 2 2BB183AF5F22588179A53B0A98631FAD1A292118E8C5A4B1B87A8F8C8E7F4A3D
    ns.child A 192.0.2.2
    """
    static let child = """
    $TTL 3600
    @ SOA ns hostmaster 7 7200 3600 1209600 300
    @ NS ns
    ns A 192.0.2.2
    www A 192.0.2.3
    """

    static func zone(_ origin: DomainName, _ text: String) -> Zone {
        Compiler.compile(text: text, options: CompileOptions(origin: origin, includeBase: .forbidden)).zone
    }

    @Test("The longest matching origin answers; the child's apex DS comes from the parent")
    func longestMatch() throws {
        let fixture = ResponderFixture([("example.", Self.parent), ("child.example.", Self.child)])
        let www = try fixture.ask("www.child.example.", .a)
        #expect(www.header.isAuthoritative)
        #expect(www.answerSummary == ["www.child.example. A"])
        let soa = try fixture.ask("child.example.", .soa)
        #expect(soa.answers.count == 1)
        let ds = try fixture.ask("child.example.", .ds)
        #expect(ds.answerSummary == ["child.example. DS"])
        let parentSOA = try fixture.ask("example.", .soa)
        #expect(parentSOA.answerSummary == ["example. SOA"])
    }

    @Test("DS at an apex whose parent is not served: NODATA from the zone itself")
    func apexDSWithoutParent() throws {
        let fixture = ResponderFixture(origin: "child.example.", Self.child)
        let response = try fixture.ask("child.example.", .ds)
        #expect(response.header.isAuthoritative)
        #expect(response.authoritySummary == ["child.example. SOA"])
    }

    @Test("A snapshot keeps answering from its versions while the catalog changes")
    func snapshots() throws {
        let catalog = ZoneCatalog([Self.zone("example.", Self.parent)])
        let responder = QueryResponder(catalog: catalog)
        let before = catalog.snapshot
        catalog.replace(Self.zone("child.example.", Self.child))
        let query = ResponderFixture.query("www.child.example.", .a).encode()
        let old = try Message(wire: try #require(responder.respond(to: query, transport: .udp, snapshot: before)))
        #expect(!old.header.isAuthoritative, "the old snapshot only has the parent: a referral")
        let new = try Message(wire: try #require(responder.respond(to: query, transport: .udp)))
        #expect(new.answerSummary == ["www.child.example. A"])
        catalog.remove("example.")
        #expect(catalog.snapshot.zones.count == 1)
        #expect(catalog.snapshot.zone(for: "a.b.child.example.")?.origin == "child.example.")
        #expect(catalog.snapshot.zone(for: "example.") == nil)
        let gone = try Message(wire: try #require(responder.respond(to: ResponderFixture.query("ns.example.", .a).encode(), transport: .udp)))
        #expect(gone.header.rcode == .refused)
    }

    @Test("Wrappers hand over decoded messages")
    func decodedPath() throws {
        let fixture = ResponderFixture(origin: "example.", Self.parent)
        let query = ResponderFixture.query("ns.example.", .a, dnssecOK: true)
        let viaMessage = try #require(fixture.responder.respond(to: query, transport: .udp, snapshot: fixture.catalog.snapshot))
        let viaBytes = try #require(fixture.raw(query.encode()))
        #expect(viaMessage == viaBytes)
        let context = RequestContext(transport: .udp, client: try SocketAddress(ipAddress: "127.0.0.1", port: 5353), receivedAt: 0)
        let viaWrapper = try #require(fixture.responder.respond(to: query, wire: query.encode(), context: context))
        #expect(viaWrapper == viaBytes)
    }

    @Test("The RequestHandler answers one message, or none for a response")
    func handler() async throws {
        let fixture = ResponderFixture(origin: "example.", Self.parent)
        let context = RequestContext(transport: .udp, client: try SocketAddress(ipAddress: "127.0.0.1", port: 5353), receivedAt: 0)
        let answers = await fixture.responder.handle(ResponderFixture.query("ns.example.", .a).encode(), context: context)
        #expect(answers.count == 1)
        var response = ResponderFixture.query("ns.example.", .a)
        response.header.isResponse = true
        #expect(await fixture.responder.handle(response.encode(), context: context).isEmpty)
    }

    @Test("Serving tables: empty non-terminals, cuts, wildcards found once")
    func servingTables() throws {
        let zone = Self.zone("example.", Self.parent + "\na.b.c TXT \"deep\"\n*.w A 192.0.2.9\n")
        let serving = ServingZone(zone)
        #expect(serving.nodeCount == zone.nameCount + 3, "b.c, c and w are empty non-terminals")
        let wire = DomainName("b.c.example.").wire
        let id = try #require(wire.withUnsafeBufferPointer { serving.find($0) })
        #expect(serving.nodes[Int(id)].flags.contains(.empty))
        let cut = try #require(DomainName("child.example.").wire.withUnsafeBufferPointer { serving.find($0) })
        #expect(serving.nodes[Int(cut)].flags.contains(.cut))
        let glue = try #require(DomainName("ns.child.example.").wire.withUnsafeBufferPointer { serving.find($0) })
        #expect(serving.nodes[Int(glue)].flags.contains(.belowCut))
        #expect(serving.negativeTTL == 300)
    }
}
