import DNSCore

/// The blast-radius guard (DESIGN §5.4): a new version of a zone that removes more
/// than a share of the previous version's records is refused, because a zone that
/// suddenly loses half its records is far more often a fault (a truncated file, a
/// broken generator, a primary serving the wrong data) than an intended change.
///
/// One rule for the secondary's gate (`--max-change-ratio`, on every transfer) and for
/// `dnsplane check --previous` (on a pull request).
public struct ChangeRatioGuard: Sendable {
    /// The share of the previous version's records (SOA aside) a new version may
    /// remove; 1 lets every change through.
    public var maxRatio: Double

    public init(maxRatio: Double = 0.5) {
        self.maxRatio = maxRatio
    }

    /// A `change-ratio` finding at `severity` when `removed` of `previousRecords`
    /// (both SOA aside) is over the limit; nil otherwise, or when severity is off.
    public func finding(removed: Int, previousRecords: Int, origin: DomainName,
                        severity: Severity = .error) -> Diagnostic? {
        guard severity != .off, previousRecords > 0 else { return nil }
        let ratio = Double(removed) / Double(previousRecords)
        guard ratio > maxRatio else { return nil }
        let percent = Int((ratio * 100).rounded())
        let allowed = Int((maxRatio * 100).rounded())
        return Diagnostic(check: .changeRatio, severity: severity,
                          message: "removes \(removed) of \(previousRecords) records (\(percent) %), more than the \(allowed) % allowed (--max-change-ratio)",
                          owner: origin)
    }

    /// As above, comparing two whole versions record by record.
    public func finding(_ candidate: Zone, previous: Zone, severity: Severity = .error) -> Diagnostic? {
        finding(removed: previous.countRecords(missingFrom: candidate), previousRecords: max(previous.recordCount - 1, 0),
                origin: candidate.origin, severity: severity)
    }
}
