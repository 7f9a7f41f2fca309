import DNSCore
import DNSServer
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing
import TestSupport
import TSIG
import ZoneCompiler
@testable import Secondary

/// The driver with a scripted primary: IXFR that does not apply falls back to AXFR,
/// and the NIO client gives up on silent primaries at its deadlines.
@Suite("Zone refresher and XFR client")
struct ZoneRefresherTests {
    typealias F = Fixture

    /// A primary that answers from a script: its SOA, and for IXFR a difference sequence
    /// that removes a record the secondary never had.
    final class ScriptedPrimary: ZoneTransferClient {
        let serial = NIOLockedValueBox<UInt32>(1)
        let requests = NIOLockedValueBox<[String]>([])

        func zone(_ serial: UInt32) -> [ResourceRecord] {
            F.records(hosts: 5) + (serial > 1 ? [F.a("added", 50)] : [])
        }

        func querySOA(zone: DomainName, primary: SocketAddress, key: TSIGKey?) async throws(TransferError) -> SOAAnswer {
            SOAAnswer(soa: F.soa(serial.withLockedValue { $0 }))
        }

        func transfer(zone: DomainName, primary: SocketAddress, currentSOA: ResourceRecord?, key: TSIGKey?)
            async throws(TransferError) -> TransferOutcome {
            let now = serial.withLockedValue { $0 }
            requests.withLockedValue { $0.append(currentSOA == nil ? "AXFR" : "IXFR") }
            if let currentSOA {
                let changeset = Changeset(soaFrom: currentSOA, soaTo: F.soa(now), removed: [F.a("never-there", 1)],
                                          added: [F.a("added", 50)])
                return TransferOutcome(content: .incremental(soa: F.soa(now), changesets: [changeset]), messages: 1, bytes: 0)
            }
            return TransferOutcome(content: .full(soa: F.soa(now), zone: F.zone(serial: now, self.zone(now))), messages: 1, bytes: 0)
        }
    }

    @Test("An IXFR that does not apply falls back to AXFR, and the new version is published and saved")
    func ixfrFallback() async throws {
        let data = try ScratchDirectory("refresher")
        defer { data.remove() }
        let primary = ScriptedPrimary()
        let catalog = ZoneCatalog()
        let board = SecondaryStatusBoard(zones: [F.origin])
        let (logger, log) = RecordingLogHandler.logger("refresher")
        let refresher = ZoneRefresher(
            origin: F.origin, primaries: [try SocketAddress(ipAddress: "127.0.0.1", port: 53)], key: nil, client: primary,
            gate: VersionGate(), store: ZoneStore(directory: data.path), catalog: catalog, board: board,
            expirePolicy: .followSOA, clock: SystemSecondaryClock(), logger: logger)
        await refresher.start()
        #expect(try await eventually(5) { catalog.snapshot.zone(for: F.origin)?.soa?.serial == 1 })

        primary.serial.withLockedValue { $0 = 2 }
        await refresher.notify(primary: 0, serial: 2)
        #expect(try await eventually(5) { catalog.snapshot.zone(for: F.origin)?.soa?.serial == 2 })
        #expect(primary.requests.withLockedValue { $0 } == ["AXFR", "IXFR", "AXFR"])
        #expect(board[F.origin]?.ixfrFallbackCount == 1)
        #expect(log.contains("does not apply to serial 1"))
        #expect(log.contains("serial 2 transferred by AXFR"))
        // Served first, then saved: wait for the file.
        let store = ZoneStore(directory: data.path)
        #expect(try await eventually(30) { (try? store.load(F.origin))??.zone.soa?.serial == 2 })
        await refresher.stop()
    }

