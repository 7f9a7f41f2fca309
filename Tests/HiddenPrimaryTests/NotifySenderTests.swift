import DNSCore
import Foundation
import Logging
import NIOCore
import Testing
import TestSupport
@testable import HiddenPrimary
#if canImport(Glibc)
import Glibc
#endif

@Suite("NOTIFY sender: one in flight per secondary, the newest serial next")
struct NotifySenderTests {
    /// A secondary that answers each NOTIFY after `delay`, on a thread of its own, and
    /// records the serials it was told.
    final class SlowSecondary: @unchecked Sendable {
        let fd: Int32
        let port: Int
        private let lock = NSLock()
        private var serials: [UInt32] = []
        private var stopped = false
        var received: [UInt32] { lock.lock(); defer { lock.unlock() }; return serials }
        private var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }

        /// Ends the answering thread (within the 200 ms receive timeout) and closes the socket.
        func stop() { lock.lock(); stopped = true; lock.unlock() }

        /// Answers each NOTIFY after `delay`, except those for serials in `ignoring`.
        init(delay: useconds_t, ignoring: Set<UInt32> = []) throws {
            let socketFD = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
            fd = socketFD
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) } }
            port = Int(UInt16(bigEndian: address.sin_port))
            // The thread wakes every 200 ms to see whether it should stop; a loaded
            // machine may take seconds to send the first NOTIFY, so a quiet socket is no
            // reason to end. It ends on stop(), or after 60 s whatever happens.
            var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let fd = socketFD
            Thread.detachNewThread { [self] in
                defer { close(fd) }
                var buffer = [UInt8](repeating: 0, count: 4096)
                let deadline = Date().addingTimeInterval(60)
                while !isStopped && Date() < deadline {
                    var from = sockaddr_storage()
                    var fromLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
                    let count = withUnsafeMutablePointer(to: &from) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &fromLength) }
                    }
                    guard count > 0 else { continue }
                    guard let message = try? Message(wire: Array(buffer[0..<count])) else { return }
                    if case .soa(let soa) = message.answers.first?.rdata {
                        lock.lock(); serials.append(soa.serial); lock.unlock()
                        if ignoring.contains(soa.serial) { continue }
                    }
                    usleep(delay)
                    var answer = Message(header: message.header, questions: message.questions)
                    answer.header.isResponse = true
                    let wire = answer.encode()
                    _ = withUnsafePointer(to: &from) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, wire, wire.count, 0, $0, fromLength) }
                    }
                }
            }
        }
    }

    static func soa(_ serial: UInt32) -> ResourceRecord {
        ResourceRecord(owner: "example.", ttl: 300, rdata: .soa(SOA(mname: "ns.example.", rname: "hm.example.", serial: serial,
                                                                     refresh: 1, retry: 1, expire: 1, minimum: 1)))
    }

    @Test("Forty-nine serials in a burst to a slow secondary: a few NOTIFYs, in order, the last one the newest")
    func coalesces() async throws {
        let secondary = try SlowSecondary(delay: 50_000)
        let exchanger = try await DatagramExchanger.bind(to: try SocketAddress(ipAddress: "127.0.0.1", port: 0))
        let sender = NotifySender(exchanger: exchanger, key: nil, logger: Logger(label: "test"), clock: { UInt64(time(nil)) })
        let target = try SocketAddress(ipAddress: "127.0.0.1", port: secondary.port)
        for serial in UInt32(2)...50 {
            await sender.notify(zone: "example.", soa: Self.soa(serial), secondaries: [target])
            if serial == 30 {
                // A late delivery of an old serial changes nothing.
                await sender.notify(zone: "example.", soa: Self.soa(3), secondaries: [target])
            }
            // Back to back: how many NOTIFYs go out must not depend on how promptly
            // this task is scheduled on a loaded machine.
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while secondary.received.last != 50 && ContinuousClock.now < deadline {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        let received = secondary.received
        #expect(received.last == 50)
        #expect(received == received.sorted() && Set(received).count == received.count, "\(received)")
        #expect(received.count <= 10, "\(received)")
        print("NOTIFYs received: \(received)")
        secondary.stop()
        await exchanger.close()
    }

    /// A secondary that never answers serial 1, and a sender whose first try waits 10 s
    /// for an answer: a newer serial must go long before that (after 50 ms), and a bound
    /// of seconds survives a loaded machine.
    static func unansweredFirstSerial() async throws -> (SlowSecondary, DatagramExchanger, NotifySender, SocketAddress) {
        let secondary = try SlowSecondary(delay: 0, ignoring: [1])
        let exchanger = try await DatagramExchanger.bind(to: try SocketAddress(ipAddress: "127.0.0.1", port: 0))
        let sender = NotifySender(exchanger: exchanger, key: nil, logger: Logger(label: "test"),
                                  backoff: [.seconds(10), .seconds(10)], clock: { UInt64(time(nil)) })
        return (secondary, exchanger, sender, try SocketAddress(ipAddress: "127.0.0.1", port: secondary.port))
    }

    @Test("A NOTIFY left unanswered (the secondary was down) does not hold a new serial back until its retry")
    func unansweredDoesNotHoldBack() async throws {
        let (secondary, exchanger, sender, target) = try await Self.unansweredFirstSerial()
        await sender.notify(zone: "example.", soa: Self.soa(1), secondaries: [target])
        try await Task.sleep(nanoseconds: 100_000_000)
        let start = ContinuousClock.now
        await sender.notify(zone: "example.", soa: Self.soa(2), secondaries: [target])
        let deadline = ContinuousClock.now + .seconds(30)
        while secondary.received.last != 2 && ContinuousClock.now < deadline {
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        let elapsed = ContinuousClock.now - start
        #expect(secondary.received == [1, 2])
        #expect(elapsed < .seconds(5), "serial 2 arrived \(elapsed) after it was published")
        secondary.stop()
        await exchanger.close()
    }

    @Test("A newer serial that comes just after a NOTIFY went out still goes once that one has waited 50 ms, not at its retry")
    func newerSerialRightAfterASend() async throws {
        let (secondary, exchanger, sender, target) = try await Self.unansweredFirstSerial()
        await sender.notify(zone: "example.", soa: Self.soa(1), secondaries: [target])
        let deadline = ContinuousClock.now + .seconds(30)
        while secondary.received.isEmpty && ContinuousClock.now < deadline {
            try await Task.sleep(nanoseconds: 1_000_000)
        }
        // Serial 1 is out and will not be answered; serial 2 comes within its patience.
        let start = ContinuousClock.now
        await sender.notify(zone: "example.", soa: Self.soa(2), secondaries: [target])
        while secondary.received.last != 2 && ContinuousClock.now < deadline {
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        let elapsed = ContinuousClock.now - start
        #expect(secondary.received == [1, 2])
        #expect(elapsed < .seconds(5), "serial 2 arrived \(elapsed) after it was published (the first try waits 10 s)")
        secondary.stop()
        await exchanger.close()
    }
}
