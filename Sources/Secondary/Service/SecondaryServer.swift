#if canImport(Glibc)
import Glibc
#endif
import DNSCore
import DNSServer
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import ZoneCompiler

/// A running secondary: listeners, one `ZoneRefresher` per zone, the catalog they
/// publish into. A `Service`: `run()` serves until graceful shutdown (SIGTERM through
/// a `ServiceGroup`), then stops refreshing and closes the sockets.
public final class SecondaryServer: Service, Sendable {
    public let configuration: SecondaryConfiguration
    public let catalog: ZoneCatalog
    public let board: SecondaryStatusBoard
    public let listener: DNSListener
    public let refreshers: [DomainName: ZoneRefresher]
    private let logger: Logger

    /// `queries` answers QUERY requests from `catalog`; by default the `QueryResponder`
    /// (`ImmediateQueryResponder`).
    public init(configuration: SecondaryConfiguration, logger: Logger,
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                clock: any SecondaryClock = SystemSecondaryClock(),
                client: (any ZoneTransferClient)? = nil,
                queries: ((ZoneCatalog) -> any RequestHandler)? = nil) {
        self.configuration = configuration
        self.logger = logger
        let catalog = ZoneCatalog()
        let board = SecondaryStatusBoard(zones: configuration.zones)
        self.catalog = catalog
        self.board = board
        let client = client ?? NIOZoneTransferClient(group: group, sourceAddress: configuration.sourceAddress,
                                                     limits: configuration.limits, clock: { clock.now() })
        let store = ZoneStore(directory: configuration.dataDirectory)
        let gate = VersionGate(maxChangeRatio: configuration.maxChangeRatio)
        var refreshers: [DomainName: ZoneRefresher] = [:]
        for zone in configuration.zones {
            refreshers[zone] = ZoneRefresher(
                origin: zone, primaries: configuration.primaries, key: configuration.key, client: client, gate: gate,
                store: store, catalog: catalog, board: board, expirePolicy: configuration.expirePolicy, clock: clock,
                logger: logger,
                machine: .init(primaryCount: configuration.primaries.count, initialRetry: configuration.initialRetry))
        }
        self.refreshers = refreshers
        let handler = SecondaryRequestHandler(
            board: board, primaries: configuration.primaries, key: configuration.key,
            expirePolicy: configuration.expirePolicy, queries: queries?(catalog) ?? ImmediateQueryResponder(catalog: catalog),
            logger: logger,
            notify: { [refreshers] zone, primary, serial in
                guard let refresher = refreshers[zone] else { return }
                Task { await refresher.notify(primary: primary, serial: serial) }
            })
        listener = DNSListener(configuration: ListenerConfiguration(addresses: configuration.listen), handler: handler,
                               group: group, logger: logger)
    }

    /// Creates the data directory, loads saved zones (served at once), binds the
    /// listeners and starts refreshing. Returns the bound addresses.
    @discardableResult
    public func start() async throws -> [SocketAddress] {
        try Self.makeDirectory(configuration.dataDirectory)
        for zone in configuration.zones { await refreshers[zone]!.start() }
        let bound = try await listener.start()
        logger.info("secondary for \(configuration.zones.map(\.description).joined(separator: " ")) from \(configuration.primaries.map { NIOZoneTransferClient.text($0) }.joined(separator: ", ")), expire policy \(configuration.expirePolicy.rawValue)")
        return bound
    }

    public func stop() async {
        for refresher in refreshers.values { await refresher.stop() }
        await listener.stop()
    }

    public func run() async throws {
        if listener.boundAddresses.isEmpty {
            do {
                try await start()
            } catch {
                logger.critical("cannot start: \(error)")
                await stop()
                throw error
            }
        }
        try? await gracefulShutdown()
        logger.info("shutting down")
        await stop()
    }

    static func makeDirectory(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            built += "/" + component
            if mkdir(built, 0o755) != 0 && errno != EEXIST {
                throw ZoneStore.Failure(description: "cannot create \(built): \(String(cString: strerror(errno)))")
            }
        }
    }
}
