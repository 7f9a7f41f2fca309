import DNSCore
import DNSServer
import Foundation
import Logging
import NIOCore
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import TSIG
@testable import Secondary

/// A real BIND primary for `home.arpa.` on 127.0.0.1, and our secondaries on 127.0.0.2
/// (any 127.x address binds on Linux; BIND itself only listens on 127.0.0.1, DESIGN §7).
/// BIND notifies every secondary port it is told about and signs NOTIFYs to 127.0.0.2
/// when a key is given.
final class BINDPrimaryHarness: @unchecked Sendable {
    static let origin: DomainName = "home.arpa."
    static let secondaryAddress = "127.0.0.2"

    let named: NamedServer
    let key: TSIGKey?
    let zoneFile: String
    private let zoneDirectory: ScratchDirectory
    let secondaryPorts: [UInt16]
    private var reloads = 0

    /// `dynamic` adds `allow-update` with the key (so nsupdate works and BIND answers
    /// IXFR from its journal); otherwise `ixfr-from-differences` makes reloads
    /// incremental too.
    init(zone: String, key: TSIGKey?, secondaries: Int, dynamic: Bool, options: String = "") throws {
        self.key = key
        secondaryPorts = (0..<secondaries).map { _ in FreePort.find(on: Self.secondaryAddress, in: FreePort.belowEphemeral) }
        let scratch = try ScratchDirectory("zone")
        zoneDirectory = scratch
        zoneFile = try scratch.write("home.arpa.zone", zone)
        let notify = secondaryPorts.map { "\(Self.secondaryAddress) port \($0)" }
        let keyName = key.map { $0.name.bindText }
        let role = NamedServer.Zone.Role.primary(
            file: zoneFile, allowUpdate: dynamic ? [keyName.map { "key \($0)" } ?? "127.0.0.1"] : [],
            alsoNotify: notify, allowTransfer: keyName.map { "key \($0)" } ?? "any")
        named = try NamedServer(
            port: FreePort.find(in: FreePort.belowEphemeral),
            zones: [NamedServer.Zone(name: "home.arpa", role: role, extra: dynamic ? "" : "ixfr-from-differences yes;")],
            keys: key?.bindConfiguration ?? "", options: options,
            extra: keyName.map { "server \(Self.secondaryAddress) { keys \($0); };" } ?? "")
    }

    /// Stops named and removes its directory and the zone's.
    deinit {
        named.stop()
        named.directory.remove()
        zoneDirectory.remove()
    }

    var port: UInt16 { named.port }
    var address: SocketAddress { try! SocketAddress(ipAddress: named.address, port: Int(named.port)) }

    func start() throws { try named.start(readyZone: Self.origin) }
    func stop() { named.stop() }

    // Starting and stopping named wait on it: off the cooperative threads, which async
    // tests must never block (other suites' servers need them).
    func startAsync() async throws {
        let named = self.named
        try await offloaded { try named.start(readyZone: Self.origin) }
    }

    func stopAsync() async {
        let named = self.named
        _ = try? await offloaded { named.stop() }
    }

    func nsupdateAsync(_ commands: String) async throws -> String {
        try await offloaded { try self.nsupdate(commands) }
    }

    /// Replaces the zone file and has BIND reload it (SIGHUP). The file's time is set
    /// ahead so BIND sees a change even within the same second.
    func replaceZone(_ text: String) throws {
        reloads += 1
        try text.write(toFile: zoneFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(Double(2 + reloads))],
                                              ofItemAtPath: zoneFile)
        named.reload()
    }

    /// Runs BIND's nsupdate against this primary with the key; returns its output
    /// (empty when all went well).
    func nsupdate(_ commands: String) throws -> String {
        guard let key, let nsupdate = Peers.find("nsupdate") else { throw DNSProbe.Failure(description: "nsupdate needs a key and BIND's nsupdate") }
        let scratch = try ScratchDirectory("nsupdate")
        defer { scratch.remove() }
        let keyFile = try scratch.write("key.conf", key.bindConfiguration)
        let script = try scratch.write("script", "server 127.0.0.1 \(port)\nzone home.arpa.\n\(commands)\nsend\n")
        return try Peers.run(nsupdate, ["-k", keyFile, script])
    }

    /// A zone: SOA, two name servers with addresses, hosts host0…host(N-1).
    static func zoneText(serial: UInt32, hosts: Int, refresh: Int = 3600, retry: Int = 600, expire: Int = 86400,
                         extra: String = "") -> String {
        var text = """
        $ORIGIN home.arpa.
        $TTL 300
        @ IN SOA ns1.home.arpa. hostmaster.home.arpa. ( \(serial) \(refresh) \(retry) \(expire) 300 )
        @ IN NS ns1
        @ IN NS ns2
        ns1 IN A 192.0.2.1
        ns2 IN A 192.0.2.2

        """
        for index in 0..<hosts { text += "host\(index) IN A 198.51.\(index / 250).\(index % 250 + 1)\n" }
        return text + extra
    }

    /// Our secondary, in-process, on 127.0.0.2 and the `index`th notified port.
    func secondary(index: Int, dataDirectory: String, key: TSIGKey?, policy: ExpirePolicy = .followSOA,
                   label: String) async throws -> (SecondaryServer, RecordingLogHandler.Lines) {
        let (logger, lines) = RecordingLogHandler.logger(label)
        let configuration = SecondaryConfiguration(
            dataDirectory: dataDirectory,
            listen: [try SocketAddress(ipAddress: Self.secondaryAddress, port: Int(secondaryPorts[index]))],
            zones: [Self.origin], primaries: [address], key: key, expirePolicy: policy,
            limits: TransferLimits(transferTimeout: 10, queryTimeout: 1), initialRetry: 1)
        // The port was free when chosen, before named started; a peer's short-lived
        // query socket (BIND binds random source ports) may hold it for a moment now.
        // The port is in named's configuration, so wait for it rather than pick another.
        for attempt in 1...20 {
            let server = SecondaryServer(configuration: configuration, logger: logger)
            do {
                try await server.start()
                return (server, lines)
            } catch let error as IOError where error.errnoCode == EADDRINUSE && attempt < 20 {
                await server.stop()
                try await Task.sleep(nanoseconds: 100_000_000)
            }
        }
        fatalError("unreachable: the last attempt throws")
    }

    /// The serial our `index`th secondary answers, or nil (no answer, SERVFAIL).
    func servedSerial(_ index: Int) -> UInt32? {
        DNSProbe.serial(of: Self.origin, server: Self.secondaryAddress, port: secondaryPorts[index])
    }

    func rcode(_ index: Int, _ name: DomainName = origin, _ type: RRType = .soa) -> RCode? {
        (try? DNSProbe.query(name, type, server: Self.secondaryAddress, port: secondaryPorts[index], timeout: 0.5))?.header.rcode
    }
}
