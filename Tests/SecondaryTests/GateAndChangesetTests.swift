import DNSCore
import Testing
import ZoneCompiler
@testable import Secondary

/// Applying difference sequences strictly (RFC 1995 §5), and the gate every version
/// passes: the compiler's checks and the change-ratio guard (DESIGN §5.2, §5.4).
@Suite("Changesets and the version gate")
struct GateAndChangesetTests {
    typealias F = Fixture

    @Test("IXFR difference sequences apply in order through Zone.applying; the result equals the zone built directly")
    func apply() throws {
        let base = F.zone(serial: 1, F.records(hosts: 3))
        let changes = [
            Changeset(soaFrom: F.soa(1), soaTo: F.soa(2), removed: [F.a("host0", 10)], added: [F.a("new", 99)]),
            Changeset(soaFrom: F.soa(2), soaTo: F.soa(3), removed: [F.a("new", 99), F.a("host1", 11)],
                      added: [F.a("new", 98), F.a("host1", 11, ttl: 60)]),
        ]
        var result = base
        for changeset in changes { result = try result.applying(changeset) }
        var expected = F.records(hosts: 3).filter { $0 != F.a("host0", 10) && $0 != F.a("host1", 11) }
        expected += [F.a("new", 98), F.a("host1", 11, ttl: 60)]
        #expect(result == F.zone(serial: 3, expected))
        #expect(result.soa?.serial == 3)
        // A sequence from another serial, or removing a missing record, does not apply:
        // the secondary then falls back to AXFR.
        #expect(throws: ZoneEditError.self) { try base.applying(changes[1]) }
        #expect(throws: ZoneEditError.self) {
            try base.applying(Changeset(soaFrom: F.soa(1), soaTo: F.soa(2), removed: [F.a("nothere", 1)], added: []))
        }
    }

    @Test("Counting removed records ignores TTLs and the SOA")
    func counting() {
        let old = F.zone(serial: 1, F.records(hosts: 10))
        let new = F.zone(serial: 2, Array(F.records(hosts: 10).dropLast(3)) + [F.a("host0", 10, ttl: 5)])
        #expect(old.countRecords(missingFrom: new) == 3)
        #expect(new.countRecords(missingFrom: old) == 0)
    }

    @Test("Net changes of difference sequences agree with comparing the zones")
    func netChanges() throws {
        let base = F.zone(serial: 1, F.records(hosts: 10))
        let changes = [
            Changeset(soaFrom: F.soa(1), soaTo: F.soa(2), removed: [F.a("host0", 10), F.a("host1", 11)], added: [F.a("new", 99)]),
            Changeset(soaFrom: F.soa(2), soaTo: F.soa(3), removed: [F.a("new", 99), F.a("host2", 12)],
                      added: [F.a("host0", 10), F.a("host2", 12, ttl: 60), F.a("other", 98)]),
        ]
        var result = base
        for changeset in changes { result = try result.applying(changeset) }
        let net = VersionGate.netChanges(changes)
        #expect(net.removed == base.countRecords(missingFrom: result) && net.added == result.countRecords(missingFrom: base))
        #expect(net.removed == 1 && net.added == 1)
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
        #expect(rejection.checkIDs == [.changeRatio])
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
