import Testing

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

    @Test("every corpus case says what it is about")
    func headers() throws {
        for testCase in try CheckzoneCorpus.load() {
            #expect(!testCase.zoneName.isEmpty, "\(testCase.name) has no '; zone:' header")
        }
    }
}
