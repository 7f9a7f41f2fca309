import DNSCore
import Foundation

/// A real BIND `named` for a test: its own directory, configuration, control-less,
/// listening on one loopback address and port, run in the foreground (`-g`) and stopped
/// by pid. Each instance has its own session key and managed-keys directory, so several
/// can run at once (DESIGN §7).
public final class NamedServer: @unchecked Sendable {
    public struct Zone {
        public enum Role {
            case primary(file: String, allowUpdate: [String] = [], alsoNotify: [String] = [], allowTransfer: String = "any")
            case secondary(primaries: [String], file: String, key: String? = nil)
        }
        public var name: String
        public var role: Role
        public var extra: String

        public init(name: String, role: Role, extra: String = "") {
            self.name = name
            self.role = role
            self.extra = extra
        }
    }

    public let directory: ScratchDirectory
    public let address: String
    public let port: UInt16
    /// When set, named runs inside this namespace (an address of its own, port 53).
    public let namespace: NetworkNamespace?
    public private(set) var process: ManagedProcess?

    /// Writes the configuration; `keys` are `key {}` statements, `options` extra option
    /// lines, `extra` top-level statements (e.g. `server` clauses). `minimalResponses`
    /// is the `minimal-responses` value (`no`, `yes`, `no-auth`, `no-auth-recursive`).
    /// With a `namespace`, named is started inside it and probed from inside it (with dig).
    public init(address: String = "127.0.0.1", port: UInt16? = nil, zones: [Zone], keys: String = "",
                options: String = "", extra: String = "", minimalResponses: String = "no",
                namespace: NetworkNamespace? = nil) throws {
        directory = try ScratchDirectory("named")
        self.address = address
        self.namespace = namespace
        self.port = port ?? (namespace == nil ? FreePort.find(on: address) : 53)
        var config = """
        options {
            directory "\(directory.path)";
            pid-file "\(directory.path)/named.pid";
            session-keyfile "\(directory.path)/session.key";
            managed-keys-directory "\(directory.path)";
            listen-on port \(self.port) { \(address); };
            listen-on-v6 { none; };
            recursion no;
            dnssec-validation no;
            notify-delay 0;
            minimal-responses \(minimalResponses);
            \(options)
        };
        controls { };
        logging { channel out { stderr; severity info; print-time yes; }; category default { out; }; category xfer-in { out; }; category xfer-out { out; }; category notify { out; }; category update { out; }; };
        \(keys)
        \(extra)

        """
        for zone in zones {
            switch zone.role {
            case .primary(let file, let allowUpdate, let alsoNotify, let allowTransfer):
                config += "zone \"\(zone.name)\" { type primary; file \"\(file)\"; allow-transfer { \(allowTransfer); };"
                if !allowUpdate.isEmpty { config += " allow-update { \(allowUpdate.joined(separator: "; ")); };" }
                if !alsoNotify.isEmpty { config += " also-notify { \(alsoNotify.joined(separator: "; ")); };" }
                config += " \(zone.extra) };\n"
            case .secondary(let primaries, let file, let key):
                let list = primaries.map { primary in key.map { "\(primary) key \($0)" } ?? primary }.joined(separator: "; ")
                config += "zone \"\(zone.name)\" { type secondary; primaries { \(list); }; file \"\(file)\"; \(zone.extra) };\n"
            }
        }
        try directory.write("named.conf", config)
    }

    public var configPath: String { directory.path("named.conf") }

    /// Starts named and waits until it answers SOA for `readyZone`.
    public func start(readyZone: DomainName? = nil, timeout: TimeInterval = 15) throws {
        guard let named = Peers.find("named") else { throw Peers.Missing(name: "named") }
        let arguments = ["-g", "-c", configPath, "-n", "1"]
        if let namespace {
            let (tool, wrapped) = namespace.wrap(named, arguments)
            process = try ManagedProcess(tool, wrapped, logPath: directory.path("named.log"))
        } else {
            process = try ManagedProcess(named, arguments, logPath: directory.path("named.log"))
        }
        let ready = waitUntil(timeout: timeout) {
            if let zone = readyZone { return serial(of: zone) != nil }
            if namespace != nil { return serial(of: .root, anyAnswer: true) != nil }
            return (try? DNSProbe.query(".", .soa, server: address, port: port, timeout: 0.3)) != nil
        }
        if !ready {
            let log = process?.output ?? ""
            stop()
            throw DNSProbe.Failure(description: "named did not start on \(address):\(port):\n\(log.suffix(3000))")
        }
    }

    /// The SOA serial named serves for `zone`, or nil. Inside a namespace it asks with
    /// dig from inside; `anyAnswer` accepts any reply (a REFUSED root query shows named
    /// is up).
    public func serial(of zone: DomainName, anyAnswer: Bool = false) -> UInt32? {
        guard let namespace else { return DNSProbe.serial(of: zone, server: address, port: port) }
        guard let dig = Peers.find("dig"),
              let result = try? namespace.run(dig, ["+time=1", "+tries=1", "+norecurse", "-p", "\(port)", "@\(address)", zone.description, "SOA"],
                                              timeout: 5),
              result.status == 0 else { return nil }
        if anyAnswer { return result.stdout.contains("->>HEADER<<-") ? 0 : nil }
        for line in result.stdout.split(separator: "\n") where !line.hasPrefix(";") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count >= 7, fields[3] == "SOA", let serial = UInt32(fields[6]) { return serial }
        }
        return nil
    }

    public func stop() {
        process?.stop()
        process = nil
    }

    /// Reloads zone files (SIGHUP).
    public func reload() {
        if let pid = process?.pid { kill(pid, SIGHUP) }
    }

    public var log: String { process?.output ?? ((try? String(contentsOfFile: directory.path("named.log"), encoding: .utf8)) ?? "") }

    deinit {
        stop()
    }
}
