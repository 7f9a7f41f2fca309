#if canImport(Glibc)
import Glibc
#endif
import DNSCore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import ZoneCompiler

/// One zone on the primary: its state, journal and snapshot, and the one place where
/// changes happen, in order.
///
/// UPDATEs are committed in groups: requests that arrive while a group is being written
/// wait for the next one, which is processed in arrival order against the evolving
/// state, appended to the journal with a single fsync, published, and only then
/// answered (DESIGN §5.1).
///
/// The actor runs on an event loop of its own (the storage loop), never on the
/// cooperative pool: its file writes and fsyncs block that loop's thread and nothing
/// else, and an UPDATE costs no hop to a thread pool and back.
public actor PrimaryZone {
    public let origin: DomainName
    public let sourcePath: String
    private var state: PrimaryZoneState
    private let journal: JournalFile
    private let snapshotPath: String
    private let configuration: PrimaryZoneConfiguration
    private let storageLoop: any EventLoop
    private let logger: Logger
    private let published: NIOLockedValueBox<PublishedVersion>
    private var pending: [Work] = []
    private var draining = false
    private var entriesSinceSnapshot = 0
    /// Called after each new version is durable, with the version (NOTIFY, catalogs).
    private var onPublish: (@Sendable (PublishedVersion) -> Void)?

    struct PendingUpdate {
        var message: Message
        var signer: DomainName?
        var continuation: CheckedContinuation<UpdateResult, Never>
    }

    /// What the query and transfer paths read without waiting for the actor.
    public struct PublishedVersion: Sendable {
        public var zone: Zone
        /// Changesets leading to `zone`, oldest first, for IXFR.
        public var history: ChangesetHistory

        public init(zone: Zone, history: ChangesetHistory) {
            self.zone = zone
            self.history = history
        }

        public init(zone: Zone, history: [Changeset]) {
            self.init(zone: zone, history: ChangesetHistory(limit: max(1, history.count), history))
        }

        public var serial: UInt32 { zone.soa?.serial ?? 0 }

        /// The changesets from `serial` to now, or nil when history does not reach it.
        public func changes(since serial: UInt32) -> [Changeset]? {
            if serial == self.serial { return [] }
            return history.changes(from: serial)
        }
    }

    /// The answer to one UPDATE.
    public struct UpdateResult: Sendable, Equatable {
        public var rcode: RCode
        /// Why it was refused or failed, for the log and the client (RFC 8914).
        public var reason: String?
        public var checks: [CheckID]
        /// The serial published by this update, when it changed the zone.
        public var serial: UInt32?
    }

    // MARK: Opening

    /// Opens the zone: the snapshot and journal if there are any, else the source; then
    /// the current source, published if it changed while we were down.
    public static func open(
        origin: DomainName, sourcePath: String, dataDirectory: String, configuration: PrimaryZoneConfiguration,
        storageLoop: any EventLoop, logger: Logger, now: UInt64
    ) throws -> PrimaryZone {
        let directory = dataDirectory + "/zones/" + Self.directoryName(for: origin)
        try DurableFile.makeDirectory(directory)
        let snapshotPath = directory + "/snapshot"
        let journalPath = directory + "/journal"

        let source = try PrimarySource.read(path: sourcePath, origin: origin, checkPolicy: configuration.checkPolicy)
        var state: PrimaryZoneState
        var wroteInitialSnapshot = false
        if let bytes = try DurableFile.read(snapshotPath) {
            state = PrimaryZoneState(snapshot: try ZoneSnapshot.decode(bytes), historyLimit: configuration.historyLimit)
        } else {
            guard source.result.errorCount == 0 else { throw PrimaryZoneError.sourceFails(source.result) }
            state = PrimaryZoneState(zone: source.result.zone, sourceDigest: source.digest, historyLimit: configuration.historyLimit)
            try DurableFile.writeAtomically(state.snapshot().encode(), to: snapshotPath)
            wroteInitialSnapshot = true
        }

        let (journal, entries, recovery) = try JournalFile.open(path: journalPath)
        if recovery.droppedBytes > 0 {
            logger.warning("\(origin): journal had a torn or corrupt tail of \(recovery.droppedBytes) bytes after \(recovery.entries) whole entries; it was cut (those changes were never acknowledged)")
        }
        // Entries before the snapshot's serial are history for IXFR; the rest replay.
        var replayed = 0
        var older: [Changeset] = []
        for entry in entries {
            if entry.changeset.serialFrom == state.serial {
                try state.replay(entry)
                replayed += 1
            } else if replayed == 0 {
                older.append(entry.changeset)
            } else {
                throw PrimaryZoneError.journalGap(expected: state.serial, found: entry.changeset.serialFrom)
            }
        }
        state.prependHistory(older)
        let zone = PrimaryZone(origin: origin, sourcePath: sourcePath, state: state, journal: journal, snapshotPath: snapshotPath,
                               configuration: configuration, storageLoop: storageLoop, logger: logger)
        zone.logStart(replayed: replayed, fresh: wroteInitialSnapshot)
        return zone
    }

    private init(origin: DomainName, sourcePath: String, state: PrimaryZoneState, journal: JournalFile, snapshotPath: String,
                 configuration: PrimaryZoneConfiguration, storageLoop: any EventLoop, logger: Logger) {
        self.origin = origin
        self.sourcePath = sourcePath
        self.state = state
        self.journal = journal
        self.snapshotPath = snapshotPath
        self.configuration = configuration
        self.storageLoop = storageLoop
        self.logger = logger
        self.published = NIOLockedValueBox(PublishedVersion(zone: state.zone, history: state.historyLog))
    }

    nonisolated private func logStart(replayed: Int, fresh: Bool) {
        let version = published.withLockedValue { $0 }
        logger.info("\(origin): serving serial \(version.serial), \(version.zone.recordCount) records\(fresh ? " (first start)" : ""), \(replayed) journal entries replayed")
    }

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        storageLoop.executor.asUnownedSerialExecutor()
    }

    /// The version published now, readable from any thread.
    public nonisolated var current: PublishedVersion { published.withLockedValue { $0 } }

    public func setOnPublish(_ handler: @escaping @Sendable (PublishedVersion) -> Void) {
        onPublish = handler
    }

    static func directoryName(for origin: DomainName) -> String {
        if origin.isRoot { return "root" }
        var out = ""
        for scalar in origin.bindText.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-", ".", "_": out.unicodeScalars.append(scalar)
            default: out += "%" + String(scalar.value, radix: 16)
            }
        }
        return out
    }

    // MARK: UPDATE

    /// Queues an UPDATE and returns once it is durable and published (or refused).
    public func update(_ message: Message, signer: DomainName?) async -> UpdateResult {
        await withCheckedContinuation { continuation in
            enqueue(.update(PendingUpdate(message: message, signer: signer, continuation: continuation)))
        }
    }

    /// Everything that changes the zone waits in one queue and is carried out in order
    /// by `drain`, which never suspends: an UPDATE group and a source reload never
    /// interleave, nothing is published before it is durable, and the journal's
    /// entries follow each other serial by serial.
    enum Work {
        case update(PendingUpdate)
        case reload(CheckedContinuation<PrimaryReloadReport, Never>)
    }

    private func enqueue(_ work: Work) {
        pending.append(work)
        if !draining {
            draining = true
            Task { self.drain() }
        }
    }

    /// Runs without suspending: UPDATEs that arrive meanwhile queue on the actor and
    /// form the next group.
    private func drain() {
        while !pending.isEmpty {
            if case .reload(let continuation) = pending[0] {
                pending.removeFirst()
                continuation.resume(returning: reloadNow())
            } else {
                // The UPDATEs up to the next reload form one group: one fsync.
                let end = pending.firstIndex { if case .reload = $0 { return true } else { return false } } ?? pending.count
                let batch = pending[..<end].compactMap { work -> PendingUpdate? in
                    if case .update(let update) = work { return update } else { return nil }
                }
                pending.removeFirst(end)
                commit(batch)
            }
            compactIfNeeded()
        }
        draining = false
    }

    private func commit(_ batch: [PendingUpdate]) {
        // Each UPDATE sees the ones before it in the group; the state takes them only
        // once they are durable.
        var working = state.zone
        var versions: [Zone] = []
        var entries: [JournalEntry] = []
        var results: [UpdateResult] = []
        let processor = UpdateProcessor(policy: configuration.updatePolicy, checkPolicy: configuration.checkPolicy)
        let now = configuration.clock()
        let serialPolicy = configuration.serialPolicy
        let publishing = { (current: SOA, requested: SOA?) in
            PrimaryZoneState.publishedSOA(current: current, requested: requested, serialPolicy: serialPolicy, now: now)
        }
        for item in batch {
            switch processor.process(item.message, zone: working, signer: item.signer, publishing: publishing) {
            case .rejected(let rcode, let reason, let checks):
                logger.notice("\(origin): UPDATE from \(item.signer.map { "key \($0)" } ?? "unsigned") refused (\(rcode)): \(reason)")
                results.append(UpdateResult(rcode: rcode, reason: reason, checks: checks, serial: nil))
            case .unchanged:
                results.append(UpdateResult(rcode: .noError, reason: nil, checks: [], serial: nil))
            case .changed(let zone, let removed, let added, let soa):
                do {
                    let next = try PrimaryZoneState.version(after: working, updated: zone, removed: removed, added: added,
                                                            requested: soa, serialPolicy: configuration.serialPolicy, now: now)
                    working = next.zone
                    versions.append(next.zone)
                    entries.append(next.entry)
                    results.append(UpdateResult(rcode: .noError, reason: nil, checks: [], serial: next.entry.changeset.serialTo))
                } catch {
                    results.append(UpdateResult(rcode: .servFail, reason: "\(error)", checks: [], serial: nil))
                }
            }
        }
        if !entries.isEmpty {
            do {
                try journal.append(entries)
                for (entry, version) in zip(entries, versions) { state.adopt(entry, zone: version) }
                entriesSinceSnapshot += entries.count
                publish()
                logger.info("\(origin): \(entries.count) update\(entries.count == 1 ? "" : "s") committed, serial \(state.serial)")
            } catch {
                // Nothing was acknowledged or taken: fail the whole group.
                logger.error("\(origin): journal write failed, \(entries.count) updates not applied: \(error)")
                results = results.map { $0.serial != nil ? UpdateResult(rcode: .servFail, reason: "journal write failed", checks: [], serial: nil) : $0 }
            }
        }
        for (item, result) in zip(batch, results) { item.continuation.resume(returning: result) }
    }

    private func publish() {
        let version = PublishedVersion(zone: state.zone, history: state.historyLog)
        published.withLockedValue { $0 = version }
        onPublish?(version)
    }

    // MARK: Source reload

    /// Reads the source again, in turn with the UPDATEs. A source that fails keeps the
    /// last good version.
    public func reload() async -> PrimaryReloadReport {
        await withCheckedContinuation { continuation in enqueue(.reload(continuation)) }
    }

    private func reloadNow() -> PrimaryReloadReport {
        let source: PrimarySource
        do {
            source = try PrimarySource.read(path: sourcePath, origin: origin, checkPolicy: configuration.checkPolicy)
        } catch {
            logger.error("\(origin): cannot read \(sourcePath): \(error); keeping serial \(state.serial)")
            return .failed(["\(sourcePath): \(error)"])
        }
        if source.digest == state.sourceDigest { return .unchanged(state.serial) }
        let before = state
        switch state.reload(source: source.result, digest: source.digest, checkPolicy: configuration.checkPolicy,
                            serialPolicy: configuration.serialPolicy, now: configuration.clock()) {
        case .unchanged:
            return .unchanged(state.serial)
        case .rejected(let diagnostics):
            var lines: [String] = []
            for diagnostic in diagnostics.prefix(20) {
                let place = diagnostic.location.map { "\(source.result.files.path(of: $0)):\($0.line):\($0.column)" } ?? sourcePath
                lines.append("\(place): \(diagnostic.severity): \(diagnostic.message) [\(diagnostic.check)]")
            }
            if diagnostics.count > 20 { lines.append("\(sourcePath): and \(diagnostics.count - 20) more") }
            for line in lines { logger.error("\(line)") }
            logger.error("\(origin): source rejected, still serving serial \(state.serial)")
            return .failed(lines)
        case .published(let entry):
            do {
                try journal.append([entry])
            } catch {
                state = before
                logger.error("\(origin): journal write failed, reload not applied: \(error)")
                return .failed(["\(error)"])
            }
            entriesSinceSnapshot += 1
            publish()
            logger.info("\(origin): source reloaded, serial \(state.serial) (+\(entry.changeset.added.count) -\(entry.changeset.removed.count))")
            return .published(entry.changeset.serialTo)
        }
    }

    // MARK: Compaction

    /// Past the threshold: a new snapshot, then the journal cut to the recent entries
    /// IXFR still needs. A crash between the two leaves a snapshot whose serial the
    /// journal's older entries skip over, which `open` handles.
    private func compactIfNeeded() {
        guard entriesSinceSnapshot >= configuration.compactAfterEntries else { return }
        let snapshot = state.snapshot()
        let keep = state.historyLog.suffix(configuration.historyLimit)
        let journalEntries = keep.map { JournalEntry(kind: .reload, time: 0, changeset: $0) }
        do {
            try DurableFile.writeAtomically(snapshot.encode(), to: snapshotPath)
            try journal.replace(with: journalEntries)
            entriesSinceSnapshot = 0
            logger.info("\(origin): journal compacted at serial \(state.serial), \(keep.count) changesets kept for IXFR")
        } catch {
            logger.error("\(origin): compaction failed (will retry): \(error)")
        }
    }

    /// Writes a snapshot now (clean shutdown, tests).
    public func writeSnapshot() throws {
        try DurableFile.writeAtomically(state.snapshot().encode(), to: snapshotPath)
    }

    public func close() {
        journal.close()
    }
}

