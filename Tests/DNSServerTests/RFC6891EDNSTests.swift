import DNSCore
@testable import DNSServer
import Testing

/// RFC 6891 (EDNS) and RFC 1035 §4.2.1 / RFC 2181 §9 (sizes and truncation).
@Suite("RFC 6891 EDNS and truncation")
struct RFC6891EDNSTests {
    static let zone: String = {
        var text = """
        $TTL 3600
        @ SOA ns hostmaster 1 7200 3600 1209600 300
        @ NS ns
        ns A 192.0.2.1
        www A 192.0.2.2

        """
        // 20 TXT records of about 110 octets: about 2.3 kB.
        for i in 0..<20 { text += "big TXT \"\(String(repeating: "x", count: 100)) \(i)\"\n" }
        for i in 0..<8 { text += "mid TXT \"\(String(repeating: "y", count: 100)) \(i)\"\n" }
        return text
    }()

    let fixture = ResponderFixture(origin: "example.", zone)

    @Test("§7: an OPT answers an OPT, offering our payload size and echoing DO; none without")
    func optEcho() throws {
        let with = try fixture.ask("www.example.", .a, edns: EDNS(udpPayloadSize: 4096), dnssecOK: true)
        let edns = try #require(with.edns)
        #expect(edns.udpPayloadSize == 1232)
        #expect(edns.version == 0)
        #expect(edns.dnssecOK)
        #expect(edns.options.isEmpty)
        let without = try fixture.ask("www.example.", .a, edns: nil)
        #expect(without.edns == nil)
    }

    @Test("§6.1.3: a version above 0 gets BADVERS, with version 0, and no answer")
    func badVersion() throws {
        let response = try fixture.ask("www.example.", .a, edns: EDNS(version: 1))
        #expect(response.header.rcode == .badVers)
        #expect(response.edns?.version == 0)
        #expect(response.answers.isEmpty)
    }

    @Test("§4.2.1 of RFC 1035: without EDNS, 512 octets; bigger answers are cut to whole records with TC")
    func plain512() throws {
        let response = try fixture.ask("big.example.", .txt, edns: nil)
        #expect(response.header.isTruncated)
        let bytes = try #require(fixture.raw(ResponderFixture.query("big.example.", .txt, edns: nil).encode()))
        #expect(bytes.count <= 512)
        #expect(response.answers.count > 0 && response.answers.count < 20, "as many whole records as fit, as from BIND")
    }

    @Test("§6.2.5: a payload size below 512 counts as 512")
    func tinyPayload() throws {
        let bytes = try #require(fixture.raw(ResponderFixture.query("mid.example.", .txt, edns: EDNS(udpPayloadSize: 100)).encode()))
        #expect(bytes.count <= 512)
        #expect(try Message(wire: bytes).header.isTruncated)
    }

    @Test("§6.2.3: the client's size, up to our maximum (1232 by default)", arguments: [UInt16(512), 900, 1232, 4096, 65535])
    func payloadLimits(size: UInt16) throws {
        let query = ResponderFixture.query("mid.example.", .txt, edns: EDNS(udpPayloadSize: size))
        let bytes = try #require(fixture.raw(query.encode()))
        let limit = min(max(512, Int(size)), 1232)
        #expect(bytes.count <= limit)
        let response = try Message(wire: bytes)
        // 8 × ~115 octets fits in 1232, not in 900.
        #expect(response.header.isTruncated == (limit < 1000))
    }

    @Test("With EDNS a truncated answer carries no records, as from BIND 9.18")
    func truncatedEmpty() throws {
        let response = try fixture.ask("big.example.", .txt, edns: EDNS(udpPayloadSize: 1232))
        #expect(response.header.isTruncated)
        #expect(response.header.isAuthoritative)
        #expect(response.answers.isEmpty && response.authorities.isEmpty && response.additionals.isEmpty)
        #expect(response.edns != nil)
    }

    @Test("Over TCP nothing is truncated")
    func tcp() throws {
        let response = try fixture.ask("big.example.", .txt, edns: nil, transport: .tcp)
        #expect(!response.header.isTruncated)
        #expect(response.answers.count == 20)
    }

    @Test("A larger maximum is configurable")
    func configuredMaximum() throws {
        let fixture = ResponderFixture(origin: "example.", Self.zone, configuration: .init(maxUDPPayload: 4096))
        let response = try fixture.ask("big.example.", .txt, edns: EDNS(udpPayloadSize: 4096))
        #expect(!response.header.isTruncated)
        #expect(response.answers.count == 20)
    }

    @Test("Additional data that does not fit is left out without TC (RFC 2181 §9)")
    func additionalDropped() throws {
        var text = Self.zone
        for i in 0..<12 { text += "@ MX \(i) mx\(i).example.\nmx\(i) A 192.0.2.\(i)\nmx\(i) AAAA 2001:db8::\(i)\n" }
        let fixture = ResponderFixture(origin: "example.", text)
        let response = try fixture.ask("example.", .mx, edns: nil)
        #expect(!response.header.isTruncated)
        #expect(response.answers.count == 12)
        #expect(response.additionals.count < 24)
    }
}
