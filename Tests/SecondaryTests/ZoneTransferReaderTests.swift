import DNSCore
import Testing
import ZoneCompiler
@testable import Secondary

/// The three shapes of an IXFR answer and AXFR's one (RFC 1995 §4, RFC 5936 §2.2),
/// across message boundaries, and what makes an answer unusable.
@Suite("Zone transfer reader (RFC 1995, RFC 5936)")
struct ZoneTransferReaderTests {
    typealias F = Fixture

    @Test("AXFR: SOA, records, SOA, split over several messages")
    func axfrAcrossMessages() throws {
        var reader = ZoneTransferReader(origin: F.origin, request: .axfr)
        #expect(try !reader.consume(F.message(id: 1, .axfr, [F.soa(5), F.ns("ns1")])))
        #expect(try !reader.consume(F.message(id: 1, .axfr, [F.a("ns1", 1)], question: false)))
        #expect(try reader.consume(F.message(id: 1, .axfr, [F.a("host", 3), F.soa(5)], question: false)))
        #expect(try reader.content() == .full(soa: F.soa(5), zone: F.zone(serial: 5, [F.ns("ns1"), F.a("ns1", 1), F.a("host", 3)])))
    }

    @Test("RFC 1995 §4: a lone SOA not newer than ours means up to date")
    func ixfrUpToDate() throws {
        var reader = ZoneTransferReader(origin: F.origin, request: .ixfr(currentSerial: 7))
        #expect(try reader.consume(F.message(id: 1, .ixfr, [F.soa(7)])))
        #expect(try reader.content() == .upToDate(soa: F.soa(7)))
    }

    @Test("RFC 1995 §7 example: two difference sequences, then the new SOA")
    func ixfrIncremental() throws {
        var reader = ZoneTransferReader(origin: F.origin, request: .ixfr(currentSerial: 1))
        let answers = [F.soa(3),
                       F.soa(1), F.a("nezu", 1), F.soa(2), F.a("jain", 2),
                       F.soa(2), F.a("jain", 2), F.soa(3), F.a("jain", 3), F.a("jain", 4),
                       F.soa(3)]
        #expect(try reader.consume(F.message(id: 1, .ixfr, answers)))
        let expected: [Changeset] = [
            Changeset(soaFrom: F.soa(1), soaTo: F.soa(2), removed: [F.a("nezu", 1)], added: [F.a("jain", 2)]),
            Changeset(soaFrom: F.soa(2), soaTo: F.soa(3), removed: [F.a("jain", 2)], added: [F.a("jain", 3), F.a("jain", 4)]),
        ]
        #expect(try reader.content() == .incremental(soa: F.soa(3), changesets: expected))
    }

    @Test("An IXFR answered with the whole zone (AXFR form) is a full transfer")
    func ixfrAnsweredWithFullZone() throws {
        var reader = ZoneTransferReader(origin: F.origin, request: .ixfr(currentSerial: 1))
        #expect(try reader.consume(F.message(id: 1, .ixfr, [F.soa(4), F.ns("ns1"), F.a("ns1", 1), F.soa(4)])))
        #expect(try reader.content() == .full(soa: F.soa(4), zone: F.zone(serial: 4, [F.ns("ns1"), F.a("ns1", 1)])))
    }

    @Test("Out-of-order difference sequences, records outside the zone, error codes and records after the end are refused")
    func malformed() throws {
        var reader = ZoneTransferReader(origin: F.origin, request: .ixfr(currentSerial: 1))
        #expect(throws: TransferError.self) {
            try reader.consume(F.message(id: 1, .ixfr, [F.soa(3), F.soa(1), F.soa(2), F.soa(5), F.soa(6), F.soa(3)]))
        }
        var outside = ZoneTransferReader(origin: F.origin, request: .axfr)
        let stray = ResourceRecord(owner: "example.com.", ttl: 1, rdata: .a(A(IPv4Address(1, 2, 3, 4))))
        #expect(throws: TransferError.self) { try outside.consume(F.message(id: 1, .axfr, [F.soa(1), stray, F.soa(1)])) }
        var refused = ZoneTransferReader(origin: F.origin, request: .axfr)
        var message = F.message(id: 1, .axfr, [])
        message.header.rcode = .notAuth
        do {
            try refused.consume(message)
            Issue.record("NOTAUTH accepted")
        } catch {
            #expect(error.kind == .refused)
        }
        var after = ZoneTransferReader(origin: F.origin, request: .axfr)
        #expect(throws: TransferError.self) { try after.consume(F.message(id: 1, .axfr, [F.soa(1), F.ns("ns1"), F.soa(1), F.ns("ns1")])) }
        var noStart = ZoneTransferReader(origin: F.origin, request: .axfr)
        #expect(throws: TransferError.self) { try noStart.consume(F.message(id: 1, .axfr, [F.ns("ns1")])) }
    }

    @Test("The record limit stops a transfer that never ends")
    func recordLimit() throws {
        var reader = ZoneTransferReader(origin: F.origin, request: .axfr, maxRecords: 10)
        do {
            try reader.consume(F.message(id: 1, .axfr, [F.soa(1)] + (0..<20).map { F.a("h\($0)", UInt8($0)) }))
            Issue.record("limit not applied")
        } catch {
            #expect(error.kind == .tooLarge)
        }
    }

    @Test("An answer that ends early is not content")
    func endsEarly() throws {
        var reader = ZoneTransferReader(origin: F.origin, request: .axfr)
        #expect(try !reader.consume(F.message(id: 1, .axfr, [F.soa(1), F.ns("ns1")])))
        #expect(throws: TransferError.self) { try reader.content() }
    }
}
