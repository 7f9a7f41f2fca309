import DNSCore
import Testing
import ZoneCompiler
@testable import Secondary

/// Applying difference sequences strictly (RFC 1995 §5), and the gate every version
/// passes: the compiler's checks and the change-ratio guard (DESIGN §5.2, §5.4).
@Suite("Changesets and the version gate")
struct GateAndChangesetTests {
    typealias F = Fixture

    @Test("Difference sequences apply in order; the result equals the zone built directly")
    func apply() throws {
        let base = F.zone(serial: 1, F.records(hosts: 3))
        let changes = [
            Changeset(from: F.soa(1), to: F.soa(2), removed: [F.a("host0", 10)], added: [F.a("new", 99)]),
            Changeset(from: F.soa(2), to: F.soa(3), removed: [F.a("new", 99)], added: [F.a("new", 98), F.a("host1", 11, ttl: 60)]),
        ]
        // host1's TTL change needs its old record removed first.
        var withTTL = changes
        withTTL[1].removed.append(F.a("host1", 11))
        let result = try base.applying(withTTL)
        var expected = F.records(hosts: 3).filter { $0 != F.a("host0", 10) && $0 != F.a("host1", 11) }
        expected += [F.a("new", 98), F.a("host1", 11, ttl: 60)]
        #expect(result == F.zone(serial: 3, expected))
        #expect(result.soa?.serial == 3)
    }

    @Test("A changeset from another serial, removing a missing record or adding a present one, does not apply")
    func mismatch() {
        let base = F.zone(serial: 1, F.records(hosts: 2))
        #expect(throws: ChangesetMismatch.self) { try base.applying([Changeset(from: F.soa(7), to: F.soa(8))]) }
        #expect(throws: ChangesetMismatch.self) {
            try base.applying([Changeset(from: F.soa(1), to: F.soa(2), removed: [F.a("nothere", 1)])])
        }
        #expect(throws: ChangesetMismatch.self) {
            try base.applying([Changeset(from: F.soa(1), to: F.soa(2), added: [F.a("host0", 10)])])
        }
    }

    @Test("Counting removed records ignores TTLs and the SOA")
    func counting() {
        let old = F.zone(serial: 1, F.records(hosts: 10))
        let new = F.zone(serial: 2, Array(F.records(hosts: 10).dropLast(3)) + [F.a("host0", 10, ttl: 5)])
        #expect(old.countRecords(missingFrom: new) == 3)
        #expect(new.countRecords(missingFrom: old) == 0)
    }

    @Test("The gate accepts a good version and reports what changed")
    func accept() {
        let gate = VersionGate()
        let old = F.zone(serial: 1, F.records(hosts: 10))
        let new = F.zone(serial: 2, F.records(hosts: 10) + [F.a("extra", 200)])
        guard case .accept(let accepted) = gate.evaluate(new, previous: old) else {
            Issue.record("refused")
            return
        }
        #expect(accepted.removed == 0 && accepted.added == 1)
    }

    @Test("The gate refuses a zone failing a check, with the check's ID")
    func refuseCheck() {
        // The in-zone name server ns3 has no address: apex-ns-no-address.
        let broken = F.zone(serial: 2, F.records(hosts: 2) + [F.ns("ns3")])
        guard case .reject(let rejection) = VersionGate().evaluate(broken, previous: nil) else {
            Issue.record("accepted")
            return
        }
        #expect(rejection.checkIDs.contains(CheckID.apexNSNoAddress))
        #expect(rejection.description.contains("[apex-ns-no-address]"))
    }

    @Test("The gate refuses a version that removes more than the allowed share; 1 turns the guard off")
    func refuseRatio() {
        let old = F.zone(serial: 1, F.records(hosts: 96))
        let cut = F.zone(serial: 2, Array(F.records(hosts: 96).prefix(10)))
        guard case .reject(let rejection) = VersionGate(maxChangeRatio: 0.5).evaluate(cut, previous: old) else {
            Issue.record("accepted a 90 % cut")
            return
        }
        #expect(rejection.checkIDs == [VersionGate.changeRatioCheck])
        #expect(rejection.description.contains("removes 90 of 100 records"))
        guard case .accept = VersionGate(maxChangeRatio: 1).evaluate(cut, previous: old) else {
            Issue.record("guard not off at 1")
            return
        }
    }

    @Test("A serial that does not increase is refused (serial-regression)")
    func serialRegression() {
        let old = F.zone(serial: 5, F.records(hosts: 2))
        let same = F.zone(serial: 5, F.records(hosts: 2) + [F.a("x", 1)])
        guard case .reject(let rejection) = VersionGate().evaluate(same, previous: old) else {
            Issue.record("accepted")
            return
        }
        #expect(rejection.checkIDs.contains(CheckID.serialRegression))
    }
}
