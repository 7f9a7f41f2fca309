import ArgumentParser
import DNSCore
import DNSServer
import Logging
import NIOCore
import Secondary
import ServiceLifecycle
import TSIG

/// `dnsplane secondary`: flags in, a `SecondaryConfiguration` out, then the server runs
/// until SIGTERM or SIGINT. Everything else lives in the Secondary module.
struct SecondaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secondary",
        abstract: "Serve zones transferred from primaries, checking every version before it is served.",
        discussion: """
        Follows each --zone from the --primary servers by NOTIFY, SOA refresh and IXFR/AXFR. Every new \
        version must pass the same checks as `dnsplane check` and must not remove more than \
        --max-change-ratio of the records; otherwise the last good version keeps being served. The last \
        good version is saved under --data-dir and served at once after a restart. UPDATE requests are \
        refused (forwarding them to the primary is not implemented yet).
        """
    )

    @Option(name: .customLong("data-dir"), help: "Where the last good versions are saved (created if missing).")
    var dataDirectory: String

    @Option(name: .long, parsing: .upToNextOption, help: "ADDR:PORT to answer on (UDP and TCP); repeatable.")
    var listen: [String]

    @Option(name: .customLong("zone"), parsing: .upToNextOption, help: "A zone to serve; repeatable.")
    var zones: [String]

    @Option(name: .customLong("primary"), parsing: .upToNextOption,
            help: "ADDR:PORT of a primary, tried in order; NOTIFY is accepted only from these addresses.")
    var primaries: [String]

    @Option(name: .customLong("key-file"), help: "A BIND key file: transfers and SOA queries are signed, NOTIFY must be.")
    var keyFile: String?

    @Option(name: .customLong("expire-policy"), help: "follow-soa (SERVFAIL after the SOA expire) or serve-stale.")
    var expirePolicy: String = ExpirePolicy.followSOA.rawValue

    @Option(name: .customLong("max-change-ratio"), help: "Refuse a version that removes more than this share of the records.")
    var maxChangeRatio: Double = 0.5

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard !listen.isEmpty else { throw ValidationError("--listen is required") }
        guard !zones.isEmpty else { throw ValidationError("at least one --zone is required") }
        guard !primaries.isEmpty else { throw ValidationError("at least one --primary is required") }
        guard ExpirePolicy(rawValue: expirePolicy) != nil else {
            throw ValidationError("--expire-policy must be follow-soa or serve-stale, not '\(expirePolicy)'")
        }
        guard maxChangeRatio >= 0 && maxChangeRatio <= 1 else {
            throw ValidationError("--max-change-ratio must be between 0 and 1")
        }
    }

    func makeConfiguration() throws -> SecondaryConfiguration {
        let listenAddresses = try listen.map { text in
            do { return try Addresses.parse(text) } catch { throw ValidationError("--listen: \(error)") }
        }
        let primaryAddresses = try primaries.map { text in
            do { return try Addresses.parse(text) } catch { throw ValidationError("--primary: \(error)") }
        }
        let zoneNames = try zones.map { text in
            do { return try DomainName(text.hasSuffix(".") ? text : text + ".", origin: nil) } catch {
                throw ValidationError("--zone '\(text)' is not a domain name: \(error)")
            }
        }
        // One key: it signs what we send and must sign what the primaries send.
        let key = try keyFile.map { try KeyFiles.read($0)[0] }
        return SecondaryConfiguration(dataDirectory: dataDirectory, listen: listenAddresses, zones: zoneNames,
                                      primaries: primaryAddresses, key: key,
                                      expirePolicy: ExpirePolicy(rawValue: expirePolicy)!, maxChangeRatio: maxChangeRatio)
    }

    func run() async throws {
        let configuration = try makeConfiguration()
        let logger = try LoggingSetup.bootstrap(level: logLevel, label: "dnsplane.secondary")
        // The group starts the server (its run() loads, binds, refreshes), so SIGTERM is
        // handled from before the first answer.
        let server = SecondaryServer(configuration: configuration, logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: server)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}

extension SecondaryCommand: AsyncCommand {
    mutating func runAsync() async throws { try await run() }
}
