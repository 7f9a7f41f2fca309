import Testing
@testable import DNSCore

@Suite("Message wire form")
struct MessageWireTests {
    static let captured: [(String, [UInt8])] = [
        ("SOA response", MessageFixtures.soaResponse),
        ("NXDOMAIN response", MessageFixtures.nxdomainResponse),
        ("MX response with DO, NSID, COOKIE", MessageFixtures.mxResponse),
        ("SRV response with glue", MessageFixtures.srvResponse),
        ("TSIG-signed response", MessageFixtures.tsigResponse),
        ("TSIG-signed UPDATE", MessageFixtures.updateRequest),
        ("TSIG-signed UPDATE answer", MessageFixtures.updateResponse),
    ]

    @Test("RFC 1035 §4.1: BIND's messages decode and re-encode to the same octets",
          arguments: captured)
    func bindRoundTrip(_ name: String, _ bytes: [UInt8]) throws {
        let message = try Message(wire: bytes)
        #expect(message.encode() == bytes, "\(name)")
        #expect(try Message(wire: message.encode()) == message)
    }

    @Test("RFC 1035 §4.1.1: header fields and flags")
    func header() throws {
        let message = try Message(wire: MessageFixtures.nxdomainResponse)
        #expect(message.header.id == 0x6C16)
        #expect(message.header.isResponse)
        #expect(message.header.opcode == .query)
        #expect(message.header.isAuthoritative)
        #expect(!message.header.isTruncated)
        #expect(message.header.recursionDesired)
        #expect(!message.header.recursionAvailable)
        #expect(message.header.rcode == .nxDomain)
        #expect(message.questions == [Question(name: "nonexistent.example.com.", type: .a)])
        #expect(message.answers.isEmpty && message.additionals.isEmpty && message.edns == nil)
        #expect(message.authorities.count == 1)
        #expect(message.authorities[0].type == .soa && message.authorities[0].ttl == 300)

        // Every flag bit survives, the reserved Z bit included.
        for bit in [15, 10, 9, 8, 7, 6, 5, 4] {
            let flags = 1 << bit
            let bytes = Raw.header(flags: flags)
            let decoded = try Message(wire: bytes)
            #expect(decoded.header.flagsWord == UInt16(flags))
            #expect(decoded.encode() == bytes)
        }
        for opcode in 0..<16 {
            let decoded = try Message(wire: Raw.header(flags: opcode << 11))
            #expect(decoded.header.opcode == Opcode(UInt8(opcode)))
        }
    }

    @Test("RFC 1035 §4.1.4: owners and RFC 1035 RDATA names compress; a response shrinks")
    func compressionRatio() throws {
        let zone: DomainName = "example.com."
        var message = Message(header: MessageHeader(id: 1, isResponse: true, isAuthoritative: true),
                              questions: [Question(name: "www.example.com.", type: .a)])
        for i in 0..<10 {
            message.answers.append(ResourceRecord(owner: "www.example.com.", ttl: 300, rdata: .a(A(IPv4Address(192, 0, 2, UInt8(i))))))
        }
        for i in 1...4 {
            let ns = try DomainName("ns\(i)", origin: zone)
            message.authorities.append(ResourceRecord(owner: zone, ttl: 300, rdata: .ns(NS(target: ns))))
            message.additionals.append(ResourceRecord(owner: ns, ttl: 300, rdata: .a(A(IPv4Address(192, 0, 2, UInt8(100 + i))))))
        }
        let compressed = message.encode()
        let uncompressed = MessageHeader.wireLength + 17 + 4
            + 10 * (17 + 10 + 4) + 4 * (13 + 10 + 17) + 4 * (17 + 10 + 4)
        // Each repeated owner is a 2-octet pointer; each NS target is 'nsN' + pointer.
        let expected = MessageHeader.wireLength + 17 + 4
            + 10 * (2 + 10 + 4) + 4 * (2 + 10 + 6) + 4 * (2 + 10 + 4)
        #expect(compressed.count == expected)
        #expect(Double(compressed.count) / Double(uncompressed) < 0.55)
        #expect(try Message(wire: compressed) == message)
    }

    @Test("RFC 2782 / RFC 3597 §4: SRV targets are not compressed but later names may point into them")
    func srvTarget() throws {
        let message = try Message(wire: MessageFixtures.srvResponse)
        guard case .srv(let srv) = message.answers[0].rdata else {
            Issue.record("not SRV")
            return
        }
        #expect(srv.target == "sip.example.com.")
        #expect(message.additionals[0].owner == "sip.example.com.")
        // The glue's owner is a pointer into the SRV target, as BIND writes it.
        #expect(message.encode() == MessageFixtures.srvResponse)
    }

