import DNSCore
import Foundation
import TestSupport
import TSIG

/// A real Knot DNS primary for `home.arpa.` on 127.0.0.1: its own directory,
/// configuration and control socket, run in the foreground and stopped by pid. A zone
/// file reload (`knotc zone-reload`) is journalled as a difference, so Knot answers
/// IXFR for it, and notifies `notify` (our secondary), signed when a key is given.
final class KnotPrimaryHarness: @unchecked Sendable {
    let directory: ScratchDirectory
    let port: UInt16
    let zoneFile: String
    private var process: ManagedProcess?

    init(zone: String, key: TSIGKey?, notify: String) throws {
        directory = try ScratchDirectory("knot")
        port = FreePort.find(in: FreePort.belowEphemeral)
        zoneFile = try directory.write("home.arpa.zone", zone)
        let keyName = key.map { $0.name.bindText }
        var config = """
        server:
            rundir: "\(directory.path)"
            listen: 127.0.0.1@\(port)
        database:
            storage: "\(directory.path)"
        control:
            listen: "\(directory.path)/knot.sock"
        log:
          - target: stderr
            any: info

        """
        if let key, let keyName {
            config += """
            key:
              - id: \(keyName)
                algorithm: \(key.algorithm.bindName)
                secret: \(Base64.encodeString(key.secret))

            """
        }
        config += """
        remote:
          - id: ours
            address: \(notify)
        \(keyName.map { "    key: \($0)" } ?? "")
        acl:
          - id: transfer
            action: transfer
        \(keyName.map { "    key: \($0)" } ?? "    address: 127.0.0.0/8")
        zone:
          - domain: home.arpa
            file: "\(zoneFile)"
            storage: "\(directory.path)"
            notify: ours
            acl: transfer
            zonefile-load: difference
            journal-content: changes

        """
        try directory.write("knot.conf", config)
    }

    var configPath: String { directory.path("knot.conf") }

    func start() throws {
        guard let knotd = Peers.find("knotd") else { throw DNSProbe.Failure(description: "knotd is not installed") }
        process = try ManagedProcess(knotd, ["-c", configPath], logPath: directory.path("knotd.log"))
        let port = self.port
        let ready = waitUntil(timeout: 15) { DNSProbe.serial(of: "home.arpa.", server: "127.0.0.1", port: port) != nil }
        if !ready {
            let log = process?.output ?? ""
            stop()
            throw DNSProbe.Failure(description: "knotd did not start on 127.0.0.1:\(port):\n\(log.suffix(3000))")
        }
    }

    /// Replaces the zone file and has Knot reload it.
    func replaceZone(_ text: String) throws {
        try text.write(toFile: zoneFile, atomically: true, encoding: .utf8)
        guard let knotc = Peers.find("knotc") else { throw DNSProbe.Failure(description: "knotc is not installed") }
        _ = try Peers.run(knotc, ["-c", configPath, "zone-reload", "home.arpa"])
    }

    var log: String { process?.output ?? "" }

    // Off the cooperative threads (see BINDPrimaryHarness).
    func startAsync() async throws { try await offloaded { try self.start() } }
    func stopAsync() async { _ = try? await offloaded { self.stop() } }
    func replaceZoneAsync(_ text: String) async throws { try await offloaded { try self.replaceZone(text) } }

    func stop() {
        process?.stop()
        process = nil
    }

    deinit {
        stop()
        directory.remove()
    }
}
