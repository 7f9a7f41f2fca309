import DNSCore
import Foundation
import Testing
import TestSupport
import TSIG

extension PrimaryEndToEndTests {
    /// Answers of `name`/`type` at a secondary, as presentation text of the RDATA.
    static func rdatas(_ name: DomainName, _ type: RRType, port: UInt16) -> [String]? {
        guard let answer = try? DNSProbe.query(name, type, server: "127.0.0.1", port: port, timeout: 0.5) else { return nil }
        return answer.answers.filter { $0.type == type }.map { "\($0.rdata)" }
    }

    /// Polls every secondary until `condition` holds at each; the seconds each took, or
    /// nil for those that never got there within `timeout`.
    static func whenVisible(ports: [UInt16], timeout: TimeInterval = 10, _ condition: (UInt16) -> Bool) -> [TimeInterval?] {
        let start = Date()
        var seen: [TimeInterval?] = Array(repeating: nil, count: ports.count)
        while Date().timeIntervalSince(start) < timeout && seen.contains(where: { $0 == nil }) {
            for (index, port) in ports.enumerated() where seen[index] == nil && condition(port) {
                seen[index] = Date().timeIntervalSince(start)
            }
            usleep(5_000)
        }
        return seen
    }

    @Test("nsupdate adds, deletes and uses all five prerequisites; named and knotd follow by NOTIFY and IXFR within a second")
    func secondariesFollow() async throws {
        guard try Self.peers("nsupdate", "dig", "named", "knotd") else { return }
        try await onBlockingThread { try Self.runSecondariesFollow() }
    }

