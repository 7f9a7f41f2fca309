import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import DNSCore
import DNSServer
import HiddenPrimary
import Logging
import NIOCore
import ServiceLifecycle
import TSIG
import ZoneCompiler

/// `dnsplane primary`: the hidden primary (DESIGN §4, §6).
struct PrimaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "primary",
        abstract: "Run the hidden primary: serve zones/ to the secondaries, take UPDATEs, journal every change.",
        discussion: "Answers only SOA/AXFR/IXFR to the listed secondaries and UPDATE to allowed keys. Reloads on SIGHUP and when a source file changes; stops on SIGTERM."
    )

    @Option(help: "The folder of <origin>.zone source files.")
    var zones: String

    @Option(name: .customLong("data-dir"), help: "Where journals and snapshots live; nothing is written elsewhere.")
    var dataDir: String

    @Option(help: ArgumentHelp("Address to listen on (repeatable).", valueName: "ADDR:PORT"))
    var listen: [String]

    @Option(help: ArgumentHelp("A secondary: may transfer, gets NOTIFY (repeatable).", valueName: "ADDR:PORT"))
    var secondary: [String] = []

    @Option(name: .customLong("key-file"), help: "A BIND key file (repeatable). With keys, transfers need one; the first signs NOTIFY.")
    var keyFile: [String] = []

    @Option(name: .customLong("allow-update"), help: ArgumentHelp("A key that may change anything (repeatable).", valueName: "KEYNAME"))
    var allowUpdate: [String] = []

    @Option(name: .customLong("update-policy"), help: "A file of BIND update-policy rules (grant KEY subdomain NAME A AAAA; ...).")
    var updatePolicy: String?

    @Option(name: .customLong("serial-policy"), help: "increment, unixtime or date.")
    var serialPolicy: String = "increment"

    @Option(name: .customLong("notify-source"), help: "The address NOTIFY is sent from (default: the first listen address).")
    var notifySource: String?

    @Flag(name: .customLong("no-watch"), help: "Do not watch source files; reload on SIGHUP only.")
    var noWatch = false

    @Option(name: .customLong("history"), help: "Changesets kept for IXFR; older clients get the whole zone.")
    var history: Int = 1000

    @Option(name: .customLong("compact-after"), help: "Journal entries between snapshots (the journal is then cut to --history).")
    var compactAfter: Int = 10_000

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func run() async throws {
        let logger = try LoggingSetup.bootstrap(level: logLevel, label: "dnsplane.primary")
        guard let policy = SerialPolicy(rawValue: serialPolicy) else {
            throw ValidationError("--serial-policy: use increment, unixtime or date")
        }
        var keys: [TSIGKey] = []
        for file in keyFile { keys += try KeyFiles.read(file) }
        var updateNames: [DomainName] = []
        for name in allowUpdate {
            guard let key = try? DomainName(name.hasSuffix(".") ? name : name + ".", origin: nil) else {
                throw ValidationError("--allow-update: bad key name '\(name)'")
            }
            guard keys.contains(where: { $0.name == key }) else {
                throw ValidationError("--allow-update \(name): no such key in the --key-file files")
            }
            updateNames.append(key)
        }
        let policyText = try updatePolicy.map { try TextFile.read($0, what: "--update-policy") }
        let configuration = PrimaryConfiguration(
            zonesDirectory: zones, dataDirectory: dataDir, listen: try listen.map(Addresses.parse),
            secondaries: try secondary.map(Addresses.parse), keys: keys, allowUpdate: updateNames, updatePolicy: policyText,
            serialPolicy: policy, notifySource: try notifySource.map { try Addresses.parse($0, defaultPort: 0) },
            watchInterval: noWatch ? nil : .seconds(1), historyLimit: history, compactAfterEntries: compactAfter)
        guard history >= 1, compactAfter >= 1 else { throw ValidationError("--history and --compact-after must be at least 1") }
        guard !configuration.listen.isEmpty else { throw ValidationError("give at least one --listen address") }
        let service = PrimaryService(configuration: configuration, logger: logger)
        try await service.start()
        let group = ServiceGroup(services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}

/// `dnsplane reload`: asks a running primary to read its sources again (SIGHUP) and
/// prints what it did, zone by zone: the serial published, or the findings (file:line)
/// that kept the last good version. Exit 1 when a zone's source failed.
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reload", abstract: "Make a running primary reload its zone sources and report.")

    @Option(name: .customLong("data-dir"), help: "The primary's data folder.")
    var dataDir: String

    @Option(help: "Seconds to wait for the primary's report.")
    var timeout: Double = 30

    func run() throws {
        let path = dataDir + "/primary.pid"
        guard let text = try? TextFile.read(path, what: "pid file"),
              let pid = Int32(text.filter { $0.isNumber }) else {
            throw ValidationError("no running primary: cannot read \(path)")
        }
        let reportPath = dataDir + "/reload.report"
        func generation() -> Substring? {
            (try? TextFile.read(reportPath, what: "report"))?.split(separator: "\n").first
        }
        let before = generation()
        guard kill(pid, SIGHUP) == 0 else { throw ValidationError("cannot signal process \(pid): is the primary running?") }
        let deadline = Double(time(nil)) + timeout
        while generation() == before {
            guard Double(time(nil)) < deadline else {
                FileHandleOutput.standardError("reload requested (pid \(pid)); no report within \(Int(timeout)) s\n")
                throw ExitCode(1)
            }
            usleep(20_000)
        }
        let report = (try? TextFile.read(reportPath, what: "report")) ?? ""
        let lines = report.split(separator: "\n").dropFirst()
        FileHandleOutput.standardOutput(lines.joined(separator: "\n") + "\n")
        if lines.contains(where: { !$0.hasPrefix(" ") && $0.hasSuffix(" failed") }) { throw ExitCode(1) }
    }
}

/// `dnsplane export`: the effective zone as a master file, from the data folder.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a zone as the primary publishes it (source + updates) as a master file.")

    @Option(name: .customLong("data-dir"), help: "The primary's data folder.")
    var dataDir: String

    @Option(name: .short, help: "Where to write it (default: standard output).")
    var output: String = "-"

    @Option(name: .short, help: "Names in full or relative to the origin.")
    var style: CompileCommand.Style = .relative

    @Argument(help: "The zone.")
    var zone: String

    func run() throws {
        guard let origin = try? DomainName(zone, origin: .root) else { throw ValidationError("bad zone name '\(zone)'") }
        let effective = try HiddenPrimary.ZoneExport.effectiveZone(origin: origin, dataDirectory: dataDir)
        let text = CanonicalZoneWriter.write(effective, style: style == .full ? .full : .relative)
        if output == "-" { FileHandleOutput.standardOutput(text) } else { try FileHandleOutput.writeFile(output, text) }
    }
}
