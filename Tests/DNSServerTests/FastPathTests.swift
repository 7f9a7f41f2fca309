import DNSCore
@testable import DNSServer
import Testing

@Suite("The UDP fast path (QueryResponder.respond(to:into:transport:))")
struct FastPathTests {
    let fixture = ResponderFixture(origin: "example.", """
        $TTL 300
        @ SOA ns1 hostmaster 1 3600 900 1209600 60
        @ NS ns1
        ns1 A 192.0.2.1
        www A 192.0.2.10
        www AAAA 2001:db8::10
        alias CNAME www
        *.wild TXT "wildcard"
        mail MX 10 www
        sub NS ns.sub
        ns.sub A 192.0.2.53
        """)

    func inPlace(_ request: [UInt8], capacity: Int = 4096) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: capacity)
        let length = request.withUnsafeBufferPointer { bytes in
            buffer.withUnsafeMutableBufferPointer { fixture.responder.respond(to: bytes, into: $0, transport: .udp) }
        }
        return length.map { Array(buffer[..<$0]) }
    }

    @Test("Byte for byte the answer respond(to:) gives, for every kind of answer")
    func sameBytes() throws {
        let questions: [(DomainName, RRType)] = [
            ("www.example.", .a), ("WwW.ExAmPlE.", .aaaa), ("alias.example.", .a), ("x.wild.example.", .txt),
            ("nothing.example.", .a), ("www.example.", .mx), ("mail.example.", .mx), ("a.b.sub.example.", .a),
            ("example.", .any), ("example.", .soa), ("other.test.", .a), ("www.example.", .axfr),
        ]
        var checked = 0
        for (name, type) in questions {
            for edns in [nil, EDNS(udpPayloadSize: 1232), EDNS(udpPayloadSize: 4096, dnssecOK: true)] as [EDNS?] {
                var query = ResponderFixture.query(name, type, edns: nil)
                query.edns = edns
                let request = query.encode()
                let expected = try #require(fixture.raw(request))
                #expect(inPlace(request) == expected, "\(name) \(type) edns \(String(describing: edns))")
                checked += 1
            }
        }
        #expect(checked == questions.count * 3)
    }

    @Test("An answer longer than the buffer, or a request of another shape, is left to the general path")
    func fallsThrough() throws {
        let request = ResponderFixture.query("www.example.", .a).encode()
        let full = try #require(fixture.raw(request))
        #expect(inPlace(request, capacity: full.count) == full)
        #expect(inPlace(request, capacity: full.count - 1) == nil)
        // Two questions, an EDNS option, a response: not the common shape.
        var two = ResponderFixture.query("www.example.", .a)
        two.questions.append(Question(name: "ns1.example.", type: .a))
        #expect(inPlace(two.encode()) == nil)
        var withOption = ResponderFixture.query("www.example.", .a)
        withOption.edns!.setOption(.expire(nil))
        #expect(inPlace(withOption.encode()) == nil)
        var response = ResponderFixture.query("www.example.", .a)
        response.header.isResponse = true
        #expect(inPlace(response.encode()) == nil)
        #expect(inPlace(Array(request.prefix(11))) == nil)
    }
}
