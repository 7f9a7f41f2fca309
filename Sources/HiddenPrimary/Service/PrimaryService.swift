#if canImport(Glibc)
import Glibc
#endif
import DNSCore
import DNSServer
import Logging
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
    private let threadPool: NIOThreadPool
    public private(set) var zones: [PrimaryZone] = []
    public private(set) var listener: DNSListener?
    private var watched: [String: FileStamp] = [:]

    public init(configuration: PrimaryConfiguration, logger: Logger = Logger(label: "dnsplane.primary")) {
        self.configuration = configuration
        self.logger = logger
        self.threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
    }

    public var pidFile: String { configuration.dataDirectory + "/primary.pid" }

    /// Opens the zones and binds the listeners; returns the bound addresses. A zone
    /// whose source fails (and has no last good version on disk) is left out and
    /// reported; the others are served.
    @discardableResult
    public func start() async throws -> [SocketAddress] {
        try DurableFile.makeDirectory(configuration.dataDirectory)
        let now = UInt64(time(nil))
        let files = try ZoneSourceFiles.zoneFiles(in: configuration.zonesDirectory)
        for file in files {
            guard let origin = ZoneSourceFiles.origin(forFile: file) else {
                logger.error("\(file): the file name is not <origin>.zone; skipped")
                continue
            }
            let zoneConfiguration = PrimaryZoneConfiguration(
                updatePolicy: try configuration.policy(for: origin), checkPolicy: configuration.checkPolicy,
                serialPolicy: configuration.serialPolicy, historyLimit: configuration.historyLimit,
                compactAfterEntries: configuration.compactAfterEntries)
            do {
                let zone = try PrimaryZone.open(origin: origin, sourcePath: file, dataDirectory: configuration.dataDirectory,
                                                configuration: zoneConfiguration, threadPool: threadPool, logger: logger, now: now)
                zones.append(zone)
                watched[file] = FileStamp(path: file)
            } catch {
                logger.error("\(origin): not served: \(error)")
            }
        }
        guard !zones.isEmpty || files.isEmpty else { throw PrimaryStartError(message: "no zone could be loaded from \(configuration.zonesDirectory)") }

        let source = try configuration.notifySource ?? SocketAddress(ipAddress: configuration.listen.first?.ipAddress ?? "127.0.0.1", port: 0)
        let exchanger = try await DatagramExchanger.bind(to: source)
        let notifier = NotifySender(exchanger: exchanger, key: configuration.keys.first, logger: logger, clock: { UInt64(time(nil)) })
        let secondaries = configuration.secondaries
        for zone in zones {
            let origin = zone.origin
            await zone.setOnPublish { version in
                Task { await notifier.notify(zone: origin, soa: TransferResponder.soa(version.zone), secondaries: secondaries) }
            }
            // Secondaries may have missed versions published while we were down.
            await notifier.notify(zone: origin, soa: TransferResponder.soa(zone.current.zone), secondaries: secondaries)
        }

        let handler = PrimaryRequestHandler(zones: zones, secondaries: secondaries, keyring: TSIGKeyring(configuration.keys),
                                            transfersNeedKey: !configuration.keys.isEmpty, logger: logger)
        let listener = DNSListener(configuration: ListenerConfiguration(addresses: configuration.listen), handler: handler,
                                   logger: logger)
        let bound = try await listener.start()
        self.listener = listener
        try DurableFile.writeAtomically(Array("\(getpid())\n".utf8), to: pidFile)
        return bound
    }

    public func run() async throws {
        if listener == nil { try await start() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.reloadOnSIGHUP() }
            if let interval = self.configuration.watchInterval {
                group.addTask { await self.watchSources(every: interval) }
            }
            group.addTask { try? await gracefulShutdown() }
            await group.next()
            group.cancelAll()
        }
        await stop()
    }

    /// Reloads every zone's source now (SIGHUP, `dnsplane reload`).
    public func reloadAll() async {
        for zone in zones {
            _ = await zone.reload()
            watched[zone.sourcePath] = FileStamp(path: zone.sourcePath)
        }
    }

    private func reloadOnSIGHUP() async {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals {
            logger.info("SIGHUP: reloading sources")
            await reloadAll()
        }
    }

    /// Looks at each source's size and modification time; reloads the ones that moved.
    private func watchSources(every interval: TimeAmount) async {
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(interval.nanoseconds))
            for zone in zones {
                let stamp = FileStamp(path: zone.sourcePath)
                if stamp != watched[zone.sourcePath] {
                    watched[zone.sourcePath] = stamp
                    _ = await zone.reload()
                }
            }
        }
    }

    public func stop() async {
        await listener?.stop()
        for zone in zones { await zone.close() }
        unlink(pidFile)
        try? await threadPool.shutdownGracefully()
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

public struct PrimaryStartError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
