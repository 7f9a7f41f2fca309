import DNSCore
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// nsupdate-swift's additions, run as users run them: `--check` and `--json`.
@Suite("--check and --json", .serialized)
struct ExtensionTests {
    /// A UDP and TCP port that records whether anything arrived.
    final class Listener {
        let fd: Int32
        let port: UInt16

        init() throws {
            port = FreePort.find()
            fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = port.bigEndian
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
        }

        var receivedSomething: Bool {
            var buffer = [UInt8](repeating: 0, count: 512)
            return recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT)) > 0
        }

        deinit { close(fd) }
    }

    @Test("--check reports every problem with its line and sends nothing")
    func check() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runCheck() }
    }

    func runCheck() throws {
        let listener = try Listener()
        let scratch = try ScratchDirectory("nsupdate-check")
        defer { scratch.remove() }
        let path = try scratch.write("script.nsupdate", """
            server 127.0.0.1 \(listener.port)
            zone example.test
            update add www.example.test 300 A 192.0.2.1
            update add www.example.test 300 CNAME other.example.test.
            update add mail.example.test 300 MX 10 192.0.2.25
            update add bad.example.test 300 A 192.0.2.300
            frobnicate
            update add ns.example.test 300 NS 192.0.2.53
            update add t.example.test 300 TXT "a"
            update add t.example.test 600 TXT "b"
            send
            check-names off
            update add x_y.example.test 300 A 192.0.2.9
            update add example.test 300 DS 1 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            send
            update add late.example.test 300 A 192.0.2.10

            """)
        let result = try CommandRunner.run(NSUpdateBinary.swift, ["--check", "-y", "hmac-sha256:upd:\(TestKeys.upd.secret)", path])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        func finding(_ line: Int, _ severity: String, _ check: String) -> Bool {
            lines.contains { $0.hasPrefix("\(path):\(line):") && $0.contains(": \(severity): ") && $0.hasSuffix("[\(check)]") }
        }
        #expect(finding(4, "error", "cname-and-other-data"), "\(result.stdout)")
        #expect(finding(5, "error", "mx-target-is-address"), "\(result.stdout)")
        #expect(finding(6, "error", "bad-rdata"), "\(result.stdout)")
        #expect(finding(7, "error", "syntax"), "\(result.stdout)")
        #expect(finding(8, "error", "ns-target-is-address"), "\(result.stdout)")
        #expect(finding(10, "warning", "ttl-mismatch"), "\(result.stdout)")
        #expect(finding(13, "warning", "owner-not-hostname"), "\(result.stdout)")
        #expect(finding(14, "error", "ds-at-apex"), "\(result.stdout)")
        #expect(finding(16, "warning", "not-sent"), "\(result.stdout)")
        #expect(lines.last == "\(path): 6 errors, 3 warnings")
        #expect(!listener.receivedSomething, "--check sent something")

        let json = try CommandRunner.run(NSUpdateBinary.swift, ["--check", "--json", path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 6)
        #expect((object["findings"] as? [[String: Any]])?.count == 9)

        let clean = try scratch.write("clean.nsupdate", "zone example.test\nupdate add ok.example.test 300 A 192.0.2.1\nsend\n")
        let passed = try CommandRunner.run(NSUpdateBinary.swift, ["--check", clean])
        #expect(passed.status == 0)
        #expect(passed.stdout == "\(clean): 0 errors, 0 warnings\n")
    }

    @Test("--json prints one object per send: rcode, zone, server, TSIG status")
    func json() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runJson() }
    }

    func runJson() throws {
        guard Peers.find("named") != nil else { return try Peers.skip("named") }
        let scratch = try ScratchDirectory("nsupdate-json")
        defer { scratch.remove() }
        let zoneFile = try scratch.write("json.db", CorpusServer.zoneText)
        let named = try NamedServer(zones: [NamedServer.Zone(name: "json.test", role: .primary(file: zoneFile, allowUpdate: TestKeys.allowUpdate))],
                                    keys: TestKeys.namedStatements, options: "notify no;")
        try named.start(readyZone: "json.test.")
        defer { named.stop() }

        let path = try scratch.write("two.nsupdate", """
            server 127.0.0.1 \(named.port)
            zone json.test
            update add new.json.test 300 A 192.0.2.1
            send
            prereq nxdomain www.json.test
            update add www.json.test 300 A 192.0.2.2
            send

            """)
        let signed = try CommandRunner.run(NSUpdateBinary.swift, ["--json", "-k", try scratch.write("upd.key", TestKeys.upd.statement), path])
        #expect(signed.status == 2)
        let objects = try signed.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 2)
        #expect(objects.map { $0["rcode"] as? String } == ["NOERROR", "YXDOMAIN"])
        #expect(objects.map { $0["line"] as? Int } == [4, 7])
        #expect(objects.allSatisfy { $0["zone"] as? String == "json.test." && $0["server"] as? String == "127.0.0.1#\(named.port)"
                && $0["tsig"] as? String == "verified" && $0["transport"] as? String == "udp" })

        let unsigned = try CommandRunner.run(NSUpdateBinary.swift, ["--json", "-v", path])
        let first = try #require(try JSONSerialization.jsonObject(with: Data(unsigned.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(first["tsig"] as? String == "unsigned")
        #expect(first["rcode"] as? String == "REFUSED")
        #expect(first["transport"] as? String == "tcp")

        let closed = try scratch.write("closed.nsupdate", "server 127.0.0.1 9\nzone json.test\nupdate add x.json.test 300 A 192.0.2.3\nsend\n")
        let unreachable = try CommandRunner.run(NSUpdateBinary.swift, ["--json", "-t", "2", "-u", "1", "-r", "0", closed])
        #expect(unreachable.status == 2)
        let failed = try #require(try JSONSerialization.jsonObject(with: Data(unreachable.stdout.utf8)) as? [String: Any])
        #expect(failed["error"] as? String == "connection refused")
        #expect(failed["rcode"] is NSNull)
    }
}
