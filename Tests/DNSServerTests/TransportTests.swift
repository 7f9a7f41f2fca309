import DNSCore
import Foundation
import NIOCore
import NIOPosix
import Testing
import TestSupport
@testable import DNSServer
#if canImport(Glibc)
import Glibc
#endif

/// A handler for transport tests: answers a query for `slow.` after a delay (in a
/// task), everything else at once, echoing the question with QR and AA set.
struct EchoHandler: RequestHandler {
    func handleImmediately(_ request: [UInt8], context: RequestContext) -> [[UInt8]]? {
        guard let message = try? Message(wire: request) else { return [] }
        if message.questions.first?.name == "slow." { return nil }
        return [answer(message, context)]
    }

    /// `fast.` is answered in place, marked `fast-udp`.
    func answerDatagram(_ request: UnsafeBufferPointer<UInt8>, into response: UnsafeMutableBufferPointer<UInt8>,
                        receivedAt: UInt64) -> Int? {
        guard let message = try? Message(wire: Array(request)), message.questions.first?.name == "fast." else { return nil }
        let bytes = answer(message, marker: "fast-udp")
        guard bytes.count <= response.count else { return nil }
        for (index, byte) in bytes.enumerated() { response[index] = byte }
        return bytes.count
    }

    func handle(_ request: [UInt8], context: RequestContext) async -> [[UInt8]] {
        guard let message = try? Message(wire: request) else { return [] }
        try? await Task.sleep(nanoseconds: 300_000_000)
        return [answer(message, context)]
    }

    func answer(_ message: Message, _ context: RequestContext) -> [UInt8] {
        answer(message, marker: context.transport == .tcp ? "tcp" : "udp")
    }

    func answer(_ message: Message, marker: String) -> [UInt8] {
        var response = Message(header: message.header, questions: message.questions)
        response.header.isResponse = true
        response.header.isAuthoritative = true
        response.answers = [ResourceRecord(owner: message.questions.first?.name ?? .root, ttl: 0,
                                           rdata: .txt(TXT(strings: [Array(marker.utf8)])))]
        return response.encode()
    }
}

@Suite("Transport (UDP and TCP listeners, RFC 7766)")
struct TransportTests {
    func listener(_ configuration: ListenerConfiguration) async throws -> (DNSListener, UInt16) {
        let listener = DNSListener(configuration: configuration, handler: EchoHandler())
        let bound = try await listener.start()
        return (listener, UInt16(bound[0].port!))
    }

    func query(_ name: DomainName, id: UInt16) -> [UInt8] {
        Message(header: MessageHeader(id: id), questions: [Question(name: name, type: .txt)]).encode()
    }

    @Test("A query over UDP and over TCP gets its answer from the handler")
    func udpAndTCP() async throws {
        let (listener, port) = try await listener(ListenerConfiguration(addresses: [try SocketAddress(ipAddress: "127.0.0.1", port: 0)]))
        defer { Task { await listener.stop() } }
        let overUDP = try await offloaded { try DNSProbe.query("a.example.", .txt, port: port, timeout: 10) }
        #expect(overUDP.answers.first?.rdata == .txt(TXT(strings: [Array("udp".utf8)])))
        let overTCP = try await offloaded { try DNSProbe.query("a.example.", .txt, port: port, tcp: true, timeout: 10) }
        #expect(overTCP.answers.first?.rdata == .txt(TXT(strings: [Array("tcp".utf8)])))
        // The slow path (a task) answers over UDP too.
        let slow = try await offloaded { try DNSProbe.query("slow.", .txt, port: port, timeout: 15) }
        #expect(slow.header.isResponse)
        await listener.stop()
    }

