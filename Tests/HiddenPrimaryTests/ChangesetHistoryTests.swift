import DNSCore
import Testing
import ZoneCompiler
@testable import HiddenPrimary

@Suite("Changeset history: chunked, shared between versions")
struct ChangesetHistoryTests {
    static func changeset(_ from: UInt32) -> Changeset {
        func soa(_ serial: UInt32) -> ResourceRecord {
            ResourceRecord(owner: "example.", ttl: 300, rdata: .soa(SOA(mname: "ns.example.", rname: "hm.example.", serial: serial,
                                                                         refresh: 1, retry: 1, expire: 1, minimum: 1)))
        }
        return Changeset(soaFrom: soa(from), soaTo: soa(from &+ 1), removed: [], added: [])
    }

    @Test("Holds exactly the last `limit`, finds every serial in them and none before, for any limit and length")
    func sameAsAnArray() {
        for limit in [1, 2, 5, 63, 64, 65, 200] {
            var history = ChangesetHistory(limit: limit)
            var reference: [Changeset] = []
            var copies: [(ChangesetHistory, [Changeset])] = []
            for step in UInt32(0)..<300 {
                let serial = UInt32(4_294_967_100) &+ step   // across the wrap too
                history.append(Self.changeset(serial))
                reference.append(Self.changeset(serial))
                reference = Array(reference.suffix(limit))
                #expect(history.count == reference.count)
                if step % 37 == 0 { copies.append((history, reference)) }
            }
            #expect(history.all == reference)
            #expect(history.first == reference.first)
            for changeset in reference {
                let start = reference.firstIndex(of: changeset)!
                #expect(history.changes(from: changeset.serialFrom) == Array(reference[start...]))
            }
            #expect(history.changes(from: reference[0].serialFrom &- 1) == nil)
            // Copies taken along the way are unchanged by later appends.
            for (copy, expected) in copies { #expect(copy.all == expected) }
        }
    }
}
