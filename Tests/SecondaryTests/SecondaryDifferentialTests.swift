import DNSCore
import Foundation
import Logging
import NIOCore
import Secondary
import Testing
import TestSupport
import ZoneCompiler
#if canImport(Glibc)
import Glibc
#endif

/// Issue 3's differential test end to end: BIND named serves a signed zone of more
/// than 10k records with every feature the responder handles; our secondary transfers
/// it from that named and serves it; the same queries go to both over the network and
/// must get the same RCODE, AA and TC flags, and answer and authority sets (the rules
/// for the documented exceptions are in `ResponseComparison`). Then the secondary takes
/// a burst of malformed packets and must still answer.
@Suite("Our secondary answers like the BIND primary it transferred from", .serialized)
struct SecondaryDifferentialTests {
    static let queryCount = ProcessInfo.processInfo.environment["DNSPLANE_DIFF_QUERIES"].flatMap(Int.init) ?? 2000
    static let seed: UInt64 = 0xD1FF_2026

    @Test("Same answers as named, through a transfer; malformed packets change nothing")
    func sameAnswersThroughATransfer() async throws {
        guard Peers.find("named") != nil, let keygen = Peers.find("dnssec-keygen"),
              let signzone = Peers.find("dnssec-signzone") else {
            try Peers.skip("named, dnssec-keygen and dnssec-signzone")
            return
        }
        let directory = try ScratchDirectory("secondary-differential")
        defer { directory.remove() }
        let (text, names) = DifferentialZone().text()
        try directory.write("unsigned.zone", text)
        for extra in [["-f", "KSK"], []] {
            try Peers.run(keygen, ["-q", "-K", directory.path, "-a", "ECDSAP256SHA256"] + extra + ["-n", "ZONE", "diff.test"])
        }
        let signedPath = directory.path("signed.zone")
        let signing = try Peers.run(signzone, ["-q", "-K", directory.path, "-d", directory.path, "-S", "-o", "diff.test",
                                              "-f", signedPath, directory.path("unsigned.zone")])
        try #require(FileManager.default.fileExists(atPath: signedPath), "dnssec-signzone failed: \(signing)")
        let signed = Compiler.compile(file: signedPath, options: CompileOptions(origin: DifferentialZone.origin))
        let unsigned = Compiler.compile(text: text, options: CompileOptions(origin: DifferentialZone.origin))
        #expect(unsigned.zone.recordCount >= 10_000)

        let named = try NamedServer(zones: [.init(name: "diff.test", role: .primary(file: signedPath))],
                                    minimalResponses: "no-auth")
        try named.start(readyZone: DifferentialZone.origin)
        defer { named.stop() }
        let serial = try #require(signed.zone.soa?.serial)

        // Our secondary on 127.0.0.2, transferring from named on 127.0.0.1.
        var logger = Logger(label: "differential-secondary")
        logger.logLevel = .warning
        let port = FreePort.find(on: "127.0.0.2")
        let configuration = SecondaryConfiguration(
            dataDirectory: directory.path("secondary"),
            listen: [try SocketAddress(ipAddress: "127.0.0.2", port: Int(port))],
            zones: [DifferentialZone.origin], primaries: [try SocketAddress(ipAddress: named.address, port: Int(named.port))],
            key: nil, expirePolicy: .followSOA, limits: TransferLimits(transferTimeout: 60, queryTimeout: 2), initialRetry: 1)
        let secondary = SecondaryServer(configuration: configuration, logger: logger)
        try await secondary.start()
        let transferred = try await offloaded {
            waitUntil(timeout: 60) { DNSProbe.serial(of: DifferentialZone.origin, server: "127.0.0.2", port: port) == serial }
        }
        guard transferred else {
            await secondary.stop()
            Issue.record("our secondary did not serve serial \(serial) within 60 s")
            return
        }

        // The same queries to both, over UDP, with every eighth also over TCP.
        var generator = DifferentialQueries(names: names, seed: Self.seed)
        let queries = (0..<Self.queryCount).map { _ in generator.query() }
        let namedAddress = named.address, namedPort = named.port
        let results = try await offloaded { () -> (same: Int, allowed: [String: Int], differences: [String]) in
            let comparison = ResponseComparison()
            var same = 0
            var allowed: [String: Int] = [:]
            var differences: [String] = []
            for (index, query) in queries.enumerated() {
                let bytes = query.encode()
                let reference = try DNSProbe.exchange(bytes, server: namedAddress, port: namedPort, timeout: 5)
                let ours = try DNSProbe.exchange(bytes, server: "127.0.0.2", port: port, timeout: 5)
                var verdict = comparison.compare(reference: reference, candidate: ours, query: query)
                if verdict == .truncationDiffers {
                    let referenceFull = try DNSProbe.exchange(bytes, server: namedAddress, port: namedPort, tcp: true, timeout: 5)
                    let oursFull = try DNSProbe.exchange(bytes, server: "127.0.0.2", port: port, tcp: true, timeout: 5)
                    verdict = comparison.compare(reference: reference, candidate: ours, query: query,
                                                 referenceFull: referenceFull, candidateFull: oursFull)
                }
                if index % 8 == 0 {
                    let referenceTCP = try DNSProbe.exchange(bytes, server: namedAddress, port: namedPort, tcp: true, timeout: 5)
                    let oursTCP = try DNSProbe.exchange(bytes, server: "127.0.0.2", port: port, tcp: true, timeout: 5)
                    let tcpVerdict = comparison.compare(reference: referenceTCP, candidate: oursTCP, query: query, udp: false)
                    if tcpVerdict != .same { differences.append("\(query.questions[0]) over TCP: \(tcpVerdict)") }
                }
                switch verdict {
                case .same: same += 1
                case .allowed(let rule): allowed[rule, default: 0] += 1
                case .truncationDiffers: differences.append("\(query.questions[0]): TC differs")
                case .different(let problems): differences.append("\(query.questions[0]): \(problems.joined(separator: "; "))")
                }
            }
            return (same, allowed, differences)
        }
        print("secondary differential: \(queries.count) queries, \(results.same) same, allowed \(results.allowed), \(results.differences.count) different")
        for difference in results.differences.prefix(30) { print("  DIFF \(difference)") }
        #expect(results.differences.isEmpty, "\(results.differences.count) responses differ from BIND's")
        #expect(results.same + results.allowed.values.reduce(0, +) == queries.count)

        // Malformed packets over UDP and TCP, then a normal query must still be answered.
        let sent = try await offloaded { () -> Int in
            var rng = SplitMix64(seed: 0xBAD)
            var count = 0
            let valid = queries[0].encode()
            var hostile: [[UInt8]] = [
                [], [0x12], Array(valid.prefix(11)),
                [0x12, 0x34, 0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],   // absurd counts
                [0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0xC0, 0x0C, 0, 1, 0, 1],   // pointer to itself
                [0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0xC0, 0x20, 0, 1, 0, 1],   // pointer forward
                valid + [0xDE, 0xAD],                                                                 // trailing bytes
            ]
            for _ in 0..<300 {
                var bytes = valid
                for _ in 0..<Int.random(in: 1...6, using: &rng) {
                    let at = Int.random(in: 0..<bytes.count, using: &rng)
                    bytes[at] = UInt8.random(in: 0...255, using: &rng)
                }
                if Bool.random(using: &rng) { bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng))) }
                hostile.append(bytes)
            }
            for bytes in hostile {
                _ = try? DNSProbe.exchange(bytes, server: "127.0.0.2", port: port, timeout: 0.05)
                count += 1
            }
            for bytes in hostile.prefix(40) where !bytes.isEmpty {
                _ = try? DNSProbe.exchange(bytes, server: "127.0.0.2", port: port, tcp: true, timeout: 0.2)
                count += 1
            }
            return count
        }
        let stillAnswers = try await offloaded {
            try DNSProbe.query(DifferentialZone.origin, .soa, server: "127.0.0.2", port: port, timeout: 5)
        }
        #expect(sent > 300)
        #expect(stillAnswers.header.rcode == .noError)
        #expect(stillAnswers.answers.first?.type == .soa)
        await secondary.stop()
    }
}
