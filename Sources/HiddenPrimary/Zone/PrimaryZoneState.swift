import DNSCore
import ZoneCompiler

/// What the primary holds for one zone (DESIGN §4), in memory and free of I/O:
///
/// - the effective zone it publishes, which is (source − deleted) ∪ added;
/// - the overlay: the records UPDATEs added and the source records they deleted, kept
///   apart so a new source can take the same overlay — no freeze, no thaw;
/// - the recent changesets, for IXFR.
///
/// Each transition returns the journal entry that records it; the caller makes the
/// entry durable before publishing.
public struct PrimaryZoneState: Sendable {
    public private(set) var zone: Zone
    public private(set) var overlayAdded: [RecordKey: ResourceRecord] = [:]
    public private(set) var overlayDeleted: [RecordKey: ResourceRecord] = [:]
    /// Changesets that lead to the current version, oldest first, cheap to share with
    /// each published version.
    public private(set) var historyLog: ChangesetHistory
    public private(set) var sourceDigest: UInt32

    /// Changesets that lead to the current version, oldest first.
    public var history: [Changeset] { historyLog.all }

    public var historyLimit: Int {
        get { historyLog.limit }
        set { historyLog.limit = newValue }
    }

    /// A record by owner, type and RDATA: the TTL is an attribute of the RRset, not of
    /// the record's identity.
    public struct RecordKey: Hashable, Sendable {
        public var owner: DomainName
        public var type: RRType
        public var rdata: RData

        public init(_ record: ResourceRecord) {
            owner = record.owner
            type = record.type
            rdata = record.rdata
        }
    }

    public init(zone: Zone, sourceDigest: UInt32, historyLimit: Int = 1000) {
        self.zone = zone
        self.sourceDigest = sourceDigest
        self.historyLog = ChangesetHistory(limit: historyLimit)
    }

    public var serial: UInt32 { zone.soa?.serial ?? 0 }

    var soaRecord: ResourceRecord { Self.soaRecord(of: zone) }

    static func soaRecord(of zone: Zone) -> ResourceRecord {
        ResourceRecord(owner: zone.origin, type: .soa, rrClass: zone.rrClass, ttl: zone.soaTTL ?? 0, rdata: .soa(zone.soa!))
    }

    // MARK: UPDATE

    /// Publishes an UPDATE's effect under the next serial. `requested` is an SOA the
    /// UPDATE itself set; its serial is a floor.
    public mutating func commitUpdate(
        zone updated: Zone, removed: [ResourceRecord], added: [ResourceRecord], requested: SOA?,
        serialPolicy: SerialPolicy, now: UInt64
    ) throws(ZoneEditError) -> JournalEntry {
        let next = try Self.version(after: zone, updated: updated, removed: removed, added: added, requested: requested,
                                    serialPolicy: serialPolicy, now: now)
        adopt(next.entry, zone: next.zone)
        return next.entry
    }

    /// The version an UPDATE makes of `current` — `updated` under the next serial —
    /// and its journal entry, without taking it: the primary makes a group's entries
    /// durable first and then `adopt`s them, so a failed write leaves nothing to undo.
    public static func version(
        after current: Zone, updated: Zone, removed: [ResourceRecord], added: [ResourceRecord], requested: SOA?,
        serialPolicy: SerialPolicy, now: UInt64
    ) throws(ZoneEditError) -> (zone: Zone, entry: JournalEntry) {
        let from = soaRecord(of: current)
        let soa = publishedSOA(current: current.soa!, requested: requested, serialPolicy: serialPolicy, now: now)
        let to = ResourceRecord(owner: current.origin, type: .soa, rrClass: current.rrClass, ttl: updated.soaTTL ?? from.ttl, rdata: .soa(soa))
        var zone = updated
        // The processor may have put it in already (`UpdateProcessor.process(publishing:)`).
        if updated.soa != soa {
            let unchanged = ResourceRecord(owner: current.origin, type: .soa, rrClass: current.rrClass, ttl: updated.soaTTL ?? from.ttl,
                                           rdata: .soa(updated.soa!))
            zone = try updated.applying(removing: [unchanged], adding: [to])
        }
        let changeset = Changeset(soaFrom: from, soaTo: to, removed: removed, added: added)
        return (zone, JournalEntry(kind: .update, time: now, changeset: changeset))
    }

    /// The SOA an UPDATE's version is published with: the one it set, or the current
    /// one, under the next serial (the serial it set is a floor).
    public static func publishedSOA(current: SOA, requested: SOA?, serialPolicy: SerialPolicy, now: UInt64) -> SOA {
        var soa = requested ?? current
        soa.serial = serialPolicy.next(after: current.serial, floor: requested?.serial, now: now)
        return soa
    }

    /// Takes a version `version(after:…)` made, once its entry is durable.
    public mutating func adopt(_ entry: JournalEntry, zone next: Zone) {
        record(entry.changeset, overlay: entry.kind == .update)
        zone = next
    }

    // MARK: Source reload

    public enum ReloadOutcome: Sendable {
        /// A new version was published.
        case published(JournalEntry)
        /// The new source with the overlay is the zone already published.
        case unchanged
        /// The new source (with the overlay) fails the checks; the last good version
        /// stays. The diagnostics carry file:line for what came from the source.
        case rejected([Diagnostic])
    }

