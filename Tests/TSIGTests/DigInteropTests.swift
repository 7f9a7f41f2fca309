import DNSCore
import Foundation
import Testing
import TestSupport
@testable import TSIG
#if canImport(Glibc)
import Glibc
#endif

/// BIND's dig signs a query; we verify it, answer, and sign the answer with the
/// request's MAC; dig verifies ours. Every algorithm, both directions.
@Suite("TSIG interop with BIND's dig")
struct DigInteropTests {
    /// A UDP socket on 127.0.0.1 with a free port, closed by the caller.
    struct UDPSocket {
        let fd: Int32
        let port: UInt16

        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
            self.fd = fd
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            self.port = UInt16(bigEndian: address.sin_port)
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        /// One datagram and who sent it; nil on timeout.
        func receive() -> ([UInt8], sockaddr_storage)? {
            var buffer = [UInt8](repeating: 0, count: 65535)
            var from = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let count = withUnsafeMutablePointer(to: &from) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &length) }
            }
            guard count > 0 else { return nil }
            return (Array(buffer[0..<count]), from)
        }

        func send(_ bytes: [UInt8], to address: sockaddr_storage) {
            var address = address
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, bytes, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
    }

    /// Runs dig against a one-shot responder that signs its answer with `answerKey`.
    func exchange(queryKey: TSIGKey, answerKey: TSIGKey) throws -> (verified: TSIGVerifier.Outcome, digOutput: String)? {
        guard let dig = Peers.find("dig") else {
            try Peers.skip("dig")
            return nil
        }
        let socket = try UDPSocket()
        defer { close(socket.fd) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dig)
        process.arguments = ["@127.0.0.1", "-p", String(socket.port), "+tries=1", "+time=5", "+norecurse",
                             "-y", "\(queryKey.algorithm.bindName):\(queryKey.name.description):\(Base64.encodeString(queryKey.secret))",
                             "example.", "SOA"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        guard let (query, client) = socket.receive() else {
            Issue.record("dig sent nothing")
            return nil
        }
        let message = try Message(wire: query)
        let now = UInt64(Date().timeIntervalSince1970)
        let outcome = TSIGVerifier.verify(query, message, keyring: TSIGKeyring([queryKey]), now: now)
        guard case .valid(_, let requestMAC) = outcome else { return (outcome, "") }

        var response = Message(header: message.header, questions: message.questions)
        response.header.isResponse = true
        response.header.isAuthoritative = true
        response.answers = [ResourceRecord(owner: "example.", ttl: 300,
                                           rdata: .soa(SOA(mname: "ns.example.", rname: "hostmaster.example.", serial: 7,
                                                           refresh: 3600, retry: 900, expire: 604800, minimum: 300)))]
        response.edns = message.edns.map { EDNS(udpPayloadSize: 1232, version: 0, dnssecOK: $0.dnssecOK) }
        let signed = TSIGSigner.sign(response.encode(), key: answerKey, timeSigned: now, requestMAC: requestMAC).wire
        socket.send(signed, to: client)
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (outcome, output)
    }

    @Test("dig -y verifies our signed answers; we verify dig's signed queries", arguments: TSIGAlgorithm.all)
    func roundTrip(_ algorithm: TSIGAlgorithm) async throws {
        try await onBlockingThread { try runRoundTrip(algorithm) }
    }

    func runRoundTrip(_ algorithm: TSIGAlgorithm) throws {
        let key = KeyGenerator.generate(name: "interop.key.", algorithm: algorithm)
        guard let (outcome, output) = try exchange(queryKey: key, answerKey: key) else { return }
        guard case .valid = outcome else {
            Issue.record("dig's query did not verify: \(outcome)")
            return
        }
        #expect(output.contains("status: NOERROR"), "\(output)")
        #expect(output.contains("TSIG PSEUDOSECTION"), "\(output)")
        #expect(!output.contains("Couldn't verify"), "\(output)")
        #expect(output.contains("serial") || output.contains(" 7 3600 900 604800 300"), "\(output)")
    }

    @Test("dig rejects an answer signed with another secret")
    func wrongSecret() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runWrongSecret() }
    }

    func runWrongSecret() throws {
        let key = KeyGenerator.generate(name: "interop.key.", algorithm: .hmacSHA256)
        var other = key
        other.secret = KeyGenerator.generate(name: "x.", algorithm: .hmacSHA256).secret
        guard let (_, output) = try exchange(queryKey: key, answerKey: other) else { return }
        #expect(output.contains("Couldn't verify") || output.contains("tsig verify failure") || output.contains("BADSIG"), "\(output)")
    }
}
