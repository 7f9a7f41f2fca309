import DNSCore
import Foundation
import Testing
import TestSupport
import TSIG

extension PrimaryEndToEndTests {
    @Test("Hidden: REFUSED to non-secondaries, to unsigned transfers and to ordinary queries; a signed multi-message AXFR verifies in dig")
    func hidden() async throws {
        guard try Self.peers("dig") else { return }
        try await onBlockingThread { try Self.runHidden() }
    }

    static func runHidden() throws {
        // 127.0.0.1 is the listed secondary (nothing listens at its port); 127.0.0.9 is
        // any other host.
        let primary = try PrimaryProcess(zones: ["example.test": zoneText()], secondaries: ["127.0.0.1:\(FreePort.find())"])
        defer { primary.remove() }
        try primary.start()

        func status(_ output: String) -> String? {
            guard let range = output.range(of: "status: ") else { return nil }
            return String(output[range.upperBound...].prefix { $0 != "," })
        }
        // Not a secondary: even SOA, even signed.
        var output = try primary.dig(["-b", "127.0.0.9", "example.test", "SOA"])
        #expect(status(output) == "REFUSED", "\(output)")
        output = try primary.dig(["-b", "127.0.0.9", "-y", primary.keyArgument, "example.test", "SOA"])
        #expect(status(output) == "REFUSED", "\(output)")
        output = try primary.dig(["-b", "127.0.0.9", "-y", primary.keyArgument, "example.test", "AXFR"])
        #expect(output.contains("Transfer failed") && !output.contains("filler1.example.test"), "\(output)")
        // A secondary's address without the key.
        output = try primary.dig(["example.test", "SOA"])
        #expect(status(output) == "REFUSED", "\(output)")
        output = try primary.dig(["example.test", "AXFR"])
        #expect(output.contains("Transfer failed") && !output.contains("filler1.example.test"), "\(output)")
        output = try primary.dig(["+tcp", "example.test", "IXFR=1"])
        #expect(output.contains("Transfer failed") || status(output) == "REFUSED", "\(output)")
        // With the key, only SOA and transfers: an ordinary query is refused.
        output = try primary.dig(["-y", primary.keyArgument, "www.example.test", "A"])
        #expect(status(output) == "REFUSED", "\(output)")
        output = try primary.dig(["-y", primary.keyArgument, "example.test", "NS"])
        #expect(status(output) == "REFUSED", "\(output)")
        output = try primary.dig(["-y", primary.keyArgument, "example.test", "SOA"])
        #expect(status(output) == "NOERROR" && !output.contains("tsig"), "\(output)")

        // The signed AXFR: several messages, each signed (RFC 8945 §5.3.1), dig checks them.
        let axfr = try primary.axfr("example.test")
        #expect(axfr.records.count == 600 + 7, "\(axfr.output.suffix(2000))")
        let size = axfr.output.split(separator: "\n").first { $0.contains("XFR size:") } ?? ""
        let messages = size.range(of: "messages ").map { Int(size[$0.upperBound...].prefix { $0.isNumber }) ?? 0 } ?? 0
        #expect(messages >= 3, "\(size)")
        #expect(!axfr.output.lowercased().contains("tsig verify failure") && !axfr.output.contains("Couldn't verify"), "\(axfr.output.suffix(2000))")
        // A wrong key is a TSIG error, not an answer.
        let wrong = KeyGenerator.generate(name: PrimaryProcess.keyName, algorithm: .hmacSHA256)
        output = try primary.dig(["-y", "hmac-sha256:update-key:\(Base64.encodeString(wrong.secret))", "example.test", "AXFR"])
        #expect(!output.contains("filler1.example.test"), "\(output)")

        // NOTIFY to the primary and other opcodes: refused too.
        var notify = Message(header: MessageHeader(id: 7), questions: [Question(name: "example.test.", type: .soa)])
        notify.header.opcode = .notify
        let answer = try Message(wire: DNSProbe.exchange(notify.encode(), port: primary.port))
        #expect(answer.header.rcode == .refused)

        // UPDATE: unsigned is refused with the reason as an Extended DNS Error.
        let unsigned = try UpdateClient(port: primary.port, key: nil)
            .update(zone: "example.test.", updates: [UpdateClient.a("sneaky.example.test.", "192.0.2.66")], edns: true)
        #expect(unsigned.header.rcode == .refused)
        #expect(unsigned.edns?.extendedDNSErrors.first?.extraText.contains("TSIG") == true, "\(unsigned.edns as Any)")

        // Signed, but the result would fail the zone's checks: REFUSED, reason in EDE.
        let client = UpdateClient(port: primary.port, key: primary.key)
        let cname = try client.update(zone: "example.test.", updates: [
            ResourceRecord(owner: "www.example.test.", type: .cname, rrClass: .in, ttl: 300, rdata: .cname(CNAME(target: "elsewhere.example.")))
        ], edns: true)
        #expect(cname.header.rcode == .refused)
        #expect(cname.edns?.extendedDNSErrors.first?.extraText.contains("CNAME") == true, "\(cname.edns as Any)")
        let glue = try client.update(zone: "example.test.", updates: [UpdateClient.deleteRRSet("ns1.example.test.", .a)], edns: true)
        #expect(glue.header.rcode == .refused)
        #expect(glue.edns?.extendedDNSErrors.first?.extraText.contains("apex-ns-no-address") == true, "\(glue.edns as Any)")
        let lastNS = try client.update(zone: "example.test.", updates: [
            UpdateClient.deleteRecord(ResourceRecord(owner: "example.test.", type: .ns, rrClass: .in, ttl: 300, rdata: .ns(NS(target: "ns1.example.test.")))),
            UpdateClient.deleteRecord(ResourceRecord(owner: "example.test.", type: .ns, rrClass: .in, ttl: 300, rdata: .ns(NS(target: "ns2.example.test.")))),
        ], edns: true)
        #expect(lastNS.header.rcode == .refused)
        #expect(lastNS.edns?.extendedDNSErrors.first?.extraText.contains("last apex NS") == true, "\(lastNS.edns as Any)")
        #expect(primary.serial("example.test.") == 1, "nothing refused changed the zone")
        #expect(primary.stop() == 0)
    }
}
