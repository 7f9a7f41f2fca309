import DNSCore
import Foundation
import Testing
import TestSupport

/// `--wait` against one primary and two secondaries, each on port 53 of its own
/// address in a network namespace, as the zone's NS records name them. The second
/// secondary lags on purpose: the primary does not notify it and the SOA refresh is
/// an hour, so only a restart with no data brings it up to date.
@Suite("--wait against a primary and two secondaries", .serialized)
struct WaitTests {
    static let zone = "wait.test"
    static let zoneText = """
        $TTL 300
        @ IN SOA ns1 hostmaster 1 3600 600 86400 300
        @ IN NS ns1
        @ IN NS ns2
        @ IN NS ns3
        ns1 IN A 127.0.0.2
        ns2 IN A 127.0.0.3
        ns3 IN A 127.0.0.4

        """

    @Test("times out (exit 2) on a lagging secondary, then returns once it catches up")
    func waitsForEveryNameServer() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runWaitsForEveryNameServer() }
    }

    func runWaitsForEveryNameServer() throws {
        guard Peers.find("named") != nil else { return try Peers.skip("named") }
        guard Peers.find("dig") != nil else { return try Peers.skip("dig") }
        guard NetworkNamespace.isAvailable else { return try Peers.skip("ip netns (iproute2, as root)") }
        let namespace = try NetworkNamespace(addresses: ["127.0.0.2", "127.0.0.3", "127.0.0.4"])
        defer { namespace.delete() }
        let scratch = try ScratchDirectory("nsupdate-wait")
        defer { scratch.remove() }
        let key = TestKeys.upd

        let primary = try NamedServer(
            address: "127.0.0.2",
            zones: [NamedServer.Zone(name: Self.zone, role: .primary(file: try scratch.write("primary.db", Self.zoneText),
                                                                       allowUpdate: ["key \(key.name)"], alsoNotify: ["127.0.0.3"]),
                                     extra: "notify explicit;")],
            keys: key.statement, options: "notify-source 127.0.0.2;", namespace: namespace)
        let prompt = try NamedServer(
            address: "127.0.0.3",
            zones: [NamedServer.Zone(name: Self.zone, role: .secondary(primaries: ["127.0.0.2"], file: scratch.path("ns2.db")))],
            options: "transfer-source 127.0.0.3;", namespace: namespace)
        let lagging = try NamedServer(
            address: "127.0.0.4",
            zones: [NamedServer.Zone(name: Self.zone, role: .secondary(primaries: ["127.0.0.2"], file: scratch.path("ns3.db")))],
            options: "transfer-source 127.0.0.4;", namespace: namespace)
        defer {
            lagging.stop()
            prompt.stop()
            primary.stop()
        }
        let zoneName = try DomainName(Self.zone + ".")
        try primary.start(readyZone: zoneName)
        try prompt.start(readyZone: zoneName)
        try lagging.start(readyZone: zoneName)

        func script(_ owner: String) throws -> String {
            try scratch.write("\(owner).nsupdate", "server 127.0.0.2\nzone \(Self.zone)\nupdate add \(owner).\(Self.zone) 300 A 192.0.2.1\nsend\n")
        }
        let keyOption = "\(key.algorithm):\(key.name):\(key.secret)"

        // 1. The lagging secondary never hears of serial 2: the wait times out.
        let timedOut = try namespace.run(NSUpdateBinary.swift, ["--json", "--wait", "3", "-y", keyOption, try script("first")], timeout: 60)
        #expect(timedOut.status == 2, "\(timedOut.stderr)")
        #expect(timedOut.seconds >= 3 && timedOut.seconds < 20)
        #expect(timedOut.stderr.contains("ns3.wait.test (127.0.0.4#53) serves serial 1"), "\(timedOut.stderr)")
        let first = try Self.waitReport(timedOut.stdout)
        #expect(first["complete"] as? Bool == false)
        #expect(first["serial"] as? Int == 2)
        let current = Self.servers(first).filter { $0["current"] as? Bool == true }.compactMap { $0["address"] as? String }.sorted()
        #expect(current == ["127.0.0.2#53", "127.0.0.3#53"])
        #expect(prompt.serial(of: zoneName) == 2)
        #expect(lagging.serial(of: zoneName) == 1)

        // 2. The lagging secondary is down with no data, and starts two seconds into
        //    the wait: it transfers the zone, and the wait ends there.
        lagging.stop()
        try? FileManager.default.removeItem(atPath: scratch.path("ns3.db"))
        let path = try script("second")
        let (tool, arguments) = namespace.wrap(NSUpdateBinary.swift, ["--json", "--wait", "30", "-y", keyOption, path])
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            box.result = try? CommandRunner.run(tool, arguments, timeout: 90)
            done.signal()
        }
        Thread.sleep(forTimeInterval: 2)
        try lagging.start(readyZone: nil)
        #expect(done.wait(timeout: .now() + 90) == .success)
        let waited = try #require(box.result)
        #expect(waited.status == 0, "\(waited.stderr)")
        #expect(waited.seconds >= 2, "returned before the lagging secondary was even started")
        let second = try Self.waitReport(waited.stdout)
        #expect(second["complete"] as? Bool == true)
        #expect(second["serial"] as? Int == 3)
        #expect(Self.servers(second).count == 3)
        #expect(Self.servers(second).allSatisfy { $0["current"] as? Bool == true && $0["serial"] as? Int == 3 })
        #expect(lagging.serial(of: zoneName) == 3)
    }

    final class ResultBox: @unchecked Sendable {
        var result: CommandRunner.Result?
    }

    static func waitReport(_ stdout: String) throws -> [String: Any] {
        let line = try #require(stdout.split(separator: "\n").last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["rcode"] as? String == "NOERROR")
        #expect(object["tsig"] as? String == "verified")
        return try #require(object["wait"] as? [String: Any])
    }

    static func servers(_ report: [String: Any]) -> [[String: Any]] {
        report["servers"] as? [[String: Any]] ?? []
    }
}
