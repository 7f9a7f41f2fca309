import DNSCore
import ZoneCompiler

/// The one door a transferred version goes through before it is served (DESIGN §5.2,
/// §5.4): the same checks the primary runs (`Compiler.check`, dnsplane policy), then
/// the blast-radius guard: a version that removes more than `maxChangeRatio` of the
/// records is refused, because a primary that suddenly empties a zone is a fault.
public struct VersionGate: Sendable {
    public var policy: CheckPolicy
    /// Share of the previous version's records (SOA aside) a new version may remove;
    /// 1 turns the guard off.
    public var maxChangeRatio: Double

    public init(policy: CheckPolicy = .dnsplane, maxChangeRatio: Double = 0.5) {
        self.policy = policy
        self.maxChangeRatio = maxChangeRatio
    }

    public struct Accepted: Sendable {
        /// Findings below error severity, for the log.
        public var warnings: [Diagnostic]
        /// Records of the previous version gone, and records new (SOA aside).
        public var removed: Int
        public var added: Int
    }

    /// Why a version was refused: the findings at error severity, with their IDs.
    public struct Rejection: Error, Sendable, CustomStringConvertible {
        public var findings: [Diagnostic]

        public var checkIDs: [CheckID] {
            var seen = Set<CheckID>()
            return findings.map(\.check).filter { seen.insert($0).inserted }
        }

        /// `[id] message; [id] message …`, the first few, then how many more.
        public var description: String {
            let shown = findings.prefix(5).map { finding -> String in
                let owner = finding.owner.map { "\($0): " } ?? ""
                return "[\(finding.check)] \(owner)\(finding.message)"
            }
            let more = findings.count > 5 ? "; and \(findings.count - 5) more" : ""
            return shown.joined(separator: "; ") + more
        }
    }

    public enum Verdict: Sendable {
        case accept(Accepted)
        case reject(Rejection)
    }

    /// `changes`: how many records the move from `previous` removes and adds, when the
    /// caller knows (an IXFR's difference sequences, see `netChanges`); otherwise both
    /// versions are compared record by record.
    public func evaluate(_ candidate: Zone, previous: Zone?, changes: (removed: Int, added: Int)? = nil) -> Verdict {
        let diagnostics = Compiler.check(candidate, policy: policy, previousSerial: previous?.soa?.serial)
        var errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        var removed = 0
        var added = candidate.recordCount - 1
        if let previous {
            removed = changes?.removed ?? previous.countRecords(missingFrom: candidate)
            added = changes?.added ?? candidate.countRecords(missingFrom: previous)
            if let finding = ChangeRatioGuard(maxRatio: maxChangeRatio)
                .finding(removed: removed, previousRecords: max(previous.recordCount - 1, 0), origin: candidate.origin) {
                errors.append(finding)
            }
        }
        if !errors.isEmpty { return .reject(Rejection(findings: errors)) }
        return .accept(Accepted(warnings: warnings, removed: removed, added: added))
    }
}

extension VersionGate {
    /// Records removed and added by difference sequences applied in order, net: a record
    /// removed and added back (a TTL change) counts as neither, and the SOAs are left
    /// out, as `Zone.countRecords(missingFrom:)` counts them. Costs the size of the
    /// changes, not of the zone.
    public static func netChanges(_ changesets: [Changeset]) -> (removed: Int, added: Int) {
        struct Key: Hashable {
            var owner: DomainName
            var type: RRType
            var rdata: RData
        }
        var removed = Set<Key>()
        var added = Set<Key>()
        for changeset in changesets {
            for record in changeset.removed where record.type != .soa {
                let key = Key(owner: record.owner, type: record.type, rdata: record.rdata)
                if added.remove(key) == nil { removed.insert(key) }
            }
            for record in changeset.added where record.type != .soa {
                let key = Key(owner: record.owner, type: record.type, rdata: record.rdata)
                if removed.remove(key) == nil { added.insert(key) }
            }
        }
        return (removed.count, added.count)
    }
}