    static func runSecondariesFollow() throws {
        let primary = try PrimaryProcess(zones: ["example.test": zoneText()])
        defer { primary.remove() }
        let keyText = primary.key.bindConfiguration
        let named = try NamedServer(
            zones: [.init(name: "example.test", role: .secondary(primaries: ["127.0.0.1 port \(primary.port)"], file: "example.test.db",
                                                                  key: "update-key"),
                          extra: "allow-notify { 127.0.0.1; }; notify no;")],
            keys: keyText)
        defer { named.directory.remove() }
        let knot = try KnotServer(
            zones: [.init(name: "example.test", role: .secondary(primaryAddress: "127.0.0.1", primaryPort: primary.port))],
            key: .init(name: "update-key", algorithm: "hmac-sha256", secret: Base64.encodeString(primary.key.secret)))
        defer { knot.directory.remove() }
        primary.secondaries = ["127.0.0.1:\(named.port)", "127.0.0.1:\(knot.port)"]
        try primary.start()
        try named.start(readyZone: "example.test.")
        defer { named.stop() }
        try knot.start(readyZone: "example.test.")
        defer { knot.stop() }
        let ports = [named.port, knot.port]
        let zone: DomainName = "example.test."
        // knotd refreshes a zone at most every 2 s (refresh-min-interval: default and
        // minimum), NOTIFY or not; a change that comes sooner after its last refresh
        // waits for the rest. Each measured change comes at least that long after the
        // one before.
        var lastRefresh = Date()
        func knotMayRefresh() {
            let wait = 2.1 - Date().timeIntervalSince(lastRefresh)
            if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
        }

        // 1. An add: durable when nsupdate returns, on both secondaries within a second.
        knotMayRefresh()
        var result = try primary.nsupdate("zone example.test\nupdate add new.example.test 300 A 192.0.2.77\nsend\n")
        #expect(result.status == 0, "\(result.output)")
        var seen = whenVisible(ports: ports) { rdatas("new.example.test.", .a, port: $0) == ["192.0.2.77"] }
        #expect(seen.allSatisfy { $0 != nil && $0! < 1.0 }, "named, knotd saw the add after \(seen) s")
        lastRefresh = Date()
        print("add visible on named, knotd after \(seen.map { $0.map { String(format: "%.3f s", $0) } ?? "never" })")
        #expect(primary.serial(zone) == 2)

        // 2. The five prerequisites, failing and holding.
        result = try primary.nsupdate("zone example.test\nprereq nxdomain new.example.test\nupdate add other.example.test 300 A 192.0.2.1\nsend\n")
        #expect(result.status != 0 && result.output.contains("YXDOMAIN"), "\(result.output)")
        result = try primary.nsupdate("zone example.test\nprereq yxdomain nothing.example.test\nupdate add other.example.test 300 A 192.0.2.1\nsend\n")
        #expect(result.status != 0 && result.output.contains("NXDOMAIN"), "\(result.output)")
        result = try primary.nsupdate("zone example.test\nprereq yxrrset www.example.test AAAA\nupdate add other.example.test 300 A 192.0.2.1\nsend\n")
        #expect(result.status != 0 && result.output.contains("NXRRSET"), "\(result.output)")
        result = try primary.nsupdate("zone example.test\nprereq nxrrset www.example.test A\nupdate add other.example.test 300 A 192.0.2.1\nsend\n")
        #expect(result.status != 0 && result.output.contains("YXRRSET"), "\(result.output)")
        result = try primary.nsupdate("zone example.test\nprereq yxrrset www.example.test A 192.0.2.99\nupdate add other.example.test 300 A 192.0.2.1\nsend\n")
        #expect(result.status != 0 && result.output.contains("NXRRSET"), "\(result.output)")
        #expect(primary.serial(zone) == 2, "failed prerequisites change nothing")

        knotMayRefresh()
        result = try primary.nsupdate("""
            zone example.test
            prereq yxdomain new.example.test
            prereq nxdomain fresh.example.test
            prereq yxrrset www.example.test A
            prereq yxrrset www.example.test A 192.0.2.10
            prereq nxrrset www.example.test AAAA
            update delete new.example.test A
            update add www.example.test 300 AAAA 2001:db8::10
            update add fresh.example.test 300 TXT "made by nsupdate"
            send

            """)
        #expect(result.status == 0, "\(result.output)")
        seen = whenVisible(ports: ports) { port in
            rdatas("new.example.test.", .a, port: port) == [] && rdatas("www.example.test.", .aaaa, port: port) == ["2001:db8::10"]
                && rdatas("fresh.example.test.", .txt, port: port) == ["\"made by nsupdate\""]
        }
        #expect(seen.allSatisfy { $0 != nil && $0! < 1.0 }, "named, knotd saw the delete and adds after \(seen) s")
        print("delete + adds visible on named, knotd after \(seen.map { $0.map { String(format: "%.3f s", $0) } ?? "never" })")
        #expect(primary.serial(zone) == 3)

        // 3. What BIND would silently ignore, we refuse with the reason logged.
        result = try primary.nsupdate("zone example.test\nupdate add www.example.test 300 CNAME elsewhere.example.\nsend\n")
        #expect(result.status != 0 && result.output.contains("REFUSED"), "\(result.output)")
        result = try primary.nsupdate("zone example.test\nupdate delete example.test NS\nsend\n")
        #expect(result.status != 0 && result.output.contains("REFUSED"), "\(result.output)")
        #expect(primary.log.contains("cannot add a CNAME at www.example.test."))
        #expect(primary.log.contains("cannot delete the apex NS RRset of example.test."))

        // 4. Each secondary got its changes incrementally: in their logs and ours.
        let ours = primary.log.split(separator: "\n").filter { $0.contains("IXFR to") && $0.contains("incremental from serial") }
        #expect(ours.count >= 4, "two incremental IXFRs per secondary:\n\(primary.log.suffix(3000))")
        // named logs each transfer's size: after the first (the whole zone, 607 records),
        // each carries a few records, where a full zone would carry 600 again.
        let namedTransfers = named.log.split(separator: "\n").filter { $0.contains("Transfer completed:") }
        let namedRecords = namedTransfers.compactMap { line -> Int? in
            guard let range = line.range(of: "messages, ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        #expect(namedRecords.count == 3 && namedRecords.first ?? 0 >= 600 && namedRecords.dropFirst().allSatisfy { $0 < 20 },
                "\(namedTransfers.joined(separator: "\n"))")
        let knotIXFRs = knot.log.split(separator: "\n").filter { $0.contains("IXFR, incoming") && $0.contains("finished") }
        #expect(knotIXFRs.count == 2, "\(knot.log.suffix(3000))")
        #expect(primary.stop() == 0, "SIGTERM stops the primary cleanly")
    }
}

extension PrimaryEndToEndTests {
    @Test("A secondary started before the primary gets the zone within seconds: start-up NOTIFYs go out once the primary listens, and again 5 s later")
    func secondaryStartedFirst() async throws {
        guard try Self.peers("named") else { return }
        try await onBlockingThread { try Self.runSecondaryStartedFirst() }
    }

    static func runSecondaryStartedFirst() throws {
        let primary = try PrimaryProcess(zones: ["example.test": zoneText(fillers: 3)])
        defer { primary.remove() }
        let named = try NamedServer(
            zones: [.init(name: "example.test", role: .secondary(primaries: ["127.0.0.1 port \(primary.port)"], file: "example.test.db",
                                                                  key: "update-key"),
                          extra: "allow-notify { 127.0.0.1; }; notify no;")],
            keys: primary.key.bindConfiguration)
        defer { named.directory.remove() }
        primary.secondaries = ["127.0.0.1:\(named.port)"]
        try named.start()   // its first refresh meets a closed port; its retry is far away
        defer { named.stop() }
        try primary.start()
        let loaded = waitUntil(timeout: 15) { DNSProbe.serial(of: "example.test.", server: "127.0.0.1", port: named.port) == 1 }
        #expect(loaded, "\(named.log.suffix(2000))")
        #expect(primary.stop() == 0)
    }
}
