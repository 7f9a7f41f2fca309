import Foundation

/// One case run through both named-checkzone and our emulation.
struct CheckzoneComparison: Sendable {
    var testCase: CheckzoneCase
    var bind: CheckzoneOutcome
    var ours: CheckzoneOutcome

    var agrees: Bool { bind.status == ours.status }

    /// Everything needed to see and reproduce a disagreement.
    var report: String {
        var text = "--- \(testCase.name): named-checkzone \(testCase.arguments.joined(separator: " "))\n"
        if let reason = testCase.knownDifference { text += "known difference: \(reason)\n" }
        if let zone = testCase.text {
            text += "zone file:\n" + zone.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "  | " + $0 }.joined(separator: "\n") + "\n"
        }
        text += "named-checkzone exit \(bind.status):\n" + indent(bind.output)
        text += "dnsplane checkzone exit \(ours.status):\n" + indent(ours.output)
        return text
    }

    private func indent(_ output: String) -> String {
        output.split(separator: "\n").map { "  > " + $0 + "\n" }.joined()
    }
}

/// Runs cases through both tools, several at a time.
enum CheckzoneDifferential {
    static func compare(_ cases: [CheckzoneCase]) -> [CheckzoneComparison] {
        let results = ResultSlots(count: cases.count)
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            let testCase = cases[index]
            let bind: CheckzoneOutcome
            do {
                bind = try NamedCheckzonePeer.run(testCase.arguments)
            } catch {
                bind = CheckzoneOutcome(status: -1, output: "could not run named-checkzone: \(error)")
            }
            let ours = CheckzoneEmulation.run(testCase.arguments)
            results.set(index, CheckzoneComparison(testCase: testCase, bind: bind, ours: ours))
        }
        return results.values
    }

    /// "N of M (P%)", for messages.
    static func summary(_ agreeing: Int, of total: Int) -> String {
        let percent = total == 0 ? 100 : Double(agreeing) * 100 / Double(total)
        return "\(agreeing) of \(total) (\(String(format: "%.2f", percent))%)"
    }
}

/// Results written from concurrent iterations, each to its own slot.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [CheckzoneComparison?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: CheckzoneComparison) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [CheckzoneComparison] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
