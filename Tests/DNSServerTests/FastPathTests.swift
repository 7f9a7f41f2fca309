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

    /// The answer of the strict path: the request decoded, then answered.
    func decoded(_ request: [UInt8]) throws -> [UInt8] {
        try #require(fixture.responder.respond(to: try Message(wire: request), transport: .udp,
                                               snapshot: fixture.catalog.snapshot))
    }

    @Test("Byte for byte the answer of the strict decoder's path, for every kind of answer")
    func sameBytes() throws {
        let questions: [(DomainName, RRType)] = [
            ("www.example.", .a), ("WwW.ExAmPlE.", .aaaa), ("alias.example.", .a), ("x.wild.example.", .txt),
            ("nothing.example.", .a), ("www.example.", .mx), ("mail.example.", .mx), ("a.b.sub.example.", .a),
            ("example.", .any), ("example.", .soa), ("other.test.", .a), ("www.example.", .axfr),
        ]
        var checked = 0
        for (name, type) in questions {
            for edns in Self.ednsVariants {
                var query = ResponderFixture.query(name, type, edns: nil)
                query.edns = edns
                let request = query.encode()
                let answer = try #require(inPlace(request), "\(name) \(type) edns \(String(describing: edns)) left the fast path")
                #expect(answer == (try decoded(request)), "\(name) \(type) edns \(String(describing: edns))")
                checked += 1
            }
        }
        #expect(checked == questions.count * Self.ednsVariants.count)
    }

    /// No EDNS; plain; DO; and what resolvers send: a client cookie, a full cookie
    /// with padding, NSID and TCP keepalive.
    static let ednsVariants: [EDNS?] = [
        nil, EDNS(udpPayloadSize: 1232), EDNS(udpPayloadSize: 4096, dnssecOK: true),
        EDNS(udpPayloadSize: 1232, dnssecOK: true, options: [.cookie([1, 2, 3, 4, 5, 6, 7, 8])]),
        EDNS(udpPayloadSize: 1400, options: [.cookie([UInt8](repeating: 7, count: 24)),
                                             EDNSOption(code: .padding, data: [UInt8](repeating: 0, count: 30))]),
        EDNS(udpPayloadSize: 512, options: [.nsid(), EDNSOption(code: .tcpKeepalive)]),
    ]

    @Test("Options the answer depends on, or that are malformed, are left to the strict decoder")
    func optionsLeftToTheDecoder() throws {
        for options in [[.expire()], [.cookie([1, 2, 3])], [.cookie([UInt8](repeating: 1, count: 12))],
                        [EDNSOption(code: .clientSubnet, data: [0, 1, 24, 0, 192, 0, 2])],
                        [.cookie([1, 2, 3, 4, 5, 6, 7, 8]), EDNSOption(code: EDNSOptionCode(65001), data: [1])]] as [[EDNSOption]] {
            var query = ResponderFixture.query("www.example.", .a)
            query.edns!.options = options
            #expect(inPlace(query.encode()) == nil, "\(options)")
        }
        // An option whose length runs past the OPT record.
        var query = ResponderFixture.query("www.example.", .a)
        query.edns!.options = [.cookie([1, 2, 3, 4, 5, 6, 7, 8])]
        var request = query.encode()
        request[request.count - 9] = 9  // the cookie's length: 8 -> 9
        #expect(inPlace(request) == nil)
        // A malformed cookie is a FORMERR on the strict path, as from BIND.
        query.edns!.options = [.cookie([1, 2, 3])]
        let answer = try Message(wire: try #require(fixture.raw(query.encode())))
        #expect(answer.header.rcode == .formErr)
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
