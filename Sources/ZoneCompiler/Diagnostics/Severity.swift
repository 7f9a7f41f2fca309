/// How much a finding matters. `error` makes a zone unusable (it is not published,
/// `dnsplane check` exits 1); `warning` is reported; `off` is not reported at all.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case off
    case warning
    case error

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    var rank: Int {
        switch self {
        case .off: return 0
        case .warning: return 1
        case .error: return 2
        }
    }
}
