import DNSCore
import Testing
import ZoneCompiler
@testable import HiddenPrimary

@Suite("Outbound transfers: AXFR (RFC 5936) and IXFR (RFC 1995) messages")
struct TransferResponderTests {
    /// Serial 100 with `fillers` TXT records, then three UPDATEs (101, 102, 103).
    static func version(fillers: Int = 0, historyLimit: Int = 1000) throws -> PrimaryZone.PublishedVersion {
        var text = "$TTL 300\n@ SOA ns1 hostmaster 100 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n"
        for index in 0..<fillers { text += "f\(index) TXT \"filler \(index) with enough text to take room in a message\"\n" }
        var state = PrimaryZoneState(zone: Compiler.compile(text: text, name: "t", options: CompileOptions(origin: "example.")).zone,
                                     sourceDigest: 0, historyLimit: historyLimit)
        let processor = UpdateProcessor(policy: .allowAll(keys: ["k."]))
        for (index, host) in ["a", "b", "c"].enumerated() {
            var message = Message(header: MessageHeader(id: 1))
            message.header.opcode = .update
            message.zones = [Question(name: "example.", type: .soa)]
            message.updates = [ResourceRecord(owner: try DomainName(host, origin: "example."), ttl: 300,
                                              rdata: .a(A(IPv4Address("192.0.2.\(10 + index)")!)))]
            guard case .changed(let zone, let removed, let added, let soa) = processor.process(message, zone: state.zone, signer: "k.") else {
                Issue.record("update \(host) did not apply")
                continue
            }
            _ = try state.commitUpdate(zone: zone, removed: removed, added: added, requested: soa, serialPolicy: .increment, now: 0)
        }
        return PrimaryZone.PublishedVersion(zone: state.zone, history: state.history)
    }

    static func request(_ type: RRType, clientSerial: UInt32? = nil) -> Message {
        var message = Message(header: MessageHeader(id: 4242), questions: [Question(name: "example.", type: type)])
        if let clientSerial {
            message.authorities = [ResourceRecord(owner: "example.", ttl: 0, rdata: .soa(SOA(
                mname: "ns1.example.", rname: "hostmaster.example.", serial: clientSerial, refresh: 0, retry: 0, expire: 0, minimum: 0)))]
        }
        return message
    }

    static func ixfr(from serial: UInt32, _ version: PrimaryZone.PublishedVersion, udp: Bool) -> [Message] {
        TransferResponder.ixfr(request(.ixfr, clientSerial: serial), clientSerial: serial, version: version, overUDP: udp)
    }

    static func serials(_ records: [ResourceRecord]) -> [UInt32] {
        records.compactMap { if case .soa(let soa) = $0.rdata { return soa.serial } else { return nil } }
    }

    @Test("AXFR: SOA first and last, every record once; several messages, the question only in the first, all with the request's ID")
    func axfr() throws {
        let version = try Self.version(fillers: 600)
        let messages = TransferResponder.axfr(Self.request(.axfr), version: version)
        #expect(messages.count >= 3)
        #expect(messages.allSatisfy { $0.header.id == 4242 && $0.header.isResponse && $0.header.isAuthoritative })
        #expect(messages[0].questions.count == 1 && messages.dropFirst().allSatisfy { $0.questions.isEmpty })
        #expect(messages.allSatisfy { $0.encode().count < 65535 })
        let records = messages.flatMap(\.answers)
        #expect(records.first?.type == .soa && records.last?.type == .soa && Self.serials(records) == [103, 103])
        #expect(records.count == version.zone.recordCount + 1)
        #expect(Set(records.dropFirst().dropLast()).count == records.count - 2)
    }

    @Test("IXFR: the changesets from the client's serial, in the RFC 1995 sequence")
    func incremental() throws {
        let version = try Self.version()
        let messages = Self.ixfr(from: 101, version, udp: false)
        let records = messages.flatMap(\.answers)
        // current, (101 → 102: -, +b), (102 → 103: -, +c), current
        #expect(Self.serials(records) == [103, 101, 102, 102, 103, 103])
        #expect(records.filter { $0.type == .a }.map(\.owner) == ["b.example.", "c.example."])
        #expect(TransferResponder.ixfrForm(clientSerial: 101, version: version, overUDP: false).hasPrefix("incremental"))
    }

    @Test("IXFR: a client already current gets the SOA alone; over UDP only the SOA (go to TCP); beyond the history, the whole zone")
    func fallbacks() throws {
        let version = try Self.version(historyLimit: 2)
        let current = Self.ixfr(from: 103, version, udp: false)
        #expect(current.flatMap(\.answers).count == 1)
        let udp = Self.ixfr(from: 101, version, udp: true)
        #expect(udp.flatMap(\.answers).count == 1)
        // History holds 101 → 102 → 103 only: 100 gets the zone, AXFR-style.
        let old = Self.ixfr(from: 100, version, udp: false).flatMap(\.answers)
        #expect(Self.serials(old) == [103, 103] && old.count == version.zone.recordCount + 1)
        #expect(TransferResponder.ixfrForm(clientSerial: 100, version: version, overUDP: false).contains("full zone"))
        let recent = Self.ixfr(from: 101, version, udp: false).flatMap(\.answers)
        #expect(Self.serials(recent) == [103, 101, 102, 102, 103, 103])
    }
}
