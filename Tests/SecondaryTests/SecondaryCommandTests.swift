import DNSCore
import Foundation
import Testing
import TestSupport
import TSIG

/// `dnsplane secondary` as people run it (DESIGN §6): flags, a BIND primary with a
/// TSIG key file, SIGTERM, a restart that serves from disk, usage errors. Part of the
/// serialized server suite: the servers of these tests start one test at a time.
extension BINDInteropTests {
    static var binary: String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [here, here.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("dnsplane")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
        }
        return here.appendingPathComponent("dnsplane").path
    }

    @Test("Follows BIND with a key file, stops on SIGTERM with status 0, restarts from disk with the primary gone")
    func followsStopsRestarts() async throws {
        if Peers.find("named") == nil { return try Peers.skip("named") }
        let key = KeyGenerator.generate(name: "xfr.home.arpa.", algorithm: .hmacSHA256)
        let bind = try BINDPrimaryHarness(zone: BINDPrimaryHarness.zoneText(serial: 31, hosts: 10), key: key,
                                          secondaries: 1, dynamic: false)
        try await bind.startAsync()
        defer { bind.stop() }
        let scratch = try ScratchDirectory("command")
        defer { scratch.remove() }
        let keyFile = try scratch.write("xfr.key", key.bindConfiguration)
        let data = scratch.path("data")
        let listen = "\(BINDPrimaryHarness.secondaryAddress):\(bind.secondaryPorts[0])"
        let arguments = ["secondary", "--data-dir", data, "--listen", listen, "--zone", "home.arpa",
                         "--primary", "127.0.0.1:\(bind.port)", "--key-file", keyFile]
        let first = try ManagedProcess(Self.binary, arguments, logPath: scratch.path("first.log"))
        let served = try await eventually(15) { bind.servedSerial(0) == 31 }
        #expect(served, "not served: \(first.output)")
        #expect(first.output.contains("home.arpa.: serial 31 transferred by AXFR from 127.0.0.1:\(bind.port)"))
        let status = try await offloaded { first.stop() }
        #expect(status == 0, "exit status \(status): \(first.output)")
        #expect(first.output.contains("shutting down"))
        // Only the data directory is written: the zone and its state.
        let files = try FileManager.default.contentsOfDirectory(atPath: data).sorted()
        #expect(files == ["home.arpa.state", "home.arpa.zone"])

        await bind.stopAsync()
        let began = Date()
        let second = try ManagedProcess(Self.binary, arguments, logPath: scratch.path("second.log"))
        let again = try await eventually(10) { bind.servedSerial(0) == 31 }
        print("secondary (command): restarted from disk and answering in \(Int(Date().timeIntervalSince(began) * 1000)) ms")
        #expect(again, "not served from disk: \(second.output)")
        #expect(second.output.contains("serial 31 loaded from"))
        #expect(try await offloaded { second.stop() } == 0)
    }

    @Test("Our pipeline end to end: nsupdate → dnsplane primary → NOTIFY + IXFR (TSIG) → dnsplane secondary")
    func followsOurPrimary() async throws {
        guard let nsupdate = Peers.find("nsupdate") else { return try Peers.skip("nsupdate") }
        let key = KeyGenerator.generate(name: "xfr.home.arpa.", algorithm: .hmacSHA256)
        let scratch = try ScratchDirectory("pipeline")
        defer { scratch.remove() }
        let keyFile = try scratch.write("xfr.key", key.bindConfiguration)
        _ = try scratch.write("zones/home.arpa.zone", BINDPrimaryHarness.zoneText(serial: 5, hosts: 10))
        let primaryPort = FreePort.find(in: FreePort.belowEphemeral)
        let secondaryPort = FreePort.find(on: BINDPrimaryHarness.secondaryAddress, in: FreePort.belowEphemeral)
        let secondaryAddress = "\(BINDPrimaryHarness.secondaryAddress):\(secondaryPort)"
        let primary = try ManagedProcess(Self.binary, [
            "primary", "--zones", scratch.path("zones"), "--data-dir", scratch.path("primary"),
            "--listen", "127.0.0.1:\(primaryPort)", "--secondary", secondaryAddress, "--key-file", keyFile,
            "--allow-update", "xfr.home.arpa",
        ], logPath: scratch.path("primary.log"))
        defer { primary.stop() }
        let secondary = try ManagedProcess(Self.binary, [
            "secondary", "--data-dir", scratch.path("secondary"), "--listen", secondaryAddress, "--zone", "home.arpa",
            "--primary", "127.0.0.1:\(primaryPort)", "--key-file", keyFile,
        ], logPath: scratch.path("secondary.log"))
        defer { secondary.stop() }
        let port = secondaryPort
        let first = try await eventually(15) {
            DNSProbe.serial(of: "home.arpa.", server: BINDPrimaryHarness.secondaryAddress, port: port) != nil
        }
        #expect(first, "secondary never served: \(secondary.output)\nprimary: \(primary.output)")

        let script = try scratch.write("update", "server 127.0.0.1 \(primaryPort)\nzone home.arpa.\nupdate add pipeline.home.arpa. 300 IN A 192.0.2.99\nsend\n")
        let output = try await offloaded { try Peers.run(nsupdate, ["-k", keyFile, script]) }
        #expect(output.isEmpty, "nsupdate: \(output)")
        let updated = Date()
        let served = try await eventually(5) {
            (try? DNSProbe.query("pipeline.home.arpa.", .a, server: BINDPrimaryHarness.secondaryAddress, port: port,
                                 timeout: 0.3))?.answers.isEmpty == false
        }
        print("secondary: change through our primary served \(Int(Date().timeIntervalSince(updated) * 1000)) ms after nsupdate returned")
        #expect(served, "change not served: \(secondary.output)\nprimary: \(primary.output)")
        #expect(secondary.output.contains("transferred by IXFR from 127.0.0.1:\(primaryPort)"), "\(secondary.output)")
        #expect(try await offloaded { secondary.stop() } == 0)
        #expect(try await offloaded { primary.stop() } == 0)
    }

    @Test("Usage errors exit 2 with a message")
    func usageErrors() async throws {
        for (arguments, message) in [
            (["secondary", "--data-dir", "/nonexistent-dnsplane"], "--listen"),
            (["secondary", "--data-dir", "/tmp/x", "--listen", "127.0.0.1:53", "--zone", "a.", "--primary", "127.0.0.1:53",
              "--expire-policy", "never"], "--expire-policy"),
            (["secondary", "--data-dir", "/tmp/x", "--listen", "nowhere", "--zone", "a.", "--primary", "127.0.0.1:53"], "--listen"),
        ] {
            let binary = Self.binary
            let (status, output) = try await offloaded { () throws -> (Int32, String) in
                let result = try CommandRunner.run(binary, arguments)
                return (result.status, result.stdout + result.stderr)
            }
            #expect(status == 2, "\(arguments): \(output)")
            #expect(output.contains(message), "\(arguments): \(output)")
        }
    }
}
