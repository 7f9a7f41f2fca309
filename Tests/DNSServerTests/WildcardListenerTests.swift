import DNSCore
import Foundation
import Glibc
import NIOCore
import Testing
import TestSupport
@testable import DNSServer

@Suite("UDP on the wildcard address")
struct WildcardListenerTests {
    /// In a network namespace of the test's own (never on the host's addresses): a
    /// socket on 0.0.0.0 with the loopback carrying 127.0.0.1-3. Without packet info
    /// every answer would leave from 127.0.0.1, the address the route to the client
    /// prefers, and a client that asked 127.0.0.2 would drop it.
    @Test("Bound to 0.0.0.0, each answer leaves from the address its query went to: in place, at once, and from a task")
    func answersFromDestination() async throws {
        guard NetworkNamespace.isAvailable else { return try Peers.skip("ip netns (iproute2, as root)") }
        let namespace = try NetworkNamespace(addresses: ["127.0.0.2", "127.0.0.3"])
        defer { namespace.delete() }
        let server = try await namespace.onThreadInside {
            try UDPSocket(binding: try SocketAddress(ipAddress: "0.0.0.0", port: 0), reusePort: false, receiveBufferSize: 1 << 20)
        }
        #expect(server.answersFromDestination)
        let loop = UDPServeLoop(socket: server, handler: EchoHandler(), batch: 8, maxRequestSize: 4096, clock: { 0 })
        try loop.start(name: "test-wildcard")
        let port = UInt16(server.localAddress.port ?? 0)
        let names: [DomainName] = ["fast.", "a.example.", "slow."]  // answerDatagram, handleImmediately, handle
        let addresses = ["127.0.0.1", "127.0.0.2", "127.0.0.3"]
        let seen = try await namespace.onThreadInside { () -> [String] in
            var seen: [String] = []
            for address in addresses {
                for name in names {
                    seen.append("\(name) to \(address) from \(try Self.ask(name, address: address, port: port))")
                }
            }
            return seen
        }
        await loop.stop()
        let expected = addresses.flatMap { address in names.map { "\($0) to \(address) from \(address)" } }
        #expect(seen == expected)
    }

    /// Asks `address`:`port` for `name` TXT and returns the address the answer came from.
    static func ask(_ name: DomainName, address: String, port: UInt16) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let query = Message(header: MessageHeader(id: 7), questions: [Question(name: name, type: .txt)]).encode()
        let sent = IPv4Socket.send(fd, query, to: address, port)
        guard sent == query.count else { throw DNSProbe.Failure(description: "sendto \(address)") }
        var source = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        var buffer = [UInt8](repeating: 0, count: 1500)
        let received = withUnsafeMutablePointer(to: &source) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &length) }
        }
        guard received > 0 else { throw DNSProbe.Failure(description: "no answer for \(name) from \(address)") }
        return String(cString: inet_ntoa(source.sin_addr))
    }
}
