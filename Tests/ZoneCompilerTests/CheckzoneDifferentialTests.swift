import Foundation
import Testing
import TestSupport

/// `dnsplane checkzone` against the real named-checkzone 9.18 (DESIGN §7): the same
/// arguments on every corpus zone and on a seeded set of mutated zones, comparing exit
/// status. Every disagreement is printed with the zone, the flags and both outputs.
///
/// DNSPLANE_CHECKZONE_FUZZ_COUNT and DNSPLANE_CHECKZONE_FUZZ_SEED run a different or
/// larger generated set; DNSPLANE_CHECKZONE_KEEP=1 keeps the generated files.
@Suite("named-checkzone differential", .serialized)
struct CheckzoneDifferentialTests {
    static let defaultSeed: UInt64 = 0x5EED_C0DE_2024
    static let defaultCount = 600
    static let peerMessage: Comment = "named-checkzone is not installed (apt-get install bind9-utils); DNSPLANE_REQUIRE_PEERS=1 makes this a failure"

    @Test("hand corpus: every case agrees, except the documented differences", .enabled(if: NamedCheckzonePeer.shouldRun, peerMessage))
    func corpus() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runCorpus() }
    }

    func runCorpus() throws {
        try #require(NamedCheckzonePeer.path != nil, "named-checkzone is required (DNSPLANE_REQUIRE_PEERS=1) but not installed")
        let cases = try CheckzoneCorpus.load()
        #expect(cases.count >= 150, "the corpus should hold at least 150 cases")
        let results = CheckzoneDifferential.compare(cases)
        var agreeing = 0
        for result in results {
            let testCase = result.testCase
            if let expected = testCase.expectedStatus, expected != result.bind.status {
                Issue.record("\(testCase.name): the corpus says named-checkzone exits \(expected), it exited \(result.bind.status)\n\(result.report)")
            }
            if result.agrees {
                agreeing += 1
                if testCase.oursStatus != nil {
                    Issue.record("\(testCase.name) is documented as a difference but now agrees: update its header and docs/checkzone-differences.md")
                }
            } else if testCase.knownDifference == nil {
                print(result.report)
                Issue.record("\(testCase.name): exit status differs\n\(result.report)")
            } else if testCase.oursStatus != result.ours.status {
                Issue.record("\(testCase.name): documented difference, but we exit \(result.ours.status), not \(testCase.oursStatus.map(String.init) ?? "as documented")\n\(result.report)")
            }
        }
        let documented = results.filter { !$0.agrees && $0.testCase.knownDifference != nil }.count
        print("checkzone corpus: agreement \(CheckzoneDifferential.summary(agreeing, of: results.count)); \(documented) documented differences")
    }

    @Test("generated zones: at least 99% agree", .enabled(if: NamedCheckzonePeer.shouldRun, peerMessage))
    func generated() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runGenerated() }
    }

    func runGenerated() throws {
        try #require(NamedCheckzonePeer.path != nil, "named-checkzone is required (DNSPLANE_REQUIRE_PEERS=1) but not installed")
        let environment = ProcessInfo.processInfo.environment
        let count = environment["DNSPLANE_CHECKZONE_FUZZ_COUNT"].flatMap { Int($0) } ?? Self.defaultCount
        let seed = environment["DNSPLANE_CHECKZONE_FUZZ_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dnsplane-checkzone-\(UUID().uuidString)").path
        let keep = environment["DNSPLANE_CHECKZONE_KEEP"] == "1"
        defer {
            if keep { print("generated zones kept in \(directory)") } else { try? FileManager.default.removeItem(atPath: directory) }
        }

        let cases = try ZoneMutator.generate(count: count, seed: seed, directory: directory)
        let results = CheckzoneDifferential.compare(cases)
        let disagreeing = results.filter { !$0.agrees }
        for result in disagreeing { print(result.report) }
        let agreeing = results.count - disagreeing.count
        let summary = CheckzoneDifferential.summary(agreeing, of: results.count)
        print("checkzone generated (seed \(seed), \(count) zones): agreement \(summary)")
        #expect(Double(agreeing) >= 0.99 * Double(results.count),
                "generated zones: agreement \(summary) is below 99%; the disagreements are printed above")
    }
}