    @Test("TCP pipelining: three requests in one write, answers as they complete (the slow one last)")
    func pipelining() async throws {
        let (listener, port) = try await listener(ListenerConfiguration(addresses: [try SocketAddress(ipAddress: "127.0.0.1", port: 0)]))
        var bytes: [UInt8] = []
        for (id, name) in [(1, "slow."), (2, "b.example."), (3, "c.example.")] as [(UInt16, DomainName)] {
            let q = query(name, id: id)
            bytes += [UInt8(q.count >> 8), UInt8(q.count & 0xFF)] + q
        }
        let request = bytes
        let ids: [UInt16] = try await offloaded {
            let fd = try Self.connectTCP(port: port)
            defer { close(fd) }
            guard send(fd, request, request.count, 0) == request.count else { throw DNSProbe.Failure(description: "send") }
            var ids: [UInt16] = []
            for _ in 0..<3 { ids.append(try Message(wire: Self.readFrame(fd)).header.id) }
            return ids
        }
        #expect(Set(ids) == [1, 2, 3])
        #expect(ids.last == 1, "the slow answer should come last: \(ids)")
        await listener.stop()
    }

    @Test("An idle TCP connection is closed after the timeout")
    func idleTimeout() async throws {
        var configuration = ListenerConfiguration(addresses: [try SocketAddress(ipAddress: "127.0.0.1", port: 0)])
        configuration.tcpIdleTimeout = .milliseconds(300)
        let (listener, port) = try await listener(configuration)
        let (n, elapsed) = try await offloaded { () -> (Int, Double) in
            let fd = try Self.connectTCP(port: port)
            defer { close(fd) }
            let started = Date()
            var byte: UInt8 = 0
            let n = recv(fd, &byte, 1, 0)   // blocks until the server closes (or 10 s)
            return (n, Date().timeIntervalSince(started))
        }
        #expect(n == 0)
        #expect(elapsed < 3)
        await listener.stop()
    }

    @Test("Connections beyond the limit are closed at once; the others keep working")
    func connectionLimit() async throws {
        var configuration = ListenerConfiguration(addresses: [try SocketAddress(ipAddress: "127.0.0.1", port: 0)])
        configuration.maxTCPConnections = 2
        let (listener, port) = try await listener(configuration)
        let q = query("ok.example.", id: 9)
        let (thirdClosed, id) = try await offloaded { () -> (Bool, UInt16) in
            let first = try Self.connectTCP(port: port), second = try Self.connectTCP(port: port)
            defer { close(first); close(second) }
            _ = waitUntil(timeout: 2) { listener.openTCPConnections == 2 }
            let third = try Self.connectTCP(port: port)
            defer { close(third) }
            var byte: UInt8 = 0
            let closed = recv(third, &byte, 1, 0) <= 0
            let framed = [UInt8(q.count >> 8), UInt8(q.count & 0xFF)] + q
            guard send(first, framed, framed.count, 0) == framed.count else { throw DNSProbe.Failure(description: "send") }
            return (closed, try Message(wire: Self.readFrame(first)).header.id)
        }
        #expect(thirdClosed)
        #expect(id == 9)
        await listener.stop()
    }

    @Test("A length prefix over the limit closes the connection")
    func oversizedFrame() async throws {
        var configuration = ListenerConfiguration(addresses: [try SocketAddress(ipAddress: "127.0.0.1", port: 0)])
        configuration.maxTCPRequestSize = 512
        let (listener, port) = try await listener(configuration)
        let closed = try await offloaded { () -> Bool in
            let fd = try Self.connectTCP(port: port)
            defer { close(fd) }
            let header: [UInt8] = [0x10, 0x00]
            _ = send(fd, header, 2, 0)
            var byte: UInt8 = 0
            return recv(fd, &byte, 1, 0) <= 0
        }
        #expect(closed)
        // The server still answers others.
        #expect(try await offloaded { try DNSProbe.query("still.example.", .txt, port: port, timeout: 10) }.header.isResponse)
        await listener.stop()
    }

    @Test("IPv4 and IPv6 listeners side by side; stop() closes them")
    func ipv6AndStop() async throws {
        let v6 = try? SocketAddress(ipAddress: "::1", port: 0)
        var addresses = [try SocketAddress(ipAddress: "127.0.0.1", port: 0)]
        if let v6 { addresses.append(v6) }
        let listener = DNSListener(configuration: ListenerConfiguration(addresses: addresses), handler: EchoHandler())
        let bound = try await listener.start()
        #expect(bound.count == addresses.count)
        let port = UInt16(bound[0].port!)
        #expect(try await offloaded { try DNSProbe.query("a.", .txt, port: port, timeout: 10) }.header.isResponse)
        await listener.stop()
        let refused = try await offloaded { (try? DNSProbe.query("a.", .txt, port: port, tcp: true, timeout: 0.5)) == nil }
        #expect(refused)
    }