    @Test("A primary that accepts the connection and says nothing times out; so does a silent SOA query")
    func deadlines() async throws {
        // A listening TCP socket nobody accepts from, and a UDP socket nobody reads.
        let tcp = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let udp = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(tcp); close(udp) }
        let port = FreePort.find()
        for fd in [tcp, udp] {
            #expect(IPv4Socket.bind(fd, "127.0.0.1", port) == 0)
        }
        listen(tcp, 4)
        let client = NIOZoneTransferClient(group: MultiThreadedEventLoopGroup.singleton, sourceAddress: "127.0.0.1",
                                           limits: TransferLimits(transferTimeout: 0.5, queryTimeout: 0.3),
                                           clock: { Date().timeIntervalSince1970 })
        let silent = try SocketAddress(ipAddress: "127.0.0.1", port: Int(port))
        let began = Date()
        do {
            _ = try await client.transfer(zone: F.origin, primary: silent, currentSOA: nil, key: nil)
            Issue.record("a silent primary completed a transfer")
        } catch {
            #expect(error.kind == .timeout)
        }
        do {
            _ = try await client.querySOA(zone: F.origin, primary: silent, key: nil)
            Issue.record("a silent primary answered")
        } catch {
            #expect(error.kind == .timeout)
        }
        // Bounded, not timed: a hang would take the full test timeout.
        #expect(Date().timeIntervalSince(began) < 30)
    }
}

extension ZoneRefresherTests {
    @Test("RFC 7314 §4: the SOA query asks for EXPIRE; a server without EDNS (FORMERR) is asked again without it")
    func expireAndEDNSFallback() async throws {
        // A UDP server on a thread: FORMERR to any query with an OPT record, else the SOA
        // with no EDNS; then stops after answering the plain one.
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        let port = FreePort.find()
        #expect(IPv4Socket.bind(fd, "127.0.0.1", port) == 0)
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let seen = NIOLockedValueBox<[Bool]>([])
        // Bounded by time (30 s) and count (8 requests); it ends after the plain query.
        let finished = NIOLockedValueBox(false)
        let server = Thread {
            defer { finished.withLockedValue { $0 = true } }
            let deadline = Date().addingTimeInterval(30)
            var handled = 0
            while Date() < deadline && handled < 8 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                var peer = sockaddr_storage()
                var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
                let count = withUnsafeMutablePointer(to: &peer) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &length) }
                }
                guard count > 0, let query = try? Message(wire: Array(buffer[0..<count])) else { continue }
                handled += 1
                seen.withLockedValue { $0.append(query.edns != nil) }
                var answer = Message(header: MessageHeader(id: query.header.id, isResponse: true, isAuthoritative: true),
                                     questions: query.questions)
                if query.edns != nil {
                    answer.header.rcode = .formErr
                } else {
                    answer.answers = [F.soa(9)]
                }
                let wire = answer.encode()
                _ = withUnsafePointer(to: &peer) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, wire, wire.count, 0, $0, length) }
                }
                if query.edns == nil { return }
            }
        }
        server.start()
        let client = NIOZoneTransferClient(group: MultiThreadedEventLoopGroup.singleton, sourceAddress: "127.0.0.1",
                                           limits: TransferLimits(queryTimeout: 10), clock: { Date().timeIntervalSince1970 })
        let answer = try await client.querySOA(zone: F.origin, primary: try SocketAddress(ipAddress: "127.0.0.1", port: Int(port)),
                                               key: nil)
        #expect(answer.serial == 9 && answer.expire == nil)
        #expect(seen.withLockedValue { $0 } == [true, false])
        // The socket closes only once the thread is done with it (at most its 30 s bound).
        _ = try await eventually(35) { finished.withLockedValue { $0 } }
    }

    @Test("RFC 7314 §3: the EXPIRE a primary returns is read from its SOA answer")
    func expireRead() throws {
        let query = SOAQuery(zone: F.origin, id: 7, key: nil, now: 0)
        #expect(try Message(wire: query.request).edns?.expire == .some(nil))
        var answer = Message(header: MessageHeader(id: 7, isResponse: true, isAuthoritative: true),
                             questions: [Question(name: F.origin, type: .soa)], answers: [F.soa(3)])
        answer.edns = EDNS(options: [.expire(1234)])
        #expect(try query.answer(answer.encode(), now: 0) == SOAAnswer(soa: F.soa(3), expire: 1234))
        answer.header.rcode = .formErr
        #expect(query.isEDNSRefusal(answer.encode()))
        #expect(!SOAQuery(zone: F.origin, id: 7, key: nil, now: 0, askExpire: false).isEDNSRefusal(answer.encode()))
    }
}

#if canImport(Glibc)
import Glibc
#endif