    @Test("RFC 2136 §2.4, §2.5: class ANY and NONE records without RDATA decode and re-encode exactly")
    func updateEmptyRData() throws {
        let message = try Message(wire: MessageFixtures.updateRequest)
        #expect(message.isUpdate)
        #expect(message.zone == Question(name: "example.com.", type: .soa))
        #expect(message.zones.count == 1)
        #expect(message.prerequisites.count == 5)
        #expect(message.updates.count == 5)
        #expect(message.additionals.isEmpty)

        // yxdomain: name in use; nxdomain: name not in use; yxrrset, nxrrset.
        let expected: [(DomainName, RRType, RRClass)] = [
            ("web.example.com.", .any, .any), ("new.example.com.", .any, .none),
            ("web.example.com.", .a, .any), ("new.example.com.", .txt, .none),
        ]
        for (record, (owner, type, rrClass)) in zip(message.prerequisites, expected) {
            #expect(record.owner == owner && record.type == type && record.rrClass == rrClass && record.ttl == 0)
            #expect(record.rdata == .unknown(UnknownRData(type: type, data: [])))
        }
        // yxrrset, value dependent: class IN with RDATA.
        #expect(message.prerequisites[4].rdata == .a(A(IPv4Address(192, 0, 2, 20))))
        // Delete one RR: class NONE with RDATA; delete an RRset / all RRsets: class ANY, none.
        #expect(message.updates[2].rrClass == .none && message.updates[2].rdata == .a(A(IPv4Address(192, 0, 2, 22))))
        #expect(message.updates[3].rrClass == .any && message.updates[3].rdata == .unknown(UnknownRData(type: .cname, data: [])))
        #expect(message.updates[4].type == .any && message.updates[4].rdata == .unknown(UnknownRData(type: .any, data: [])))
        #expect(message.encode() == MessageFixtures.updateRequest)
    }

    @Test("RFC 2136 §2.5.2: an empty RDATA is only for ANY and NONE; class IN A still needs 4 octets")
    func updateEmptyRDataNeedsClassAnyOrNone() throws {
        let zone = Raw.question("example.com", type: 6)
        let inClass = Raw.header(flags: 0x2800, qd: 1, ns: 1) + zone + Raw.record("a.example.com", type: 1, rdata: [])
        #expect(throws: WireError(.badRData, at: 0)) { try Message(wire: inClass) }
        // Outside UPDATE the rule does not apply.
        let query = Raw.header(flags: 0x8000, qd: 1, an: 1) + Raw.question("example.com", rrClass: 255)
            + Raw.record("a.example.com", type: 1, rrClass: 255, rdata: [])
        #expect(throws: WireError(.badRData, at: 0)) { try Message(wire: query) }
        // Nor in the additional section of an UPDATE.
        let additional = Raw.header(flags: 0x2800, qd: 1, ar: 1) + zone + Raw.record("a.example.com", type: 5, rrClass: 255, rdata: [])
        #expect(throws: WireError(.truncated, at: 0)) { try Message(wire: additional) }
        // RDATA where RFC 2136 allows none is a FORMERR (§3.2.1, §3.4.1.2).
        let prerequisite = Raw.header(flags: 0x2800, qd: 1, an: 1) + zone + Raw.record("a.example.com", type: 1, rrClass: 254, rdata: Raw.a1)
        #expect(throws: WireError(.rdataLength, at: 0)) { try Message(wire: prerequisite) }
        let deletion = Raw.header(flags: 0x2800, qd: 1, ns: 1) + zone + Raw.record("a.example.com", type: 1, rrClass: 255, rdata: Raw.a1)
        #expect(throws: WireError(.rdataLength, at: 0)) { try Message(wire: deletion) }
        // Deleting one RR (update section, class NONE) needs the RR's RDATA.
        let deleteOne = Raw.header(flags: 0x2800, qd: 1, ns: 1) + zone + Raw.record("a.example.com", type: 1, rrClass: 254, rdata: [])
        #expect(throws: WireError(.badRData, at: 0)) { try Message(wire: deleteOne) }
        // An unknown type with no RDATA is fine anywhere.
        let unknown = Raw.header(flags: 0x8000, qd: 1, an: 1) + zone + Raw.record("a.example.com", type: 65280, rdata: [])
        #expect(try Message(wire: unknown).answers[0].rdata == .unknown(UnknownRData(type: RRType(65280), data: [])))
    }

    @Test("UPDATE section names are views of the same sections")
    func updateAccessors() {
        var message = Message(header: MessageHeader(opcode: .update))
        message.zones = [Question(name: "example.com.", type: .soa)]
        message.prerequisites = [ResourceRecord(owner: "a.example.com.", type: .a, rrClass: .any, ttl: 0,
                                                rdata: .unknown(UnknownRData(type: .a, data: [])))]
        message.updates = [ResourceRecord(owner: "b.example.com.", ttl: 60, rdata: .a(A(IPv4Address(192, 0, 2, 1))))]
        #expect(message.questions.count == 1 && message.answers.count == 1 && message.authorities.count == 1)
        #expect(message.zone?.name == "example.com.")
        message.zones.append(Question(name: "example.org.", type: .soa))
        #expect(message.zone == nil)
    }

    @Test("Built messages encode and decode back; counts include OPT and TSIG")
    func builtRoundTrip() throws {
        var message = Message(header: MessageHeader(id: 7, recursionDesired: true),
                              questions: [Question(name: "example.com.", type: .mx)])
        message.edns = EDNS(udpPayloadSize: 4096, dnssecOK: true, options: [.nsid(), .cookie([1, 2, 3, 4, 5, 6, 7, 8])])
        message.additionals = [ResourceRecord(owner: "mail.example.com.", ttl: 60, rdata: .aaaa(AAAA(IPv6Address("2001:db8::1")!)))]
        message.tsig = TSIGRecord(keyName: "key.", algorithm: "hmac-sha256.", timeSigned: 1_700_000_000,
                                  mac: Array(repeating: 1, count: 32), originalID: 7)
        let bytes = message.encode()
        #expect(Array(bytes[10..<12]) == [0, 3])
        #expect(message.wireCounts.additionals == 3)
        let decoded = try Message(wire: bytes)
        #expect(decoded == message)
        #expect(decoded.tsigLocation != nil)
    }
}