    @Test("A handler's answerDatagram answers UDP in place; nil there falls through to handleImmediately")
    func datagramFastPath() async throws {
        let (listener, port) = try await listener(ListenerConfiguration(addresses: [try SocketAddress(ipAddress: "127.0.0.1", port: 0)]))
        let fast = try await offloaded { try DNSProbe.query("fast.", .txt, port: port, timeout: 10) }
        #expect(fast.answers.first?.rdata == .txt(TXT(strings: [Array("fast-udp".utf8)])))
        let general = try await offloaded { try DNSProbe.query("b.example.", .txt, port: port, timeout: 10) }
        #expect(general.answers.first?.rdata == .txt(TXT(strings: [Array("udp".utf8)])))
        // Over TCP the same name takes the general path.
        let overTCP = try await offloaded { try DNSProbe.query("fast.", .txt, port: port, tcp: true, timeout: 10) }
        #expect(overTCP.answers.first?.rdata == .txt(TXT(strings: [Array("tcp".utf8)])))
        await listener.stop()
    }

    @Test("Runt datagrams (shorter than a header) do not stop the socket answering")
    func runtDatagrams() async throws {
        let (listener, port) = try await listener(ListenerConfiguration(addresses: [try SocketAddress(ipAddress: "127.0.0.1", port: 0)]))
        try await offloaded {
            let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
            defer { close(fd) }
            for datagram in [[], [0x12], [UInt8](repeating: 0xFF, count: 11)] as [[UInt8]] {
                let sent = IPv4Socket.send(fd, datagram, to: "127.0.0.1", port)
                guard sent == datagram.count else { throw DNSProbe.Failure(description: "sendto") }
            }
        }
        #expect(try await offloaded { try DNSProbe.query("after.example.", .txt, port: port, timeout: 10) }.header.isResponse)
        await listener.stop()
    }

    @Test("stop() closes the UDP sockets: the port can be bound again at once")
    func udpStopReleasesPort() async throws {
        let (listener, port) = try await listener(ListenerConfiguration(addresses: [try SocketAddress(ipAddress: "127.0.0.1", port: 0)]))
        #expect(try await offloaded { try DNSProbe.query("a.", .txt, port: port, timeout: 10) }.header.isResponse)
        let started = Date()
        await listener.stop()
        // A bound against a hang, with room for a busy test pool (two threads here).
        #expect(Date().timeIntervalSince(started) < 10)
        // Without SO_REUSEADDR a bind fails while any socket still holds the port.
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        let bound = IPv4Socket.bind(fd, "127.0.0.1", port)
        #expect(bound == 0, "UDP port \(port) still held after stop(): errno \(errno)")
    }

    @Test("Addresses parse from the command line")
    func parseAddress() throws {
        #expect(try ListenerConfiguration.parseAddress("127.0.0.1:5300").port == 5300)
        #expect(try ListenerConfiguration.parseAddress("127.0.0.1").port == 53)
        #expect(try ListenerConfiguration.parseAddress("[::1]:5301").port == 5301)
        #expect(throws: ListenerConfiguration.AddressError.self) { try ListenerConfiguration.parseAddress("localhost:53") }
        #expect(throws: ListenerConfiguration.AddressError.self) { try ListenerConfiguration.parseAddress("127.0.0.1:99999") }
    }

    // MARK: sockets

    static func connectTCP(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var tv = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        guard IPv4Socket.connect(fd, "127.0.0.1", port) == 0 else { throw DNSProbe.Failure(description: "connect failed") }
        return fd
    }

    static func readFrame(_ fd: Int32) throws -> [UInt8] {
        func exactly(_ count: Int) throws -> [UInt8] {
            var out = [UInt8](repeating: 0, count: count)
            var got = 0
            while got < count {
                let n = out.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + got, count - got, 0) }
                guard n > 0 else { throw DNSProbe.Failure(description: "closed") }
                got += n
            }
            return out
        }
        let header = try exactly(2)
        return try exactly(Int(header[0]) << 8 | Int(header[1]))
    }
}
