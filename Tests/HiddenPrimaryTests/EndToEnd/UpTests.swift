import DNSCore
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

extension PrimaryEndToEndTests {
    @Test("dnsplane up: a primary and two secondaries; the printed nsupdate reaches both secondaries; Ctrl-C stops all three")
    func up() async throws {
        guard try Self.peers("nsupdate") else { return }
        // `up` runs `dnsplane secondary`, which lands with the secondary work.
        guard try DNSPlaneBinary.run(["secondary", "--help"]).stdout.contains("USAGE: dnsplane secondary") else {
            print("skipped: this dnsplane has no secondary command yet")
            return
        }
        try await onBlockingThread { try Self.runUp() }
    }

    static func runUp() throws {
        let scratch = try ScratchDirectory("up")
        defer { scratch.remove() }
        try scratch.write("zones/example.test.zone", zoneText(fillers: 3))
        try scratch.write("zones/2.0.192.in-addr.arpa.zone", "$TTL 300\n@ SOA ns1.example.test. hostmaster.example.test. 1 3600 900 604800 300\n@ NS ns1.example.test.\n1 PTR ns1.example.test.\n")
        // Three ports in a row, free now.
        var base: UInt16 = 0
        for _ in 0..<50 {
            let candidate = FreePort.find()
            if candidate < 65000, (1...2).allSatisfy({ (try? DNSProbe.query(".", .soa, port: candidate + $0, timeout: 0.05)) == nil }) {
                base = candidate
                break
            }
        }
        let up = try ManagedProcess(try DNSPlaneBinary.path(), ["up", "--zones", scratch.path("zones"), "--data-dir", scratch.path("data"),
                                                                "--port", String(base)], logPath: scratch.path("up.log"))
        defer { up.stop() }
        let ready = waitUntil(timeout: 60) { up.output.contains("Ctrl-C stops everything") || !up.isRunning }
        #expect(ready && up.isRunning, "\(up.output.suffix(3000))")
        guard ready && up.isRunning else { return }
        #expect(up.output.contains("nsupdate -k \(scratch.path("data"))/up.key"))
        #expect(up.output.contains("zone example.test"), "the example uses the forward zone")

        let nsupdate = try Shell.run(Peers.find("nsupdate")!, ["-k", scratch.path("data/up.key"), "-t", "5"], input: """
            server 127.0.0.1 \(base)
            zone example.test
            update add hello.example.test 300 TXT "hello from dnsplane"
            send

            """)
        #expect(nsupdate.status == 0, "\(nsupdate.output)")
        let seen = whenVisible(ports: [base + 1, base + 2]) { rdatas("hello.example.test.", .txt, port: $0) == ["\"hello from dnsplane\""] }
        #expect(seen.allSatisfy { $0 != nil }, "\(seen)\n\(up.output.suffix(3000))")

        kill(up.pid, SIGINT)
        #expect(waitUntil(timeout: 20) { !up.isRunning })
        #expect(up.process.terminationStatus == 0)
        // Nothing is left answering on the three ports.
        for port in [base, base + 1, base + 2] {
            let answer = try? DNSProbe.query(".", .soa, port: port, timeout: 0.2)
            #expect(answer == nil, "port \(port) still answers: \(answer.map { "\($0.header)" } ?? "")\n\(up.output.suffix(2000))")
        }
    }
}
