import DNSCore
import Foundation
import Testing
import TestSupport
import ZoneCompiler

extension PrimaryEndToEndTests {
    @Test("Source edits and nsupdate coexist: a lower source serial still publishes higher, a broken edit keeps the last good version and reports file:line, a broken zone joins once fixed; export and restart keep it all")
    func sourceEdits() async throws {
        guard try Self.peers("nsupdate", "dig") else { return }
        try await onBlockingThread { try Self.runSourceEdits() }
    }

    static func runSourceEdits() throws {
        let source = zoneText(serial: 10, fillers: 3)
        let primary = try PrimaryProcess(zones: ["example.test": source, "broken.test": "$TTL 300\n@ SOA ns hm 1 3600 900 604800 300\n@ NS ns\nns A 192.0.2.1 extra\n"],
                                         secondaries: ["127.0.0.1:\(FreePort.find())"])
        defer { primary.remove() }
        let sourcePath = primary.zonesDirectory + "/example.test.zone"
        try primary.start()
        let zone: DomainName = "example.test."
        func names() throws -> Set<String> {
            Set(try primary.axfr("example.test").records.map { String($0.split(separator: " ")[0]) })
        }
        func waitForSerial(_ serial: UInt32, _ zone: DomainName = "example.test.") -> Bool {
            waitUntil(timeout: 10) { primary.serial(zone) == serial }
        }

        // A zone whose source fails is not served; the others are.
        #expect(primary.serial("broken.test.") == nil)
        #expect(primary.serial(zone) == 10)
        #expect(primary.log.contains("broken.test.zone:4:"), "the failure names file:line")

        // An UPDATE, then a hand edit that lowers the source serial: published above both.
        var result = try primary.nsupdate("zone example.test\nupdate add dyn.example.test 300 A 192.0.2.50\nsend\n")
        #expect(result.status == 0, "\(result.output)")
        #expect(primary.serial(zone) == 11)
        try zoneText(serial: 5, fillers: 3, extra: "hand A 192.0.2.60\n").write(toFile: sourcePath, atomically: true, encoding: .utf8)
        #expect(waitForSerial(12), "the watcher publishes the edit under 12, not 5: \(primary.serial(zone) as Any)")
        var present = try names()
        #expect(present.contains("dyn.example.test.") && present.contains("hand.example.test."), "no freeze, no thaw: \(present)")

        // A syntax error: the last good version stays; `dnsplane reload` says where.
        let broken = zoneText(serial: 5, fillers: 3, extra: "hand A 192.0.2.60\nbad A 192.0.2.300\n")
        let badLine = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("bad ") }! + 1
        try broken.write(toFile: sourcePath, atomically: true, encoding: .utf8)
        var reload = try DNSPlaneBinary.run(["reload", "--data-dir", primary.dataDirectory])
        #expect(reload.status == 1, "\(reload)")
        #expect(reload.stdout.contains("example.test. failed") && reload.stdout.contains("example.test.zone:\(badLine):"), "\(reload.stdout)")
        #expect(primary.log.contains("example.test.zone:\(badLine):"))
        #expect(primary.serial(zone) == 12)
        #expect(try names().contains("hand.example.test."))

        // Fixed: published at once by `dnsplane reload`.
        try zoneText(serial: 5, fillers: 3, extra: "hand A 192.0.2.60\nhand2 A 192.0.2.61\n").write(toFile: sourcePath, atomically: true, encoding: .utf8)
        reload = try DNSPlaneBinary.run(["reload", "--data-dir", primary.dataDirectory])
        #expect(reload.status == 1 && reload.stdout.contains("broken.test. failed"), "broken.test still fails: \(reload)")
        // The watcher may have got there first; either way 13 is served.
        #expect(reload.stdout.contains("example.test. published serial 13") || reload.stdout.contains("example.test. unchanged serial 13"),
                "\(reload.stdout)")
        #expect(primary.serial(zone) == 13)

        // An UPDATE deletes a source record; the next hand edit does not bring it back.
        result = try primary.nsupdate("zone example.test\nupdate delete www.example.test A\nsend\n")
        #expect(result.status == 0, "\(result.output)")
        #expect(primary.serial(zone) == 14)
        try zoneText(serial: 5, fillers: 3, extra: "hand A 192.0.2.60\nhand2 A 192.0.2.61\nhand3 A 192.0.2.62\n")
            .write(toFile: sourcePath, atomically: true, encoding: .utf8)
        #expect(waitForSerial(15))
        present = try names()
        #expect(!present.contains("www.example.test.") && present.isSuperset(of: ["dyn.example.test.", "hand.example.test.", "hand3.example.test."]),
                "\(present)")

        // The broken zone, fixed, joins.
        try "$TTL 300\n@ SOA ns hm 1 3600 900 604800 300\n@ NS ns\nns A 192.0.2.1\n"
            .write(toFile: primary.zonesDirectory + "/broken.test.zone", atomically: true, encoding: .utf8)
        reload = try DNSPlaneBinary.run(["reload", "--data-dir", primary.dataDirectory])
        #expect(reload.status == 0 && reload.stdout.contains("broken.test. "), "\(reload)")
        #expect(waitForSerial(1, "broken.test."))

        // Export: the effective zone as a master file that compiles cleanly.
        let exported = try DNSPlaneBinary.run(["export", "--data-dir", primary.dataDirectory, "example.test"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let compiled = Compiler.compile(text: exported.stdout, name: "export", options: CompileOptions(origin: zone))
        #expect(compiled.errorCount == 0)
        #expect(compiled.zone.soa?.serial == 15)
        #expect(compiled.zone.contains("dyn.example.test.") && compiled.zone.contains("hand3.example.test.") && !compiled.zone.contains("www.example.test."))

        // A clean stop and a restart serve the same version.
        let before = try primary.axfr("example.test").records.sorted()
        #expect(primary.stop() == 0, "SIGTERM stops the primary cleanly")
        try primary.start()
        #expect(primary.serial(zone) == 15)
        #expect(try primary.axfr("example.test").records.sorted() == before)
        #expect(primary.stop() == 0)
    }
}
