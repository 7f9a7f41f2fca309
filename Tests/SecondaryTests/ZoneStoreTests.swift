import DNSCore
import Foundation
import Testing
import TestSupport
import ZoneCompiler
@testable import Secondary

/// The last good version on disk: atomic replacement, the state beside it, and a
/// damaged file that is reported rather than served. Calls that fsync run off the
/// cooperative threads (`offloaded`): a slow disk must not stall other suites.
@Suite("Zone store (persistence under --data-dir)")
struct ZoneStoreTests {
    typealias F = Fixture

    @Test("Save then load gives the same zone and state; a refresh rewrites only the state")
    func roundTrip() async throws {
        let directory = try ScratchDirectory("store")
        defer { directory.remove() }
        let store = ZoneStore(directory: directory.path)
        let zone = F.zone(serial: 42, F.records(hosts: 20))
        try await offloaded { try store.save(zone, state: .init(serial: 42, lastRefresh: 1000.5, primary: "127.0.0.1:53")) }
        let loaded = try #require(try await offloaded { try store.load(F.origin) })
        #expect(loaded.zone == zone)
        #expect(loaded.state == .init(serial: 42, lastRefresh: 1000.5, primary: "127.0.0.1:53"))
        // A crash between writing and renaming leaves a temporary file; loading clears it.
        _ = try directory.write("home.arpa.zone.tmp-1-2", "half a zone")
        try await offloaded { try store.saveState(.init(serial: 42, lastRefresh: 2000, expireWindow: 60), for: F.origin) }
        let reloaded = try await offloaded { try store.load(F.origin) }
        #expect(reloaded?.state == .init(serial: 42, lastRefresh: 2000, expireWindow: 60))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["home.arpa.state", "home.arpa.zone"])
    }

    @Test("No saved version is nil; a damaged one throws with the reason")
    func missingAndDamaged() async throws {
        let directory = try ScratchDirectory("store")
        defer { directory.remove() }
        let store = ZoneStore(directory: directory.path)
        #expect(try await offloaded { try store.load(F.origin) } == nil)
        try directory.write("home.arpa.zone", "home.arpa. 300 IN SOA ns1.home.arpa. h.home.arpa. 1 2 3\n")
        await #expect(throws: ZoneStore.Failure.self) { try await offloaded { try store.load(F.origin) } }
    }

    @Test("File names cannot leave the directory")
    func names() {
        let store = ZoneStore(directory: "/d")
        #expect(store.zonePath(.root) == "/d/root.zone")
        let slashed = store.zonePath(try! DomainName("a\\/b.example.", origin: nil))
        #expect(!slashed.dropFirst(3).contains("/"))
    }
}
