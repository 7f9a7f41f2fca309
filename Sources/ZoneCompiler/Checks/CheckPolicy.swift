/// Which checks run and how severe each is: a profile's defaults plus overrides.
public struct CheckPolicy: Sendable {
    public enum Profile: Sendable {
        /// Our defaults: strict, for CI and for everything the servers publish.
        case dnsplane
        /// named-checkzone 9.18's defaults, for `dnsplane checkzone`.
        case namedCheckzone
    }

    public var profile: Profile
    public var overrides: [CheckID: Severity] = [:]
    /// The largest TTL allowed (`--max-ttl`, named-checkzone `-l`); nil for none.
    public var maxTTL: UInt32?

    public init(profile: Profile = .dnsplane, overrides: [CheckID: Severity] = [:], maxTTL: UInt32? = nil) {
        self.profile = profile
        self.overrides = overrides
        self.maxTTL = maxTTL
    }

    public static let dnsplane = CheckPolicy(profile: .dnsplane)
    public static let namedCheckzone = CheckPolicy(profile: .namedCheckzone)

    public func severity(of id: CheckID) -> Severity {
        let definition = CheckCatalog.definition(id)
        if definition.isAdjustable, let override = overrides[id] { return override }
        switch profile {
        case .dnsplane: return definition.severity
        case .namedCheckzone: return definition.bindSeverity
        }
    }

    public func isEnabled(_ id: CheckID) -> Bool { severity(of: id) != .off }

    /// Sets a severity from `ID=error|warning|off` text; the error says what is wrong.
    public mutating func apply(override text: String) throws(PolicyError) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw PolicyError("expected ID=error|warning|off, got '\(text)'") }
        guard let definition = CheckCatalog.byID[CheckID(parts[0])] else {
            throw PolicyError("unknown check '\(parts[0])'")
        }
        guard let severity = Severity(rawValue: parts[1]) else {
            throw PolicyError("unknown severity '\(parts[1])' for \(parts[0]): use error, warning or off")
        }
        guard definition.isAdjustable else {
            throw PolicyError("check '\(parts[0])' cannot be changed: text that does not parse is always an error")
        }
        overrides[definition.id] = severity
    }
}

public struct PolicyError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