/// The outcome of a source reload, for the log and `dnsplane reload`.
public enum PrimaryReloadReport: Sendable, Equatable {
    /// The source did not change what is published; the serial served.
    case unchanged(UInt32)
    /// A new version was published under this serial.
    case published(UInt32)
    /// The source failed; the last good version stays. One line per finding, each
    /// starting with file:line:column where there is one.
    case failed([String])
}

public enum PrimaryZoneError: Error, CustomStringConvertible {
    case sourceFails(CompileResult)
    case journalGap(expected: UInt32, found: UInt32)

    public var description: String {
        switch self {
        case .sourceFails(let result):
            let first = result.diagnostics.first { $0.severity == .error }
            let place = first?.location.map { "\(result.files.path(of: $0)):\($0.line):\($0.column): " } ?? ""
            return "the source fails its checks (\(result.errorCount) errors), first: \(place)\(first?.message ?? "") [\(first?.check.rawValue ?? "")]"
        case .journalGap(let expected, let found):
            return "the journal does not follow the snapshot: expected an entry from serial \(expected), found one from \(found)"
        }
    }

    /// One line per finding, file:line:column first, for reports.
    public var lines: [String] {
        guard case .sourceFails(let result) = self else { return [description] }
        return result.diagnostics.filter { $0.severity == .error }.prefix(20).map { diagnostic in
            let place = diagnostic.location.map { "\(result.files.path(of: $0)):\($0.line):\($0.column)" } ?? "?"
            return "\(place): error: \(diagnostic.message) [\(diagnostic.check)]"
        }
    }
}

