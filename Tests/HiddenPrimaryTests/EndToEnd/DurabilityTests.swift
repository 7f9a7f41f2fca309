import DNSCore
import Foundation
import Testing
import TestSupport
@testable import HiddenPrimary

extension PrimaryEndToEndTests {
    @Test("kill -9 during an UPDATE storm, six times: every acknowledged update survives, the journal is never corrupt")
    func killDuringStorm() async throws {
        guard try Self.peers("dig") else { return }
        try await onBlockingThread { try Self.runStorm() }
    }

    /// What the clients know: names whose add or delete was acknowledged, and names
    /// whose request got no answer (either outcome is then right).
    final class StormLedger: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var present: [String: String] = [:]
        private(set) var deleted: Set<String> = []
        private(set) var uncertain: Set<String> = []
        private(set) var sent = 0
        private(set) var acknowledged = 0
        private(set) var refused: [String] = []

        func locked<T>(_ body: (StormLedger) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(self)
        }

        func send() { locked { $0.sent += 1 } }
        func added(_ name: String, _ address: String) {
            locked { ledger in
                ledger.acknowledged += 1
                ledger.present[name] = address
                ledger.uncertain.remove(name)
            }
        }
        func removed(_ name: String) {
            locked { ledger in
                ledger.acknowledged += 1
                ledger.present[name] = nil
                ledger.deleted.insert(name)
                ledger.uncertain.remove(name)
            }
        }
        func unanswered(_ name: String) { _ = locked { $0.uncertain.insert(name) } }
        func failed(_ what: String) { locked { $0.refused.append(what) } }
        var counts: (sent: Int, acknowledged: Int) { locked { ($0.sent, $0.acknowledged) } }
    }

    static func runStorm() throws {
        let rounds = 6
        let clients = 4
        let perClient = 150
        let primary = try PrimaryProcess(zones: ["storm.test": zoneText(serial: 1, fillers: 0)],
                                         secondaries: ["127.0.0.1:\(FreePort.find())"],
                                         extraArguments: ["--no-watch", "--compact-after", "250", "--history", "100"])
        defer { primary.remove() }
        let zone: DomainName = "storm.test."
        let directory = primary.dataDirectory + "/zones/" + PrimaryZone.directoryName(for: zone)
        let journalPath = directory + "/journal"
        let snapshotPath = directory + "/snapshot"
        // One ledger for the whole storm: what was acknowledged in an earlier round
        // must still be there after every later kill.
        let ledger = StormLedger()
        var summary: [String] = []

        for round in 1...rounds {
            try primary.start()
            let before = ledger.counts
            let finished = DispatchGroup()
            let stop = NIOLockedFlag()
            for client in 0..<clients {
                finished.enter()
                Thread.detachNewThread {
                    defer { finished.leave() }
                    let updater = UpdateClient(port: primary.port, key: primary.key, timeout: 2)
                    var mine: [String] = []
                    for n in 0..<perClient where !stop.isSet {
                        // Mostly adds of new names; every seventh request deletes one of
                        // this client's earlier names.
                        let name: String
                        let record: ResourceRecord
                        let isDelete = n % 7 == 6 && !mine.isEmpty
                        let address = "10.\(round).\(client).\(n % 250)"
                        if isDelete {
                            name = mine.removeFirst()
                            record = UpdateClient.deleteRRSet(try! DomainName(name, origin: nil), .a)
                        } else {
                            name = "r\(round)-c\(client)-\(n).storm.test."
                            record = UpdateClient.a(try! DomainName(name, origin: nil), address)
                        }
                        ledger.send()
                        do {
                            let answer = try updater.update(zone: zone, updates: [record])
                            guard answer.header.rcode == .noError else {
                                ledger.failed("\(name): \(answer.header.rcode)")
                                continue
                            }
                            if isDelete { ledger.removed(name) } else {
                                ledger.added(name, address)
                                mine.append(name)
                            }
                        } catch {
                            // Killed under us: this one may or may not have made it.
                            ledger.unanswered(name)
                            return
                        }
                    }
                }
            }
            // The kill: after a random number of acknowledgements, at a random instant.
            let threshold = Int.random(in: 350...550)
            let deadline = Date().addingTimeInterval(90)
            while ledger.counts.acknowledged - before.acknowledged < threshold && Date() < deadline { usleep(2_000) }
            usleep(UInt32.random(in: 0...20_000))
            primary.kill9()
            stop.set()
            finished.wait()
            let counts = (sent: ledger.counts.sent - before.sent, acknowledged: ledger.counts.acknowledged - before.acknowledged)
            #expect(ledger.refused.isEmpty, "round \(round): refused \(ledger.refused.prefix(5))")

            // The journal on disk: whole entries that chain serial to serial, and at most
            // a torn last append that was never acknowledged.
            let bytes = try DurableFile.read(journalPath) ?? []
            let (entries, end) = JournalFile.parse(bytes)
            if end < bytes.count {
                let tail = Array(bytes[end...])
                let torn = tail.count < JournalFile.headerLength
                    || (Array(tail[0..<4]) == JournalFile.magic
                        && (Int(tail[4]) << 24 | Int(tail[5]) << 16 | Int(tail[6]) << 8 | Int(tail[7])) > tail.count - JournalFile.headerLength)
                #expect(torn, "round \(round): \(bytes.count - end) bytes after the last whole entry are not a torn append")
            }
            for (previous, next) in zip(entries, entries.dropFirst()) {
                #expect(previous.changeset.serialTo == next.changeset.serialFrom, "round \(round): the journal skips a serial")
            }
            #expect(throws: Never.self) { try ZoneSnapshot.decode(try DurableFile.read(snapshotPath) ?? []) }

            // Restarted, it serves every acknowledged change.
            try primary.start()
            let axfr = try primary.axfr("storm.test")
            var served: [String: String] = [:]
            for record in axfr.records {
                let fields = record.split(separator: " ")
                if fields.count == 5, fields[3] == "A" { served[String(fields[0])] = String(fields[4]) }
            }
            let (present, deleted, uncertain) = ledger.locked { ($0.present, $0.deleted, $0.uncertain) }
            let missing = present.filter { name, address in served[name] != address && !uncertain.contains(name) }
            let resurrected = deleted.filter { served[$0] != nil && !uncertain.contains($0) }
            #expect(missing.isEmpty, "round \(round): acknowledged adds lost: \(missing.keys.sorted().prefix(10))")
            #expect(resurrected.isEmpty, "round \(round): acknowledged deletes undone: \(resurrected.sorted().prefix(10))")
            // A name whose later delete went unanswered may rightly be either way.
            let certain = present.keys.filter { !uncertain.contains($0) }
            let kept = certain.filter { served[$0] != nil }.count
            let tornTail = primary.lastLog.contains("torn or corrupt tail") ? ", a torn last append cut on restart" : ""
            summary.append("round \(round): sent \(counts.sent), acknowledged \(counts.acknowledged); after the kill and a restart: acknowledged adds present \(kept)/\(certain.count), acknowledged deletes absent \(deleted.count - resurrected.count)/\(deleted.count) (all rounds so far), \(uncertain.count) unanswered so far, serial \(primary.serial(zone).map(String.init) ?? "?")\(tornTail)")
            #expect(!primary.log.contains("does not follow"), "round \(round)")
            primary.stop()
        }
        print("UPDATE storm with kill -9:\n" + summary.joined(separator: "\n") + "\ntotal sent \(ledger.counts.sent), acknowledged \(ledger.counts.acknowledged)")
        #expect(ledger.counts.sent >= 2000)
        #expect(primary.log.contains("journal compacted"), "compaction ran during the storm")
    }
}

/// A flag set once, read from several threads.
final class NIOLockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
