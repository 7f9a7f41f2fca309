/// Runs the check table over a whole zone. The same checks run when the primary loads
/// sources, on every UPDATE, and on every transfer a secondary receives.
///
/// Findings are reported in one pass, whatever else is wrong: unlike BIND, a syntax
/// error elsewhere does not skip the integrity checks.
public struct ZoneChecker {
    let zone: Zone
    let lookup: ZoneLookup
    let files: SourceFileTable?
    var sink: DiagnosticSink
    /// Every NS target in the zone: what may legitimately sit below a cut as glue.
    let nsTargets: Set<DomainName>

    /// Checks `zone` and returns the findings, sorted by location.
    public static func check(
        _ zone: Zone, policy: CheckPolicy, files: SourceFileTable? = nil, previousSerial: UInt32? = nil
    ) -> [Diagnostic] {
        var checker = ZoneChecker(zone: zone, policy: policy, files: files)
        checker.run(previousSerial: previousSerial)
        return checker.sink.diagnostics
    }

    init(zone: Zone, policy: CheckPolicy, files: SourceFileTable?) {
        self.zone = zone
        self.lookup = ZoneLookup(zone: zone)
        self.files = files
        self.sink = DiagnosticSink(policy: policy)
        var targets = Set<DomainName>()
        for node in zone.nodes.values {
            if let ns = node.rrset(.ns) {
                for case .ns(let record) in ns.rdatas { targets.insert(record.target) }
            }
        }
        self.nsTargets = targets
    }

    mutating func run(previousSerial: UInt32?) {
        checkApex(previousSerial: previousSerial)
        for (name, node) in zone.nodes {
            checkNode(name, node)
        }
    }

    // MARK: BIND message helpers

    /// `file:line: ` for named-checkzone's load-time messages.
    func bindPrefix(_ location: SourceLocation?) -> String {
        guard let location, let files else { return "" }
        return "\(files.path(of: location)):\(location.line): "
    }

    /// `zone origin/IN: ` for named-checkzone's post-load messages.
    var zonePrefix: String { "zone \(zone.origin.bindText)/\(zone.rrClass): " }
}
