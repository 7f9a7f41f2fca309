import DNSCore
import Testing
@testable import ZoneCompiler

@Suite("The change-ratio guard (secondary gate, check --previous)")
struct ChangeRatioGuardTests {
    static func zone(hosts: Int, serial: Int = 1) -> Zone {
        var text = "$TTL 300\n@ SOA ns1 hostmaster \(serial) 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n"
        for index in 0..<hosts { text += "h\(index) A 10.0.\(index / 256).\(index % 256)\n" }
        return Compiler.compile(text: text, name: "example.zone", options: CompileOptions(origin: "example.")).zone
    }

    @Test("Over the limit is a finding with the numbers; at the limit is not")
    func limit() throws {
        let rule = ChangeRatioGuard(maxRatio: 0.5)
        #expect(rule.finding(removed: 5, previousRecords: 10, origin: "example.") == nil)
        let finding = try #require(rule.finding(removed: 6, previousRecords: 10, origin: "example."))
        #expect(finding.check == .changeRatio)
        #expect(finding.severity == .error)
        #expect(finding.message == "removes 6 of 10 records (60 %), more than the 50 % allowed (--max-change-ratio)")
        #expect(finding.owner == "example.")
    }

    @Test("Off, an empty previous version, or a ratio of 1 let everything through")
    func disabled() {
        #expect(ChangeRatioGuard().finding(removed: 9, previousRecords: 10, origin: "example.", severity: .off) == nil)
        #expect(ChangeRatioGuard().finding(removed: 0, previousRecords: 0, origin: "example.") == nil)
        #expect(ChangeRatioGuard(maxRatio: 1).finding(removed: 10, previousRecords: 10, origin: "example.") == nil)
    }

    @Test("Two whole versions are compared record by record, SOA aside")
    func wholeZones() throws {
        let previous = Self.zone(hosts: 20)            // 22 records besides the SOA
        let cut = Self.zone(hosts: 8, serial: 2)       // 12 of them gone
        let finding = try #require(ChangeRatioGuard().finding(cut, previous: previous))
        #expect(finding.message.hasPrefix("removes 12 of 22 records"))
        #expect(ChangeRatioGuard().finding(Self.zone(hosts: 20, serial: 2), previous: previous) == nil)
        #expect(ChangeRatioGuard().finding(Self.zone(hosts: 40, serial: 2), previous: previous) == nil)
    }
}
