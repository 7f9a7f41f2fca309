import DNSCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real Knot DNS `knotd` for a test: its own run directory, storage (zone files,
/// journal, timers) and control socket, listening on one loopback address and port,
/// run in the foreground and stopped by pid. Knot binds any 127.x address, so several
/// instances can use 127.0.0.2, 127.0.0.3 … without a namespace (DESIGN §7).
public final class KnotServer: @unchecked Sendable {
    /// A TSIG key as Knot's configuration spells it.
    public struct Key: Sendable {
        public var name: String
        /// `hmac-sha256` and friends.
        public var algorithm: String
        public var secret: String

        public init(name: String, algorithm: String, secret: String) {
            self.name = name
            self.algorithm = algorithm
            self.secret = secret
        }
    }

    public struct Zone: Sendable {
        public enum Role: Sendable {
            /// Follows `primary` (an address and port): NOTIFY from its address is
            /// accepted, transfers are signed with the server's key when it has one.
            case secondary(primaryAddress: String, primaryPort: UInt16)
        }
        public var name: String
        public var role: Role

        public init(name: String, role: Role) {
            self.name = name
            self.role = role
        }
    }

    public let directory: ScratchDirectory
    public let address: String
    public let port: UInt16
    public private(set) var process: ManagedProcess?

    public init(address: String = "127.0.0.1", port: UInt16? = nil, zones: [Zone], key: Key? = nil) throws {
        directory = try ScratchDirectory("knot")
        self.address = address
        self.port = port ?? FreePort.find(on: address)
        let dir = directory.path
        try FileManager.default.createDirectory(atPath: dir + "/storage", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/run", withIntermediateDirectories: true)
        var config = """
        server:
            rundir: "\(dir)/run"
            listen: \(address)@\(self.port)
            # Let a test's burst of transfers through.
            tcp-workers: 2
            udp-workers: 2
            background-workers: 2
        control:
            listen: "\(dir)/run/knot.sock"
        database:
            storage: "\(dir)/storage"
        log:
          - target: stderr
            any: info

        """
        if let key {
            config += """
            key:
              - id: \(key.name)
                algorithm: \(key.algorithm)
                secret: \(key.secret)

            """
        }
        var remotes = ""
        var acls = ""
        var zoneLines = ""
        for (index, zone) in zones.enumerated() {
            switch zone.role {
            case .secondary(let primaryAddress, let primaryPort):
                remotes += "  - id: primary\(index)\n    address: \(primaryAddress)@\(primaryPort)\n"
                acls += "  - id: notify\(index)\n    address: \(primaryAddress)\n    action: notify\n"
                if let key {
                    remotes += "    key: \(key.name)\n"
                    acls += "    key: \(key.name)\n"
                }
                zoneLines += "  - domain: \(zone.name)\n    master: primary\(index)\n    acl: notify\(index)\n"
                zoneLines += "    file: \"\(dir)/storage/\(zone.name).zone\"\n    zonefile-sync: -1\n    journal-content: changes\n"
            }
        }
        if !remotes.isEmpty { config += "remote:\n" + remotes + "\n" }
        if !acls.isEmpty { config += "acl:\n" + acls + "\n" }
        config += "zone:\n" + zoneLines
        try directory.write("knot.conf", config)
    }

    public var configPath: String { directory.path("knot.conf") }

    /// Starts knotd and waits until it answers SOA for `readyZone` (after its first
    /// transfer, for a secondary).
    public func start(readyZone: DomainName? = nil, timeout: TimeInterval = 15) throws {
        guard let knotd = Peers.find("knotd") else { throw Peers.Missing(name: "knotd") }
        process = try ManagedProcess(knotd, ["-c", configPath], logPath: directory.path("knotd.log"))
        let ready = waitUntil(timeout: timeout) {
            guard process?.isRunning == true else { return true }
            if let zone = readyZone { return DNSProbe.serial(of: zone, server: address, port: port) != nil }
            return (try? DNSProbe.query(".", .soa, server: address, port: port, timeout: 0.3)) != nil
        }
        if !ready || process?.isRunning != true {
            let log = process?.output ?? ""
            stop()
            throw DNSProbe.Failure(description: "knotd did not start on \(address):\(port):\n\(log.suffix(3000))")
        }
    }

    public func stop() {
        process?.stop()
        process = nil
    }

    public var log: String { process?.output ?? ((try? String(contentsOfFile: directory.path("knotd.log"), encoding: .utf8)) ?? "") }

    deinit {
        stop()
    }
}
