import Testing
@testable import DNSCore

@Suite("Size-limited encoding")
struct MessageTruncationTests {
    /// www.example.com A x `answers`, example.com NS ns1/ns2, glue A and AAAA for both.
    func response(answers: Int = 3, edns: EDNS? = EDNS(udpPayloadSize: 1232)) -> Message {
        let zone: DomainName = "example.com."
        var message = Message(header: MessageHeader(id: 99, isResponse: true, isAuthoritative: true),
                              questions: [Question(name: "www.example.com.", type: .a)], edns: edns)
        for i in 0..<answers {
            message.answers.append(ResourceRecord(owner: "www.example.com.", ttl: 300, rdata: .a(A(IPv4Address(192, 0, 2, UInt8(i))))))
        }
        for ns in ["ns1.example.com.", "ns2.example.com."] as [DomainName] {
            message.authorities.append(ResourceRecord(owner: zone, ttl: 300, rdata: .ns(NS(target: ns))))
        }
        for (i, ns) in (["ns1.example.com.", "ns2.example.com."] as [DomainName]).enumerated() {
            message.additionals.append(ResourceRecord(owner: ns, ttl: 300, rdata: .a(A(IPv4Address(192, 0, 2, UInt8(100 + i))))))
            message.additionals.append(ResourceRecord(owner: ns, ttl: 300, rdata: .a(A(IPv4Address(192, 0, 2, UInt8(200 + i))))))
            message.additionals.append(ResourceRecord(owner: ns, ttl: 300, rdata: .aaaa(AAAA(IPv6Address("2001:db8::\(i + 1)")!))))
        }
        return message
    }

    @Test("A message that fits is encoded whole")
    func fits() {
        let message = response()
        #expect(message.encode(maxSize: 512) == message.encode())
        #expect(message.encode(maxSize: message.encode().count) == message.encode())
    }

    @Test("RFC 2181 §9: dropping only additional data does not set TC, and drops whole RRsets")
    func additionalOnly() throws {
        let message = response()
        let full = message.encode()
        // Room for everything but the last glue record: ns2's whole address set goes...
        let limit = full.count - 1
        let cut = try Message(wire: message.encode(maxSize: limit))
        #expect(!cut.header.isTruncated)
        #expect(cut.answers == message.answers && cut.authorities == message.authorities)
        // ...ns2's AAAA did not fit, so it is dropped; its A RRset is kept whole.
        #expect(cut.additionals == Array(message.additionals.prefix(5)))
        #expect(cut.edns == message.edns)

        // With less room, ns2's two A records go together rather than one by one.
        let tighter = try Message(wire: message.encode(maxSize: limit - 28))
        #expect(tighter.additionals == Array(message.additionals.prefix(3)))
        #expect(!tighter.header.isTruncated)
    }

    @Test("RFC 1035 §4.1.1, RFC 2181 §9: dropping answer or authority records sets TC")
    func answerAndAuthority() throws {
        let message = response(answers: 40)
        let bytes = message.encode(maxSize: 512)
        #expect(bytes.count <= 512)
        let cut = try Message(wire: bytes)
        #expect(cut.header.isTruncated)
        #expect(cut.answers.count < 40 && !cut.answers.isEmpty)
        #expect(cut.answers == Array(message.answers.prefix(cut.answers.count)))
        #expect(cut.authorities.isEmpty && cut.additionals.isEmpty)
        // The OPT record is kept, so the client still learns our payload size.
        #expect(cut.edns == message.edns)

        // Cutting inside the authority section drops all additional data too.
        let small = response(answers: 1)
        let full = small.encode()
        let withoutGlue = small.encode(maxSize: full.count - 60)
        let decoded = try Message(wire: withoutGlue)
        if decoded.authorities.count < 2 {
            #expect(decoded.header.isTruncated)
            #expect(decoded.additionals.isEmpty)
        }
    }

    @Test("Without room for any record, header, question and OPT remain, with TC")
    func nothingFits() throws {
        let message = response()
        let bytes = message.encode(maxSize: 40)
        let cut = try Message(wire: bytes)
        #expect(cut.header.isTruncated)
        #expect(cut.questions == message.questions)
        #expect(cut.answers.isEmpty && cut.authorities.isEmpty && cut.additionals.isEmpty)
        #expect(cut.edns != nil)
        // An empty answer is not truncated.
        var empty = message
        empty.answers = []
        empty.authorities = []
        empty.additionals = []
        #expect(try !Message(wire: empty.encode(maxSize: 12)).header.isTruncated)
    }

    @Test("RFC 8945 §5.3: the TSIG record is kept last; an existing TC stays set")
    func tsigAndTC() throws {
        var message = response(answers: 40)
        message.tsig = TSIGRecord(keyName: "key.", algorithm: "hmac-sha256.", timeSigned: 1, mac: Array(repeating: 9, count: 32), originalID: 99)
        let bytes = message.encode(maxSize: 512)
        #expect(bytes.count <= 512)
        let cut = try Message(wire: bytes)
        #expect(cut.tsig == message.tsig)
        #expect(cut.header.isTruncated)

        var flagged = response(answers: 1)
        flagged.header.isTruncated = true
        #expect(try Message(wire: flagged.encode(maxSize: 4096)).header.isTruncated)
    }

    @Test("RFC 8945 §5.3: a signer appends TSIG after the MAC; ARCOUNT grows by one")
    func appendTSIG() throws {
        let message = response()
        var wire = message.encode()
        let tsig = TSIGRecord(keyName: "key.", algorithm: "hmac-sha256.", timeSigned: 1_700_000_000, mac: [1, 2, 3], originalID: 99)
        Message.appendTSIG(tsig, to: &wire)
        let decoded = try Message(wire: wire)
        #expect(decoded.tsig == tsig)
        #expect(decoded.additionals == message.additionals)
        var expected = message
        expected.tsig = tsig
        #expect(decoded == expected)
        #expect(expected.encode() == wire)
    }
}