    /// Takes a newly compiled source: applies the overlay, checks the result, and
    /// publishes it under a serial above the current one (the source's serial is a
    /// floor, so an edit that lowers it still publishes).
    public mutating func reload(source: CompileResult, digest: UInt32, checkPolicy: CheckPolicy,
                                serialPolicy: SerialPolicy, now: UInt64) -> ReloadOutcome {
        let sourceErrors = source.diagnostics.filter { $0.severity == .error }
        guard sourceErrors.isEmpty else { return .rejected(sourceErrors) }
        let effective: Zone
        do {
            effective = try applyOverlay(to: source.zone)
        } catch {
            return .rejected([Diagnostic(check: .badRData, severity: .error, message: "the update overlay does not apply: \(error)")])
        }
        let errors = Compiler.check(effective, policy: checkPolicy).filter { $0.severity == .error }
        guard errors.isEmpty else { return .rejected(errors) }

        let (removed, added) = zone.changes(to: effective)
        guard let sourceSOA = effective.soa else { return .rejected([]) }
        let serialAdvanced = SerialNumber(sourceSOA.serial).compare(to: SerialNumber(serial)) == .greater
        var soaFieldsChanged = sourceSOA
        soaFieldsChanged.serial = serial
        if removed.isEmpty && added.isEmpty && !serialAdvanced && soaFieldsChanged == zone.soa && effective.soaTTL == zone.soaTTL {
            sourceDigest = digest
            return .unchanged
        }
        var soa = sourceSOA
        soa.serial = serialPolicy.next(after: serial, floor: sourceSOA.serial, now: now)
        let from = soaRecord
        let to = ResourceRecord(owner: zone.origin, type: .soa, rrClass: zone.rrClass, ttl: effective.soaTTL ?? from.ttl, rdata: .soa(soa))
        let sourceSOARecord = ResourceRecord(owner: zone.origin, type: .soa, rrClass: zone.rrClass, ttl: effective.soaTTL ?? from.ttl,
                                             rdata: .soa(sourceSOA))
        do {
            zone = try effective.applying(removing: [sourceSOARecord], adding: [to])
        } catch {
            return .rejected([Diagnostic(check: .soaMissing, severity: .error, message: "cannot set the serial: \(error)")])
        }
        let changeset = Changeset(soaFrom: from, soaTo: to, removed: removed, added: added)
        record(changeset, overlay: false)
        sourceDigest = digest
        return .published(JournalEntry(kind: .reload, time: now, changeset: changeset))
    }

    /// (source − deleted) ∪ added. A deleted record the new source no longer has is
    /// simply gone; an added record whose RRset now has another TTL takes that RRset's
    /// TTL over, as an UPDATE adding it would.
    func applyOverlay(to source: Zone) throws(ZoneEditError) -> Zone {
        var builder = ZoneBuilder(editing: source)
        for record in overlayDeleted.values { _ = builder.remove(record) }
        var sink = DiagnosticSink(policy: .dnsplane)
        for record in overlayAdded.values {
            if let existing = builder.zone.node(record.owner)?.rrset(RRSetKey(type: record.type, rdata: record.rdata)),
               existing.ttl != record.ttl {
                for rdata in existing.rdatas {
                    _ = builder.remove(ResourceRecord(owner: record.owner, type: record.type, ttl: existing.ttl, rdata: rdata))
                    builder.add(owner: record.owner, type: record.type, ttl: record.ttl, rdata: rdata, location: nil, diagnostics: &sink)
                }
            }
            builder.add(owner: record.owner, type: record.type, ttl: record.ttl, rdata: record.rdata, location: nil, diagnostics: &sink)
        }
        return builder.zone
    }

    // MARK: Recovery

    /// Replays one journal entry onto the current version (at start-up).
    public mutating func replay(_ entry: JournalEntry) throws(ZoneEditError) {
        zone = try zone.applying(entry.changeset)
        record(entry.changeset, overlay: entry.kind == .update)
    }

    /// Restores from a snapshot: zone, overlay and digest.
    public init(snapshot: ZoneSnapshot, historyLimit: Int = 1000) {
        self.init(zone: snapshot.zone(), sourceDigest: snapshot.sourceDigest, historyLimit: historyLimit)
        for record in snapshot.overlayAdded { overlayAdded[RecordKey(record)] = record }
        for record in snapshot.overlayDeleted { overlayDeleted[RecordKey(record)] = record }
    }

    public func snapshot() -> ZoneSnapshot {
        ZoneSnapshot(origin: zone.origin, records: zone.records(), overlayAdded: Array(overlayAdded.values),
                     overlayDeleted: Array(overlayDeleted.values), sourceDigest: sourceDigest)
    }

    /// Puts older changesets (from journal entries before the snapshot) in front of the
    /// history, keeping only those that chain into it.
    public mutating func prependHistory(_ older: [Changeset]) {
        var chain: [Changeset] = []
        var next = historyLog.first?.serialFrom ?? serial
        for changeset in older.reversed() where changeset.serialTo == next {
            chain.append(changeset)
            next = changeset.serialFrom
        }
        historyLog = ChangesetHistory(limit: historyLimit, Array((chain.reversed() + history).suffix(historyLimit)))
    }

    /// Keeps only the last `count` changesets of history (after a journal compaction).
    public mutating func trimHistory(to count: Int) {
        if historyLog.count > count { historyLog = ChangesetHistory(limit: historyLimit, historyLog.suffix(count)) }
    }

    // MARK: IXFR

    /// The changesets from `serial` to the current version, or nil when the history
    /// does not reach back that far (then the answer is a full zone).
    public func changes(since serial: UInt32) -> [Changeset]? {
        if serial == self.serial { return [] }
        return historyLog.changes(from: serial)
    }

    // MARK: Bookkeeping

    private mutating func record(_ changeset: Changeset, overlay: Bool) {
        historyLog.append(changeset)
        guard overlay else { return }
        for record in changeset.removed {
            let key = RecordKey(record)
            if overlayAdded.removeValue(forKey: key) == nil { overlayDeleted[key] = record }
        }
        for record in changeset.added {
            let key = RecordKey(record)
            overlayDeleted.removeValue(forKey: key)
            overlayAdded[key] = record
        }
    }
}