/// Per-zone settings of the primary.
public struct PrimaryZoneConfiguration: Sendable {
    public var updatePolicy: UpdatePolicy
    public var checkPolicy: CheckPolicy
    public var serialPolicy: SerialPolicy
    /// Changesets kept for IXFR (memory and journal).
    public var historyLimit: Int
    /// Journal entries between snapshots.
    public var compactAfterEntries: Int
    public var clock: @Sendable () -> UInt64

    public init(updatePolicy: UpdatePolicy, checkPolicy: CheckPolicy = .dnsplane, serialPolicy: SerialPolicy = .increment,
                historyLimit: Int = 1000, compactAfterEntries: Int = 10_000,
                clock: @escaping @Sendable () -> UInt64 = { UInt64(time(nil)) }) {
        self.updatePolicy = updatePolicy
        self.checkPolicy = checkPolicy
        self.serialPolicy = serialPolicy
        self.historyLimit = historyLimit
        self.compactAfterEntries = compactAfterEntries
        self.clock = clock
    }
}

/// A zone's source file, compiled, with the digest that tells whether it changed.
struct PrimarySource {
    var result: CompileResult
    var digest: UInt32

    static func read(path: String, origin: DomainName, checkPolicy: CheckPolicy) throws -> PrimarySource {
        guard let bytes = try DurableFile.read(path) else { throw StorageError(path: path, operation: "open", errno: ENOENT) }
        let options = CompileOptions(origin: origin, policy: checkPolicy, includeBase: .includingFile)
        let result = Compiler.compile(bytes: bytes, name: path, options: options)
        return PrimarySource(result: result, digest: CRC32C.checksum(bytes))
    }
}
