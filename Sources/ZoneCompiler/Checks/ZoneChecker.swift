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
    /// Every NS target in the zone: what may legitimately sit below a cut as glue; nil
    /// when not indexed (then the NS records are searched when a check asks).
    let nsTargets: Set<DomainName>?
    /// `target-not-hostname` is an error: BIND would not have loaded such records.
    let checkNamesFails: Bool

    /// Checks `zone` and returns the findings, sorted by location.
    public static func check(
        _ zone: Zone, policy: CheckPolicy, files: SourceFileTable? = nil, previousSerial: UInt32? = nil
    ) -> [Diagnostic] {
        var checker = ZoneChecker(zone: zone, policy: policy, files: files)
        checker.run(previousSerial: previousSerial)
        return checker.sink.diagnostics
    }

    /// `indexed` false builds nothing over the whole zone up front (see `ZoneLookup`):
    /// for checking a few names of a large zone.
    init(zone: Zone, policy: CheckPolicy, files: SourceFileTable?, indexed: Bool = true) {
        self.zone = zone
        self.lookup = ZoneLookup(zone: zone, indexed: indexed)
        self.files = files
        self.sink = DiagnosticSink(policy: policy)
        if indexed {
            var targets = Set<DomainName>()
            for entry in zone.entries where !entry.isDeleted {
                if case .ns(let record) = entry.rdata { targets.insert(record.target) }
            }
            self.nsTargets = targets
        } else {
            self.nsTargets = nil
        }
        self.checkNamesFails = policy.severity(of: .targetNotHostname) == .error
    }

    /// Whether some NS record in the zone names `name`.
    func isNSTarget(_ name: DomainName) -> Bool {
        if let nsTargets { return nsTargets.contains(name) }
        for entry in zone.entries where !entry.isDeleted {
            if case .ns(let record) = entry.rdata, record.target == name { return true }
        }
        return false
    }

    mutating func run(previousSerial: UInt32?) {
        checkApex(previousSerial: previousSerial)
        let simple = !lookup.hasCuts && !lookup.hasDNAMEs
        for id in 0..<Int32(zone.names.count) where zone.isLive(id) {
            // Most names own one address or text record; check those without building
            // the node's RRsets.
            let head = zone.heads[Int(id)]
            if simple && head == zone.tails[Int(id)] && id != lookup.originID && checkSingleRecord(id, head) { continue }
            checkNode(zone.names.name(id), zone.node(id))
        }
    }

    /// The checks that apply to a name owning exactly one A, AAAA or TXT record; false
    /// when the record needs the general path.
    private mutating func checkSingleRecord(_ id: Int32, _ index: Int32) -> Bool {
        let entry = zone.entries[Int(index)]
        switch entry.type {
        case .a, .aaaa:
            let ok = zone.names.withWire(id) { HostnameRules.isHostname($0, allowWildcard: true) && !Self.hasInnerWildcard($0) }
            return ok
        case .txt:
            return zone.names.withWire(id) { !Self.hasInnerWildcard($0) }
        default:
            return false
        }
    }

    /// A `*` label other than the first (RFC 4592 §2.1.1).
    static func hasInnerWildcard(_ wire: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 1 + Int(wire[0])
        while index < wire.count && wire[index] != 0 {
            if wire[index] == 1 && wire[index + 1] == UInt8(ascii: "*") { return true }
            index += 1 + Int(wire[index])
        }
        return false
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
