/// One finding of a compile: which check, how severe, what and where.
public struct Diagnostic: Sendable, Equatable {
    public var check: CheckID
    public var severity: Severity
    /// What is wrong, in our words, for people.
    public var message: String
    /// Where the offending text is; nil for findings about the whole zone (no SOA).
    public var location: SourceLocation?
    /// The owner name the finding is about, when there is one.
    public var owner: DomainName?
    /// The line `named-checkzone` prints for the same finding, for `dnsplane checkzone`.
    public var bindMessage: String?
    /// BIND's result text when named-checkzone fails the load on this finding
    /// ("loading from master file F failed: RESULT"); nil for post-load findings.
    public var bindResult: String?

    public init(check: CheckID, severity: Severity, message: String, location: SourceLocation? = nil,
                owner: DomainName? = nil, bindMessage: String? = nil, bindResult: String? = nil) {
        self.bindResult = bindResult
        self.check = check
        self.severity = severity
        self.message = message
        self.location = location
        self.owner = owner
        self.bindMessage = bindMessage
    }
}
