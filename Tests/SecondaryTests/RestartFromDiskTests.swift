import DNSCore
import Foundation
import Logging
import NIOCore
import Testing
import TestSupport
import ZoneCompiler
@testable import Secondary

/// DESIGN §5.3: after a restart the saved version is served at once, before any
/// primary answers — here with no primary at all. Reports how long 30k records take in
/// this (debug) build; `bench/secondary-restart.sh` times 100k in release (timing is
/// reported, not asserted: DESIGN §7). Part of the serialized server suite, so its load
/// does not slow the timed BIND exchanges beside it.
extension BINDInteropTests {
    @Test("A secondary with a saved 30k-record zone and no reachable primary answers as soon as it has started")
    func servesSavedZoneAtOnce() async throws {
        let data = try ScratchDirectory("restart")
        defer { data.remove() }
        let origin: DomainName = "big.example."
        // Building and saving 30k records is CPU work: off the cooperative threads.
        let store = ZoneStore(directory: data.path)
        let saveTime = try await offloaded { () throws -> TimeInterval in
            var builder = ZoneBuilder(origin: origin)
            builder.add(ResourceRecord(owner: origin, ttl: 300, rdata: .soa(SOA(mname: "ns1.big.example.", rname: "h.big.example.",
                                       serial: 99, refresh: 3600, retry: 600, expire: 86400, minimum: 300))))
            builder.add(ResourceRecord(owner: origin, ttl: 300, rdata: .ns(NS(target: "ns1.big.example."))))
            builder.add(ResourceRecord(owner: origin, ttl: 300, rdata: .ns(NS(target: "ns2.big.example."))))
            builder.add(ResourceRecord(owner: "ns1.big.example.", ttl: 300, rdata: .a(A(IPv4Address(192, 0, 2, 1)))))
            builder.add(ResourceRecord(owner: "ns2.big.example.", ttl: 300, rdata: .a(A(IPv4Address(192, 0, 2, 2)))))
            for index in 0..<30_000 {
                let owner = try DomainName("h\(index)", origin: origin)
                builder.add(ResourceRecord(owner: owner, ttl: 300, rdata: .a(A(IPv4Address(UInt32(0x0A00_0000 + index))))))
            }
            let zone = builder.zone
            let saveBegan = Date()
            try store.save(zone, state: .init(serial: 99, lastRefresh: Date().timeIntervalSince1970))
            return Date().timeIntervalSince(saveBegan)
        }

        // Nothing listens on the primary's port: the secondary serves from disk alone.
        let (logger, log) = RecordingLogHandler.logger("restart")
        let port = FreePort.find(on: "127.0.0.2", in: FreePort.belowEphemeral)
        let configuration = SecondaryConfiguration(
            dataDirectory: data.path, listen: [try SocketAddress(ipAddress: "127.0.0.2", port: Int(port))], zones: [origin],
            primaries: [try SocketAddress(ipAddress: "127.0.0.1", port: Int(FreePort.find()))],
            limits: TransferLimits(queryTimeout: 0.5))
        let startBegan = Date()
        let server = SecondaryServer(configuration: configuration, logger: logger)
        try await server.start()
        let answer = try await offloaded { try DNSProbe.query("h29999.big.example.", .a, server: "127.0.0.2", port: port) }
        let startTime = Date().timeIntervalSince(startBegan)
        #expect(answer.header.rcode == .noError && answer.answers.count == 1)
        #expect(log.contains("serial 99 loaded from"))
        #expect(log.contains("30005 records"))
        print("secondary: 30k records (debug build): saved in \(Int(saveTime * 1000)) ms; restarted and answering in \(Int(startTime * 1000)) ms (\(log.first(containing: "loaded from") ?? "-"))")
        await server.stop()
    }
}
