import DNSCore
import Foundation
import Testing
@testable import ZoneCompiler

/// The checks after an UPDATE use a `ZoneLookup` without an index over the whole zone
/// (cuts, DNAMEs and empty non-terminals found by asking, not precomputed); it must
/// answer exactly as the indexed one, on every zone of the corpus.
@Suite("Unindexed zone lookups answer as indexed ones")
struct UnindexedLookupTests {
    static let types: [RRType] = [.a, .aaaa, .ns, .ds, .cname, .mx, .txt, .srv]

    /// The names worth asking about in `zone`: owners, their ancestors, record targets,
    /// a child and a wildcard-matching sibling of each owner, and names outside.
    static func probes(_ zone: Zone) -> [DomainName] {
        var names = Set<DomainName>()
        for record in zone.records() {
            var name: DomainName? = record.owner
            while let current = name, current.isSubdomain(of: zone.origin) {
                names.insert(current)
                name = current.parent
            }
            if let target = record.rdata.targetName { names.insert(target) }
            if let child = try? DomainName("probe", origin: record.owner) { names.insert(child) }
        }
        if let outside = try? DomainName("elsewhere.invalid.", origin: nil) { names.insert(outside) }
        return Array(names)
    }

    @Test("find, exists, enclosing cut and DNAME; and the UPDATE checks' findings, over every corpus zone")
    func corpus() throws {
        var compared = 0
        for testCase in try CheckzoneCorpus.load() {
            guard let origin = try? DomainName(testCase.zoneName.hasSuffix(".") ? testCase.zoneName : testCase.zoneName + ".", origin: nil),
                  let bytes = FileManager.default.contents(atPath: testCase.directory + "/" + testCase.file) else { continue }
            let result = Compiler.compile(bytes: Array(bytes), name: testCase.file, options: CompileOptions(origin: origin))
            let zone = result.zone
            guard zone.soa != nil else { continue }
            let indexed = ZoneLookup(zone: zone)
            let unindexed = ZoneLookup(zone: zone, indexed: false)
            for name in Self.probes(zone) {
                #expect(indexed.exists(name) == unindexed.exists(name), "\(testCase.name): exists \(name)")
                #expect(indexed.enclosingCut(of: name, includingSelf: true) == unindexed.enclosingCut(of: name, includingSelf: true),
                        "\(testCase.name): cut above \(name)")
                #expect(indexed.enclosingDNAME(of: name) == unindexed.enclosingDNAME(of: name), "\(testCase.name): DNAME above \(name)")
                for type in Self.types {
                    #expect(indexed.find(name, type, glueOK: true) == unindexed.find(name, type, glueOK: true), "\(testCase.name): \(name) \(type)")
                    #expect(indexed.find(name, type) == unindexed.find(name, type), "\(testCase.name): \(name) \(type)")
                }
                compared += 1
            }
            let owners = Set(zone.records().map(\.owner))
            let one = ZoneChecker.check(zone, policy: .dnsplane, changedNames: owners, referencesAtRisk: nil, indexed: true)
            let other = ZoneChecker.check(zone, policy: .dnsplane, changedNames: owners, referencesAtRisk: nil, indexed: false)
            #expect(one.map(\.check) == other.map(\.check) && one.map(\.message) == other.map(\.message), "\(testCase.name)")
        }
        #expect(compared > 1000)
    }
}
