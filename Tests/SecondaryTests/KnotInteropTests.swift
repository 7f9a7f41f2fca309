import DNSCore
import Foundation
import NIOCore
import Testing
import TestSupport
import TSIG
@testable import Secondary

/// Our secondary following a Knot DNS primary (DESIGN §7): AXFR, then NOTIFY and IXFR
/// from Knot's journal after a zone file reload, TSIG on everything. Part of the
/// serialized server suite.
extension BINDInteropTests {
    @Test("Follows a Knot primary: a multi-message AXFR, then NOTIFY and IXFR after a reload, with TSIG")
    func followsKnot() async throws {
        guard Peers.find("knotd") != nil, Peers.find("knotc") != nil else { return try Peers.skip("knotd and knotc") }
        let key = KeyGenerator.generate(name: "xfr.home.arpa.", algorithm: .hmacSHA256)
        let port = FreePort.find(on: BINDPrimaryHarness.secondaryAddress, in: FreePort.belowEphemeral)
        let knot = try KnotPrimaryHarness(zone: BINDPrimaryHarness.zoneText(serial: 10, hosts: 5000), key: key,
                                          notify: "\(BINDPrimaryHarness.secondaryAddress)@\(port)")
        try await knot.startAsync()
        defer { knot.stop() }
        let data = try ScratchDirectory("knot-secondary")
        defer { data.remove() }
        let (logger, log) = RecordingLogHandler.logger("knot")
        let configuration = SecondaryConfiguration(
            dataDirectory: data.path,
            listen: [try SocketAddress(ipAddress: BINDPrimaryHarness.secondaryAddress, port: Int(port))],
            zones: [BINDPrimaryHarness.origin], primaries: [try SocketAddress(ipAddress: "127.0.0.1", port: Int(knot.port))],
            key: key, limits: TransferLimits(transferTimeout: 10, queryTimeout: 1), initialRetry: 1)
        let secondary = SecondaryServer(configuration: configuration, logger: logger)
        try await secondary.start()
        let serial: @Sendable () -> UInt32? = { DNSProbe.serial(of: BINDPrimaryHarness.origin, server: BINDPrimaryHarness.secondaryAddress, port: port) }
        #expect(try await eventually(10) { serial() == 10 }, "\(log.all)\n\(knot.log)")
        #expect(log.contains("serial 10 transferred by AXFR"))
        // 5000 records do not fit one 64 KiB message: the TSIG stream spans several.
        let messages = secondary.board[BINDPrimaryHarness.origin]?.lastTransferMessages ?? 0
        #expect(messages > 1, "AXFR in \(messages) message(s)")
        print("secondary (Knot): AXFR of 5005 records in \(messages) TSIG-signed messages")

        try await knot.replaceZoneAsync(BINDPrimaryHarness.zoneText(serial: 11, hosts: 5001))
        #expect(try await eventually(10) { serial() == 11 }, "\(log.all)\n\(knot.log)")
        let line = log.first(containing: "serial 11 transferred by IXFR from 127.0.0.1:\(knot.port)")
        #expect(line != nil, "\(log.all)\n\(knot.log)")
        print("secondary (Knot): \(line ?? "-")")
        #expect(log.contains("home.arpa.: NOTIFY from 127.0.0.1"))
        await secondary.stop()
        await knot.stopAsync()
    }
}
