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

    @Test("signed zones: the 'loaded serial' line is named-checkzone's, '(DNSSEC signed)' included",
          .enabled(if: NamedCheckzonePeer.shouldRun, peerMessage))
    func signedZones() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runSignedZones() }
    }

    func runSignedZones() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus/checkzone")
        // (No RRSIGs in the first: named-checkzone does not call it signed.)
        var zones: [(origin: String, path: String, signed: Bool)] = [("check-signed-zone.zone", false),
                                                                     ("check-signed-zone-rrsig.zone", true)].map { file, signed in
            let path = corpus.appendingPathComponent(file).path
            let origin = (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n").first?
                .replacingOccurrences(of: "; zone: ", with: "") ?? ""
            return (origin, path, signed)
        }
        // A zone signed by BIND itself: one RRSIG RRset per covered type at the apex.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("signed-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if let keygen = Peers.find("dnssec-keygen"), let signzone = Peers.find("dnssec-signzone") {
            let source = directory.appendingPathComponent("example.zone").path
            try "$TTL 300\n@ SOA ns1 hostmaster 1 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\nwww A 192.0.2.2\n"
                .write(toFile: source, atomically: true, encoding: .utf8)
            for extra in [["-f", "KSK"], []] {
                let made = try CommandRunner.run(keygen, ["-q", "-K", directory.path, "-a", "ECDSAP256SHA256"] + extra + ["example."])
                try #require(made.status == 0, "dnssec-keygen: \(made.stderr)")
            }
            let signed = directory.appendingPathComponent("example.signed").path
            let result = try CommandRunner.run(signzone, ["-q", "-S", "-K", directory.path, "-d", directory.path,
                                                          "-o", "example.", "-f", signed, source])
            try #require(result.status == 0, "dnssec-signzone: \(result.stderr)")
            zones.append(("example.", signed, true))
        } else {
            try Peers.skip("dnssec-keygen and dnssec-signzone (bind9-utils)")
        }
        for (origin, path, signed) in zones {
            let bind = try NamedCheckzonePeer.run([origin, path])
            let ours = CheckzoneEmulation.run([origin, path])
            let firstLine = { (text: String) in text.split(separator: "\n").first.map(String.init) ?? "" }
            #expect(firstLine(bind.output).hasSuffix("(DNSSEC signed)") == signed, "\(path): \(bind.output)")
            #expect(firstLine(ours.output) == firstLine(bind.output), "\(path)")
        }
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
