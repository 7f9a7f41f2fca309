#if canImport(Glibc)
import Glibc
#endif
import DNSCore
import DNSServer
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ServiceLifecycle
import TSIG
import UnixSignals
import ZoneCompiler

/// The hidden primary as a service: opens every zone of the zones folder, listens,
/// sends NOTIFY on each new serial, reloads sources on SIGHUP and when their files
/// change, and stops on graceful shutdown (SIGTERM through a `ServiceGroup`).
public final class PrimaryService: Service, @unchecked Sendable {
    public let configuration: PrimaryConfiguration
    private let logger: Logger
    /// One thread where the zones' actors run and block on their journal's fsyncs.
    private let storageGroup: MultiThreadedEventLoopGroup
    /// The zones served; the request handler reads it from the event loops.
    public let table = PrimaryZoneTable()
    public private(set) var listener: DNSListener?
    private var notifier: NotifySender?
    private var exchanger: DatagramExchanger?
    private var renotify: Task<Void, Never>?
    /// Source files by path, with what they looked like when last read; the ones not in
    /// `table` yet failed to load and are tried again on each reload.
    private let watched = NIOLockedValueBox<[String: FileStamp]>([:])
    private let reloads = NIOLockedValueBox(0)

    public init(configuration: PrimaryConfiguration, logger: Logger = Logger(label: "dnsplane.primary")) {
        self.configuration = configuration
        self.logger = logger
        self.storageGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    public var zones: [PrimaryZone] { table.all }
    public var pidFile: String { configuration.dataDirectory + "/primary.pid" }
    /// What the last reload did, zone by zone, for `dnsplane reload`.
    public var reloadReportFile: String { configuration.dataDirectory + "/reload.report" }

    /// Opens the zones and binds the listeners; returns the bound addresses. A zone
    /// whose source fails (and has no last good version on disk) is left out and
    /// reported; the others are served.
    @discardableResult
    public func start() async throws -> [SocketAddress] {
        try DurableFile.makeDirectory(configuration.dataDirectory)
        let source = try configuration.notifySource ?? SocketAddress(ipAddress: configuration.listen.first?.ipAddress ?? "127.0.0.1", port: 0)
        let exchanger = try await DatagramExchanger.bind(to: source)
        self.exchanger = exchanger
        notifier = NotifySender(exchanger: exchanger, key: configuration.keys.first, logger: logger, clock: { UInt64(time(nil)) })

        let files = try ZoneSourceFiles.zoneFiles(in: configuration.zonesDirectory)
        for file in files {
            _ = await open(file)
        }
        guard !table.all.isEmpty || files.isEmpty else {
            throw PrimaryStartError(message: "no zone could be loaded from \(configuration.zonesDirectory)")
        }

        let handler = PrimaryRequestHandler(zones: table, secondaries: configuration.secondaries, keyring: TSIGKeyring(configuration.keys),
                                            transfersNeedKey: !configuration.keys.isEmpty, logger: logger)
        let listener = DNSListener(configuration: ListenerConfiguration(addresses: configuration.listen), handler: handler,
                                   logger: logger)
        let bound = try await listener.start()
        self.listener = listener
        for zone in table.all { await notifyCurrent(zone) }
        // Once more a little later: a secondary that started with us may have been in
        // the middle of a failing refresh when the first came, and BIND's then waits
        // for its retry time.
        renotify = Task { [weak self] in
            try? await Task.sleep(nanoseconds: 5_000_000_000)
            guard !Task.isCancelled, let self else { return }
            for zone in self.table.all { await self.notifyCurrent(zone) }
        }
        try DurableFile.writeAtomically(Array("\(getpid())\n".utf8), to: pidFile)
        return bound
    }

    /// Opens one zone from its source file (and its data folder, if it has been served
    /// before), publishes any edit made while we were down, and starts its NOTIFYs.
    /// A zone that cannot be served is left out; the reason is logged and reported.
    private func open(_ file: String) async -> PrimaryZoneReport {
        watched.withLockedValue { $0[file] = FileStamp(path: file) }
        guard let origin = ZoneSourceFiles.origin(forFile: file) else {
            logger.error("\(file): the file name is not <origin>.zone; skipped")
            return PrimaryZoneReport(zone: file, outcome: .failed(["\(file): the file name is not <origin>.zone"]))
        }
        do {
            let zoneConfiguration = PrimaryZoneConfiguration(
                updatePolicy: try configuration.policy(for: origin), checkPolicy: configuration.checkPolicy,
                serialPolicy: configuration.serialPolicy, historyLimit: configuration.historyLimit,
                compactAfterEntries: configuration.compactAfterEntries)
            let zone = try PrimaryZone.open(origin: origin, sourcePath: file, dataDirectory: configuration.dataDirectory,
                                            configuration: zoneConfiguration, storageLoop: storageGroup.next(), logger: logger,
                                            now: UInt64(time(nil)))
            // An edit made while we were down is published now (or reported, if it fails).
            let outcome = await zone.reload()
            let notifier = self.notifier
            let secondaries = configuration.secondaries
            await zone.setOnPublish { version in
                Task { await notifier?.notify(zone: origin, soa: TransferResponder.soa(version.zone), secondaries: secondaries) }
            }
            table.add(zone)
            // Secondaries may have missed versions published while we were down; they
            // are told once we listen (a secondary that hears of a serial it cannot
            // fetch backs off for its SOA retry time).
            if listener != nil { await notifyCurrent(zone) }
            return PrimaryZoneReport(zone: "\(origin)", outcome: outcome)
        } catch {
            let lines = (error as? PrimaryZoneError)?.lines ?? ["\(file): \(error)"]
            logger.error("\(origin): not served: \(error)")
            if lines.count > 1 { for line in lines { logger.error("\(line)") } }
            return PrimaryZoneReport(zone: "\(origin)", outcome: .failed(lines))
        }
    }

    private func notifyCurrent(_ zone: PrimaryZone) async {
        await notifier?.notify(zone: zone.origin, soa: TransferResponder.soa(zone.current.zone), secondaries: configuration.secondaries)
    }

    public func run() async throws {
        if listener == nil { try await start() }
        // SIGHUP and the file watcher ask; one loop reloads, so reloads never overlap
        // and requests that pile up during one are served by the next.
        let (requests, requester) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(1))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await reason in requests {
                    self.logger.info("\(reason): reloading sources")
                    await self.reloadAll()
                }
            }
            group.addTask {
                let signals = await UnixSignalsSequence(trapping: .sighup)
                for await _ in signals { requester.yield("SIGHUP") }
            }
            if let interval = self.configuration.watchInterval {
                group.addTask { await self.watchSources(every: interval, requester: requester) }
            }
            group.addTask { try? await gracefulShutdown() }
            await group.next()
            requester.finish()
            group.cancelAll()
        }
        await stop()
    }

    /// Reloads every zone's source now (SIGHUP, `dnsplane reload`), tries again the
    /// zones that could not be loaded, picks up new zone files, and writes the report.
    @discardableResult
    public func reloadAll() async -> [PrimaryZoneReport] {
        var reports: [PrimaryZoneReport] = []
        let served = Set(table.all.map(\.sourcePath))
        for zone in table.all {
            watched.withLockedValue { $0[zone.sourcePath] = FileStamp(path: zone.sourcePath) }
            reports.append(PrimaryZoneReport(zone: "\(zone.origin)", outcome: await zone.reload()))
        }
        let files = (try? ZoneSourceFiles.zoneFiles(in: configuration.zonesDirectory)) ?? []
        for file in files where !served.contains(file) {
            reports.append(await open(file))
        }
        writeReport(reports)
        return reports
    }

    /// `<data-dir>/reload.report`: a generation line, then one block per zone. Written
    /// atomically, so `dnsplane reload` reads a whole one.
    private func writeReport(_ reports: [PrimaryZoneReport]) {
        let generation = reloads.withLockedValue { count -> Int in
            count += 1
            return count
        }
        var text = "generation \(getpid()).\(generation)\n"
        for report in reports {
            switch report.outcome {
            case .unchanged(let serial): text += "\(report.zone) unchanged serial \(serial)\n"
            case .published(let serial): text += "\(report.zone) published serial \(serial)\n"
            case .failed(let lines):
                text += "\(report.zone) failed\n"
                for line in lines { text += "  \(line)\n" }
            }
        }
        do {
            try DurableFile.writeAtomically(Array(text.utf8), to: reloadReportFile)
        } catch {
            logger.warning("cannot write \(reloadReportFile): \(error)")
        }
    }

    /// Looks at each source's size and modification time; reloads the ones that moved,
    /// and notices zone files that appear.
    private func watchSources(every interval: TimeAmount, requester: AsyncStream<String>.Continuation) async {
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(interval.nanoseconds))
            guard !Task.isCancelled else { return }
            let known = watched.withLockedValue { $0 }
            var changed = known.contains { path, stamp in FileStamp(path: path) != stamp }
            if !changed, let files = try? ZoneSourceFiles.zoneFiles(in: configuration.zonesDirectory) {
                changed = files.contains { known[$0] == nil }
            }
            if changed {
                // Taken as seen now, so one edit asks once.
                watched.withLockedValue { stamps in
                    for path in stamps.keys { stamps[path] = FileStamp(path: path) }
                }
                requester.yield("source file changed")
            }
        }
    }

    public func stop() async {
        renotify?.cancel()
        await listener?.stop()
        await exchanger?.close()
        for zone in table.all { await zone.close() }
        unlink(pidFile)
        try? await storageGroup.shutdownGracefully()
        logger.info("primary stopped")
    }

    /// Size and modification time: enough to notice an edit without reading the file.
    struct FileStamp: Equatable {
        var size: Int
        var modified: Int
        var modifiedNanoseconds: Int

        init(path: String) {
            var info = stat()
            if stat(path, &info) == 0 {
                size = Int(info.st_size)
                modified = Int(info.st_mtim.tv_sec)
                modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
            } else {
                size = -1
                modified = 0
                modifiedNanoseconds = 0
            }
        }
    }
}

/// What a reload did to one zone.
public struct PrimaryZoneReport: Sendable, Equatable {
    /// The origin, or the file name when it does not name a zone.
    public var zone: String
    public var outcome: PrimaryReloadReport
}

public struct PrimaryStartError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
