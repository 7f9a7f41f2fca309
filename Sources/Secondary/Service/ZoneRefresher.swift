import DNSCore
import DNSServer
import Dispatch
import Logging
import NIOCore
import TSIG
import ZoneCompiler

/// Carries out one zone's `RefreshStateMachine`: runs the SOA queries and transfers it
/// asks for, puts each transferred version through the `VersionGate`, swaps accepted
/// ones into the catalog, saves them, and keeps the timer. The only place where the
/// secondary's decisions meet the network, the disk and the clock.
///
/// An actor: NOTIFYs, timers and finished operations arrive from anywhere and are
/// fed to the machine one at a time. At most one operation (a SOA query or a transfer)
/// runs per zone, because the machine asks for one at a time.
public actor ZoneRefresher {
    public let origin: DomainName
    public let primaries: [SocketAddress]
    let key: TSIGKey?
    let client: any ZoneTransferClient
    let gate: VersionGate
    let store: ZoneStore
    let catalog: ZoneCatalog
    let board: SecondaryStatusBoard
    let expirePolicy: ExpirePolicy
    let clock: any SecondaryClock
    let logger: Logger

    private var machine: RefreshStateMachine
    /// The version served now.
    private var zone: Zone?
    private var timer: Task<Void, Never>?
    private var operation: Task<Void, Never>?
    private var stopped = false
    /// Writes to disk, newest last, one at a time, apart from the refresh cycle: a
    /// 100k-record save (a few hundred ms) must not hold up the next transfer. Only the
    /// latest pending version and state are kept; ones overtaken are never written.
    private var pendingZone: Zone?
    private var pendingState: ZoneStore.State?
    private var saver: Task<Void, Never>?

    public init(origin: DomainName, primaries: [SocketAddress], key: TSIGKey?, client: any ZoneTransferClient,
                gate: VersionGate, store: ZoneStore, catalog: ZoneCatalog, board: SecondaryStatusBoard,
                expirePolicy: ExpirePolicy, clock: any SecondaryClock, logger: Logger,
                machine: RefreshStateMachine.Configuration? = nil) {
        self.origin = origin
        self.primaries = primaries
        self.key = key
        self.client = client
        self.gate = gate
        self.store = store
        self.catalog = catalog
        self.board = board
        self.expirePolicy = expirePolicy
        self.clock = clock
        self.logger = logger
        self.machine = RefreshStateMachine(configuration: machine ?? .init(primaryCount: primaries.count),
                                           seed: UInt64.random(in: 0...UInt64.max))
    }

    /// Loads the saved version (served at once) and starts refreshing.
    public func start() async {
        var loaded: RefreshStateMachine.Loaded?
        let began = clock.now()
        do {
            let store = self.store
            let origin = self.origin
            // Loading and building the answer tables are the slow part: off the actor.
            let loadedVersion = try await Self.offload { () throws -> (Zone, ZoneStore.State, ServingZone)? in
                guard let (saved, state) = try store.load(origin) else { return nil }
                return (saved, state, ServingZone(saved))
            }
            if let (saved, state, serving) = loadedVersion, let soa = saved.soa {
                zone = saved
                catalog.replace(serving)
                loaded = .init(serial: soa.serial, timers: SOATimers(soa), lastRefresh: state.lastRefresh,
                               expireWindow: state.expireWindow)
                board.update(origin) { $0.serial = soa.serial; $0.lastRefresh = state.lastRefresh }
                let milliseconds = Int(((clock.now() - began) * 1000).rounded())
                logger.info("\(origin): serial \(soa.serial) loaded from \(store.zonePath(origin)) (\(saved.recordCount) records, \(milliseconds) ms), serving")
            } else {
                logger.info("\(origin): no saved version in \(store.directory); waiting for a transfer")
            }
        } catch {
            logger.error("\(origin): saved version not used: \(error); waiting for a transfer")
        }
        send(.start(now: clock.now(), loaded: loaded))
    }

    /// A NOTIFY from primary `primary` was accepted.
    public func notify(primary: Int, serial: UInt32?) {
        send(.notify(primary: primary, serial: serial, now: clock.now()))
    }

    /// Cancels the timer and any operation in flight, waits for it to end and for the
    /// saves queued to finish (a restart finds the newest version); nothing starts after.
    public func stop() async {
        stopped = true
        timer?.cancel()
        timer = nil
        let running = operation
        operation = nil
        running?.cancel()
        await running?.value
        // The newest version reaches the disk before we say we have stopped.
        await saver?.value
    }

    public var servedZone: Zone? { zone }

    // MARK: - Driving the machine

    private func send(_ event: RefreshStateMachine.Event) {
        guard !stopped else { return }
        let actions = machine.handle(event)
        board.update(origin) { [machine] status in
            status.expiresAt = machine.expiresAt
            status.lastRefresh = machine.lastRefresh
        }
        for action in actions { perform(action) }
    }

    private func perform(_ action: RefreshStateMachine.Action) {
        switch action {
        case .querySOA(let primary):
            let address = primaries[primary]
            operation = Task { [client, origin, key] in
                do {
                    let answer = try await client.querySOA(zone: origin, primary: address, key: key)
                    self.send(.soaAnswered(primary: primary, serial: answer.serial, expire: answer.expire, now: self.clock.now()))
                } catch {
                    self.soaFailed(primary: primary, error: error)
                }
            }
        case .transfer(let primary, let serial):
            operation = Task { await self.transfer(primary: primary, offered: serial) }
        case .refreshed(let serial):
            logger.debug("\(origin): serial \(serial) is current at \(Self.text(primaries, nil))")
            persist(nil, ZoneStore.State(serial: serial, lastRefresh: machine.lastRefresh ?? clock.now(),
                                         expireWindow: machine.expireWindow))
        case .skipRejected(let serial, let until):
            logger.info("\(origin): primary still offers serial \(serial), which was refused; next check in \(Self.seconds(until - clock.now()))")
        case .primaryBehind(let primary, let serial):
            logger.warning("\(origin): \(Self.text(primaries, primary)) has serial \(serial), older than ours (\(machine.serial ?? 0)); not transferred")
        case .holdRejected(let serial, let until):
            logger.info("\(origin): serial \(serial) is not fetched again for \(Self.seconds(until - clock.now())) unless the primary's serial changes")
        case .ignoreNotify(let reason):
            logger.info("\(origin): NOTIFY ignored: \(reason)")
        case .retryScheduled(let at, let failures):
            board.update(origin) { $0.failedCount += 1 }
            logger.warning("\(origin): no usable answer from \(primaries.count == 1 ? "the primary" : "any primary") (\(failures) in a row); next try in \(Self.seconds(at - clock.now()))")
        case .expire:
            let expire = machine.timers.map { Int($0.expire) } ?? 0
            switch expirePolicy {
            case .followSOA:
                logger.error("\(origin): expired: no successful refresh for \(expire) s (SOA expire); answering SERVFAIL until a primary answers")
            case .serveStale:
                logger.warning("\(origin): expired: no successful refresh for \(expire) s (SOA expire); serving stale data (--expire-policy serve-stale)")
            }
        case .revive:
            logger.notice("\(origin): refreshed after expiry; serving again")
        case .wake(let at):
            timer?.cancel()
            timer = Task { [clock] in
                do { try await clock.sleep(until: at) } catch { return }
                guard !Task.isCancelled else { return }
                self.send(.timer(now: clock.now()))
            }
        }
    }

    private func soaFailed(primary: Int, error: any Error) {
        guard !stopped else { return }
        logger.warning("\(origin): SOA query to \(Self.text(primaries, primary)) failed: \(error)")
        send(.soaFailed(primary: primary, now: clock.now()))
    }

    // MARK: - Transfer, gate, publish

    private func transfer(primary: Int, offered: UInt32) async {
        let address = primaries[primary]
        let source = Self.text(primaries, primary)
        let previous = zone
        let previousSOA = previous.flatMap(Self.soaRecord)
        let began = clock.now()
        do {
            let outcome = try await client.transfer(zone: origin, primary: address, currentSOA: previousSOA, key: key)
            let transferred = clock.now()
            guard !stopped else { return }
            board.update(origin) {
                $0.lastTransferMessages = outcome.messages
                $0.lastTransferBytes = outcome.bytes
            }
            var method = previousSOA == nil ? "AXFR" : "IXFR"
            var candidate: Zone
            var changes: Int?
            var net: (removed: Int, added: Int)?
            switch outcome.content {
            case .upToDate(let soa):
                logger.info("\(origin): IXFR from \(source): the primary has no newer version than \(previous?.soa?.serial ?? 0)")
                send(.transferUpToDate(primary: primary, serial: Self.serial(soa), now: clock.now()))
                return
            case .full(_, let zone):
                if previousSOA != nil { method = "IXFR (full zone)" }
                candidate = zone
            case .incremental(_, let changesets):
                do {
                    let base = previous!
                    candidate = try await Self.offload {
                        var applied = base
                        for changeset in changesets { applied = try applied.applying(changeset) }
                        return applied
                    }
                    changes = changesets.reduce(0) { $0 + $1.removed.count + $1.added.count }
                    net = VersionGate.netChanges(changesets)
                } catch {
                    logger.warning("\(origin): IXFR from \(source) does not apply to serial \(previous?.soa?.serial ?? 0) (\(error)); falling back to AXFR")
                    board.update(origin) { $0.ixfrFallbackCount += 1 }
                    let full = try await client.transfer(zone: origin, primary: address, currentSOA: nil, key: key)
                    guard !stopped else { return }
                    board.update(origin) {
                        $0.lastTransferMessages = full.messages
                        $0.lastTransferBytes = full.bytes
                    }
                    guard case .full(_, let zone) = full.content else {
                        throw TransferError(.malformed, "AXFR of \(origin) from \(source) did not return a zone")
                    }
                    method = "AXFR"
                    candidate = zone
                }
            }
            let gate = self.gate
            let checked = candidate
            let applied = clock.now()
            let known = net
            // The checks, and for a version that passes them its answer tables, are
            // built off the actor; the swap into the catalog is then one reference.
            let (verdict, serving) = try await Self.offload { () -> (VersionGate.Verdict, ServingZone?) in
                let verdict = gate.evaluate(checked, previous: previous, changes: known)
                guard case .accept = verdict else { return (verdict, nil) }
                return (verdict, ServingZone(checked))
            }
            let milliseconds = { (from: Double, to: Double) in Int(((to - from) * 1000).rounded()) }
            logger.debug("\(origin): serial \(checked.soa?.serial ?? 0): transfer \(milliseconds(began, transferred)) ms, apply \(milliseconds(transferred, applied)) ms, checks \(milliseconds(applied, clock.now())) ms")
            guard !stopped else { return }
            await publish(checked, serving: serving, verdict: verdict, previous: previous, primary: primary, method: method,
                          changes: changes)
        } catch {
            guard !stopped else { return }
            logger.warning("\(origin): transfer of serial \(offered) from \(source) failed: \(error)")
            send(.transferFailed(primary: primary, now: clock.now()))
        }
    }

    private func publish(_ candidate: Zone, serving: ServingZone?, verdict: VersionGate.Verdict, previous: Zone?, primary: Int,
                         method: String, changes: Int?) async {
        let source = Self.text(primaries, primary)
        let serial = candidate.soa?.serial ?? 0
        switch verdict {
        case .reject(let rejection):
            let keeping = previous?.soa.map { "keeping serial \($0.serial)" } ?? "still no data to serve"
            let text = "refused serial \(serial) from \(source): \(rejection), \(keeping)"
            logger.error("\(origin): \(text)")
            board.update(origin) {
                $0.rejectedCount += 1
                $0.lastRejection = text
            }
            send(.transferRejected(primary: primary, serial: serial, now: clock.now()))
        case .accept(let accepted):
            catalog.replace(serving ?? ServingZone(candidate))
            zone = candidate
            let now = clock.now()
            board.update(origin) {
                $0.serial = serial
                if method.hasPrefix("IXFR") && !method.contains("full") { $0.ixfrCount += 1 } else { $0.axfrCount += 1 }
            }
            let count = changes ?? (accepted.removed + accepted.added)
            let size = previous == nil ? "\(candidate.recordCount) records" : "\(count) change\(count == 1 ? "" : "s")"
            logger.info("\(origin): serial \(serial) transferred by \(method) from \(source) (\(size)), published")
            for warning in accepted.warnings.prefix(5) {
                logger.notice("\(origin): serial \(serial): [\(warning.check)] \(warning.message)")
            }
            send(.transferPublished(primary: primary, serial: serial, timers: SOATimers(candidate.soa!), now: now))
            persist(candidate, ZoneStore.State(serial: serial, lastRefresh: now, primary: source))
        }
    }

    /// Queues a version (with its state) or a state alone for the disk.
    private func persist(_ zone: Zone?, _ state: ZoneStore.State) {
        if let zone { pendingZone = zone }
        pendingState = state
        guard saver == nil else { return }
        saver = Task { await self.drainSaves() }
    }

    private func drainSaves() async {
        while let state = pendingState {
            let zone = pendingZone
            pendingZone = nil
            pendingState = nil
            let store = self.store
            let origin = self.origin
            do {
                try await Self.offload {
                    if let zone { try store.save(zone, state: state) } else { try store.saveState(state, for: origin) }
                }
            } catch {
                logger.error("\(origin): \(zone.map { "serial \($0.soa?.serial ?? 0) is served but" } ?? "the refresh time") could not be saved: \(error)")
            }
        }
        saver = nil
    }

    /// Runs CPU- or disk-heavy work (loading, applying, checking, saving a zone) on a
    /// Dispatch thread, so a 100k-record zone never holds one of the few cooperative
    /// threads that NOTIFYs, timers and other zones need. Dispatch rather than NIO's
    /// two-thread blocking pool: one zone's long load must not queue another's save.
    static func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    static func soaRecord(_ zone: Zone) -> ResourceRecord? {
        guard let soa = zone.soa, let ttl = zone.soaTTL else { return nil }
        return ResourceRecord(owner: zone.origin, type: .soa, rrClass: zone.rrClass, ttl: ttl, rdata: .soa(soa))
    }

    static func serial(_ record: ResourceRecord) -> UInt32 {
        if case .soa(let soa) = record.rdata { return soa.serial }
        return 0
    }

    static func text(_ primaries: [SocketAddress], _ index: Int?) -> String {
        guard let index else { return primaries.map { NIOZoneTransferClient.text($0) }.joined(separator: ", ") }
        return NIOZoneTransferClient.text(primaries[index])
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? "\(Double(Int(max(0, value) * 10)) / 10) s" : "\(Int(value)) s"
    }
}
