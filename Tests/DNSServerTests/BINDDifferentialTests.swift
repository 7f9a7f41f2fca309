import DNSCore
@testable import DNSServer
import Foundation
import Testing
import TestSupport
import ZoneCompiler

@Suite("Differential answers against BIND named", .serialized)
struct BINDDifferentialTests {
    /// DNSPLANE_DIFF_QUERIES and DNSPLANE_DIFF_SEED run a longer or different sample.
    static let queryCount = ProcessInfo.processInfo.environment["DNSPLANE_DIFF_QUERIES"].flatMap(Int.init) ?? 2500
    static let seed = ProcessInfo.processInfo.environment["DNSPLANE_DIFF_SEED"].flatMap { UInt64($0) } ?? 0x5EED_2024

    @Test("Same RCODE, AA, TC, answer and authority as BIND for every query")
    func sameAnswersAsBIND() throws {
        guard Peers.find("named") != nil, let keygen = Peers.find("dnssec-keygen"),
              let signzone = Peers.find("dnssec-signzone") else {
            try Peers.skip("named, dnssec-keygen and dnssec-signzone")
            return
        }
        let directory = try ScratchDirectory("differential")
        defer { directory.remove() }
        let (text, names) = DifferentialZone().text()
        try directory.write("unsigned.zone", text)
        for extra in [["-f", "KSK"], []] {
            try Peers.run(keygen, ["-q", "-K", directory.path, "-a", "ECDSAP256SHA256"] + extra + ["-n", "ZONE", "diff.test"])
        }
        // -d: the dsset file goes to the scratch directory, not the working directory.
        let signing = try Peers.run(signzone, ["-q", "-K", directory.path, "-d", directory.path, "-S", "-o", "diff.test",
                                              "-f", directory.path("signed.zone"), directory.path("unsigned.zone")])
        let signedPath = directory.path("signed.zone")
        try #require(FileManager.default.fileExists(atPath: signedPath), "dnssec-signzone failed: \(signing)")

        let unsigned = Compiler.compile(text: text, name: "unsigned.zone", options: CompileOptions(origin: DifferentialZone.origin))
        #expect(unsigned.zone.recordCount >= 10_000, "the zone should hold at least 10k records before signing")
        let compiled = Compiler.compile(file: signedPath, options: CompileOptions(origin: DifferentialZone.origin))
        let responder = QueryResponder(catalog: ZoneCatalog([compiled.zone]))

        let named = try NamedServer(zones: [.init(name: "diff.test", role: .primary(file: signedPath))],
                                    minimalResponses: "no-auth")
        try named.start(readyZone: DifferentialZone.origin)
        defer { named.stop() }

        var generator = DifferentialQueries(names: names, seed: Self.seed)
        let comparison = ResponseComparison()
        var same = 0
        var allowed: [String: Int] = [:]
        var differences: [String] = []
        var coverage: [String: Int] = [:]
        let tcpEvery = 8
        var tcpQueries = 0
        for index in 0..<Self.queryCount {
            let query = generator.query()
            let bytes = query.encode()
            let reference = try DNSProbe.exchange(bytes, server: named.address, port: named.port)
            let ours = try #require(responder.respond(to: bytes, transport: .udp))
            var verdict = comparison.compare(reference: reference, candidate: ours, query: query)
            if verdict == .truncationDiffers {
                let referenceFull = try DNSProbe.exchange(bytes, server: named.address, port: named.port, tcp: true)
                let oursFull = try #require(responder.respond(to: bytes, transport: .tcp))
                verdict = comparison.compare(reference: reference, candidate: ours, query: query,
                                             referenceFull: referenceFull, candidateFull: oursFull)
            }
            if tcpEvery > 0 && index % tcpEvery == 0 {
                // Over TCP: no truncation, and ANY gets every RRset from both.
                let referenceTCP = try DNSProbe.exchange(bytes, server: named.address, port: named.port, tcp: true)
                let oursTCP = try #require(responder.respond(to: bytes, transport: .tcp))
                tcpQueries += 1
                let tcpVerdict = comparison.compare(reference: referenceTCP, candidate: oursTCP, query: query, udp: false)
                if tcpVerdict != .same {
                    differences.append("\(query.questions[0]) over TCP: \(tcpVerdict)")
                }
            }
            switch verdict {
            case .same: same += 1
            case .allowed(let rule): allowed[rule, default: 0] += 1
            case .truncationDiffers:
                differences.append("\(query.questions[0]): TC differs")
            case .different(let problems):
                differences.append("\(query.questions[0]) edns=\(query.edns.map { "\($0.udpPayloadSize)\($0.dnssecOK ? "+DO" : "")" } ?? "none"): \(problems.joined(separator: "; "))")
            }
            if let answer = try? Message(wire: reference) {
                coverage["rcode \(answer.header.rcode)", default: 0] += 1
                if answer.header.isTruncated { coverage["TC", default: 0] += 1 }
                if !answer.header.isAuthoritative && answer.header.rcode == .noError { coverage["referral (AA clear)", default: 0] += 1 }
                if answer.answers.contains(where: { $0.type == .cname }) { coverage["CNAME in answer", default: 0] += 1 }
                if answer.answers.contains(where: { $0.type == .dname }) { coverage["DNAME in answer", default: 0] += 1 }
                if answer.answers.contains(where: { $0.type == .rrsig }) { coverage["RRSIG in answer", default: 0] += 1 }
                if answer.authorities.contains(where: { $0.type == .nsec }) { coverage["NSEC in authority", default: 0] += 1 }
            }
        }
        print("differential zone: \(unsigned.zone.recordCount) records (\(compiled.zone.recordCount) signed, \(compiled.zone.nameCount) names)")
        print("differential: \(Self.queryCount) queries over UDP (\(tcpQueries) of them over TCP too), \(same) same, allowed \(allowed), \(differences.count) different")
        print("coverage (BIND's answers): \(coverage.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))")
        for difference in differences.prefix(40) { print("  DIFF \(difference)") }
        #expect(differences.isEmpty, "\(differences.count) responses differ from BIND's")
        #expect(same + allowed.values.reduce(0, +) == Self.queryCount)
    }
}
