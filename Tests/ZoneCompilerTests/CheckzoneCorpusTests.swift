import Testing
import ZoneCompiler

/// The corpus records named-checkzone's exit status for every case (`; expect:`), so
/// our emulation is held to it even where BIND is not installed.
@Suite("named-checkzone corpus")
struct CheckzoneCorpusTests {
    @Test("every corpus case exits as recorded")
    func recordedStatus() throws {
        let cases = try CheckzoneCorpus.load()
        for testCase in cases {
            guard let expected = testCase.expectedOursStatus else {
                Issue.record("\(testCase.name) has no '; expect:' header")
                continue
            }
            let ours = CheckzoneEmulation.run(testCase.arguments)
            #expect(ours.status == expected, "\(testCase.name): expected exit \(expected), got \(ours.status)\n\(ours.output)")
        }
    }

    /// Checks whose corpus cases are named after the syntax feature they break rather
    /// than `check-<id>`.
    static let coveredBy: [CheckID: String] = [
        .syntax: "paren-unclosed.zone", .badName: "name-empty-label.zone", .badTTL: "ttl-directive-bad.zone",
        .unknownType: "type-unknown-mnemonic.zone", .metaType: "type-meta-any.zone", .badRData: "rdata-a-bad-octet.zone",
        .badDirective: "directive-unknown.zone", .includeFailed: "include-missing-file.zone",
        .badGenerate: "generate-bad-range.zone", .noOwner: "no-owner-first-record.zone",
        .noTTL: "ttl-first-record-no-ttl.zone", .ttlMismatch: "ttl-mismatch-in-rrset.zone",
        .ttlTooLarge: "ttl-record-too-large.zone", .maxTTL: "ttl-max-ttl-exceeded.zone",
        .directiveTrailingText: "ttl-directive-trailing.zone", .ttlInherited: "ttl-rfc1035-inherit.zone",
        .ownerInheritedAfterOrigin: "include-inherits-owner-origin.zone", .noFinalNewline: "no-final-newline.zone",
    ]

    @Test("every check in the table has a corpus case")
    func everyCheckHasACase() throws {
        let names = Set(try CheckzoneCorpus.load().map(\.name))
        for definition in CheckCatalog.all {
            // Needs the previous version's serial, which named-checkzone has no flag for.
            // Likewise the change ratio, which compares two versions.
            if definition.id == .serialRegression || definition.id == .changeRatio { continue }
            if let file = Self.coveredBy[definition.id] {
                #expect(names.contains(file), "\(definition.id): \(file) is missing from the corpus")
            } else {
                #expect(names.contains { $0.hasPrefix("check-\(definition.id.rawValue)") },
                        "\(definition.id) has no check-\(definition.id.rawValue)*.zone corpus case")
            }
        }
    }

    @Test("every corpus case says what it is about")
    func headers() throws {
        for testCase in try CheckzoneCorpus.load() {
            #expect(!testCase.zoneName.isEmpty, "\(testCase.name) has no '; zone:' header")
        }
    }
}
