/// Collects diagnostics, applying the policy's severity to each: a check that is off
/// reports nothing.
public struct DiagnosticSink: Sendable {
    public let policy: CheckPolicy
    public private(set) var diagnostics: [Diagnostic] = []

    public init(policy: CheckPolicy) {
        self.policy = policy
    }

    /// Records a finding; `bind` is the line named-checkzone prints for it.
    public mutating func report(
        _ check: CheckID, _ message: String, at location: SourceLocation? = nil,
        owner: DomainName? = nil, bind: String? = nil, result: String? = nil
    ) {
        let severity = policy.severity(of: check)
        guard severity != .off else { return }
        diagnostics.append(Diagnostic(check: check, severity: severity, message: message,
                                      location: location, owner: owner, bindMessage: bind, bindResult: result))
    }

    /// Puts `prefix` (BIND's `file:line: `) before the BIND lines of the findings from
    /// `index` on: the zone builder reports them without knowing file names. Lines BIND
    /// prints after loading (`zone NAME/CLASS: ...`) have no location and keep their form.
    mutating func prefixBindMessages(from index: Int, with prefix: String) {
        for i in index..<diagnostics.count {
            if let line = diagnostics[i].bindMessage, !line.hasPrefix("zone ") { diagnostics[i].bindMessage = prefix + line }
        }
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public var errorCount: Int { diagnostics.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
