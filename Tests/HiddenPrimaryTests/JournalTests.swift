import DNSCore
import Foundation
import Testing
import TestSupport
import ZoneCompiler
@testable import HiddenPrimary

@Suite("Journal and snapshot")
struct JournalTests {
    static func soa(_ serial: UInt32) -> ResourceRecord {
        ResourceRecord(owner: "example.", ttl: 300, rdata: .soa(SOA(mname: "ns1.example.", rname: "hostmaster.example.",
                                                                     serial: serial, refresh: 3600, retry: 900, expire: 604800, minimum: 300)))
    }

    static func entry(_ from: UInt32, _ count: Int = 3) -> JournalEntry {
        let added = (0..<count).map { i in
            ResourceRecord(owner: try! DomainName("h\(from)-\(i).example.", origin: nil), ttl: 60,
                           rdata: .txt(TXT(strings: [Array("serial \(from) record \(i)".utf8)])))
        }
        return JournalEntry(kind: from % 2 == 0 ? .update : .reload, time: 1_700_000_000 + UInt64(from),
                            changeset: Changeset(soaFrom: soa(from), soaTo: soa(from + 1), removed: [], added: added))
    }

    @Test("Entries survive a close and reopen, in order")
    func roundTrip() throws {
        let dir = try ScratchDirectory("journal")
        defer { dir.remove() }
        let path = dir.path("zone.journal")
        let (journal, none, _) = try JournalFile.open(path: path)
        #expect(none.isEmpty)
        try journal.append([Self.entry(1), Self.entry(2)])
        try journal.append([Self.entry(3)])
        journal.close()
        let (_, entries, recovery) = try JournalFile.open(path: path)
        #expect(entries == [Self.entry(1), Self.entry(2), Self.entry(3)])
        #expect(recovery.droppedBytes == 0)
    }

    @Test("A torn last entry, cut at any byte, is dropped and the earlier ones kept")
    func tornTail() throws {
        let dir = try ScratchDirectory("journal")
        defer { dir.remove() }
        let path = dir.path("zone.journal")
        let whole = JournalFile.frame(Self.entry(1)) + JournalFile.frame(Self.entry(2))
        let last = JournalFile.frame(Self.entry(3))
        for cut in stride(from: 1, to: last.count, by: max(1, last.count / 40)) {
            try Data(whole + last[0..<cut]).write(to: URL(fileURLWithPath: path))
            let (journal, entries, recovery) = try JournalFile.open(path: path)
            #expect(entries == [Self.entry(1), Self.entry(2)], "cut at \(cut)")
            #expect(recovery.droppedBytes == cut)
            // The file is cut back, and appending continues cleanly from there.
            try journal.append([Self.entry(3)])
            journal.close()
            #expect(try JournalFile.open(path: path).1 == [Self.entry(1), Self.entry(2), Self.entry(3)])
        }
    }

    @Test("A flipped bit in the last entry fails its CRC and drops it")
    func corruptTail() throws {
        let dir = try ScratchDirectory("journal")
        defer { dir.remove() }
        let path = dir.path("zone.journal")
        var bytes = JournalFile.frame(Self.entry(1)) + JournalFile.frame(Self.entry(2))
        bytes[bytes.count - 5] ^= 0x10
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (_, entries, recovery) = try JournalFile.open(path: path)
        #expect(entries == [Self.entry(1)])
        #expect(recovery.droppedBytes == JournalFile.frame(Self.entry(2)).count)
    }

    @Test("replace() compacts to the given entries, atomically")
    func replace() throws {
        let dir = try ScratchDirectory("journal")
        defer { dir.remove() }
        let path = dir.path("zone.journal")
        let (journal, _, _) = try JournalFile.open(path: path)
        try journal.append((1...10).map { Self.entry(UInt32($0)) })
        try journal.replace(with: [Self.entry(9), Self.entry(10)])
        try journal.append([Self.entry(11)])
        journal.close()
        #expect(try JournalFile.open(path: path).1 == [Self.entry(9), Self.entry(10), Self.entry(11)])
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test("Snapshots round trip and refuse corruption")
    func snapshot() throws {
        let zone = Compiler.compile(text: "$TTL 300\n@ SOA ns1 hostmaster 7 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n",
                                    options: CompileOptions(origin: "example.")).zone
        let snapshot = ZoneSnapshot(origin: "example.", records: zone.records(), overlayAdded: [Self.entry(1).changeset.added[0]],
                                    overlayDeleted: [], sourceDigest: 0xDEADBEEF)
        let dir = try ScratchDirectory("snapshot")
        defer { dir.remove() }
        let path = dir.path("zone.snapshot")
        try DurableFile.writeAtomically(snapshot.encode(), to: path)
        let read = try ZoneSnapshot.decode(try #require(try DurableFile.read(path)))
        #expect(read == snapshot)
        #expect(read.zone() == zone)
        var bytes = snapshot.encode()
        bytes[bytes.count / 2] ^= 1
        #expect(throws: ZoneSnapshot.Corrupt.self) { try ZoneSnapshot.decode(bytes) }
        #expect(throws: ZoneSnapshot.Corrupt.self) { try ZoneSnapshot.decode(Array(bytes.prefix(6))) }
    }
}
