import DNSCore
@testable import DNSServer
import Foundation
import Testing
import TestSupport
import ZoneCompiler

/// Queries the zone built by `DifferentialZone`, names that exist and do not, in
/// random case, with and without EDNS and DO, with payload sizes small enough to
/// truncate.
struct DifferentialQueries {
    var rng: SplitMix64
    let names: DifferentialZone.Names

    static let types: [RRType] = [
        .a, .aaaa, .mx, .txt, .ns, .soa, .cname, .dname, .ds, .dnskey, .rrsig, .nsec, .any, .srv, .ptr, .hinfo,
        .caa, .naptr, .sshfp, .tlsa, .svcb, .https, .uri, .loc, .rp, .afsdb, .minfo, .mb, .null, RRType(65280),
        .spf, .cds, .cdnskey, .dhcid, .openpgpkey, .csync, .eui48, .eui64, .nsec3param, .kx, .wks, .nsap, .nsapPtr,
        .ipseckey, .cert, .x25, .isdn, .px, .gpos, .apl, .mg, .mr, .rt, .nid, .l32, .l64, .lp, .smimea, .ninfo, RRType(0),
    ]
    /// The types most questions ask about.
    static let common: [RRType] = [.a, .a, .a, .aaaa, .aaaa, .mx, .txt, .ns, .any, .ds, .soa, .cname, .rrsig, .nsec, .srv]

    init(names: DifferentialZone.Names, seed: UInt64) {
        self.names = names
        rng = SplitMix64(seed: seed)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    mutating func label() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789-")
        let length = Int.random(in: 1...12, using: &rng)
        var label = String(pick(Array(letters.prefix(26))))
        for _ in 1..<length { label.append(pick(letters)) }
        return label
    }

    mutating func name() -> String {
        let roll = Int.random(in: 0..<100, using: &rng)
        switch roll {
        case 0..<22: return pick(names.hosts)
        case 22..<30: return "\(label()).diff.test."
        case 30..<33: return "\(label()).\(pick(names.hosts))"
        case 33..<36: return "\(label()).\(pick(names.ents))"
        case 36..<37: return pick(names.ents)
        case 37..<45:
            let parent = pick(names.wildcardParents)
            return chance(0.3) ? "\(label()).\(label()).\(parent)" : "\(label()).\(parent)"
        case 45..<47: return pick(names.exactUnderWildcards)
        case 47..<53: return pick(names.cuts)
        case 53..<57: return "\(label()).\(pick(names.cuts))"
        case 57..<59: return pick(names.glue)
        case 59..<69: return pick(names.aliases)
        case 69..<72: return pick(names.dnames)
        case 72..<78:
            let dname = pick(names.dnames)
            if dname.hasPrefix("dnlong"), chance(0.5) {
                // Long enough that the substituted name passes 255 octets.
                return "\(String(repeating: "z", count: 40)).\(label()).\(dname)"
            }
            return chance(0.5) ? "\(pick(["x", "y", "www", "mx", "nope"])).\(dname)" : "\(label()).\(label()).\(dname)"
        case 78..<92: return pick(names.special)
        case 92..<95: return pick(["example.org.", "test.", ".", "diff.test.example.", "xdiff.test.", "com."])
        default: return "diff.test."
        }
    }

    mutating func randomCase(_ name: DomainName) -> DomainName {
        var wire = name.wire
        for i in wire.indices where wire[i] &- 0x61 < 26 || wire[i] &- 0x41 < 26 {
            if chance(0.5) { wire[i] ^= 0x20 }
        }
        return DomainName(trustedWire: wire)
    }

    mutating func query() -> Message {
        let text = name()
        let type = chance(0.6) ? pick(Self.common) : pick(Self.types)
        var name = try! DomainName(text)
        // A length byte is never a letter: flipping 0x20 only touches letters.
        name = chance(0.8) ? randomCase(name) : name
        var message = Message(header: MessageHeader(id: UInt16.random(in: 1...0xFFFF, using: &rng),
                                                    recursionDesired: chance(0.3)),
                              questions: [Question(name: name, type: type)])
        if chance(0.8) {
            let size: UInt16 = pick([512, 512, 1232, 1232, 4096, 700, 900, 1400, 0, 1024])
            message.edns = EDNS(udpPayloadSize: size, dnssecOK: chance(0.5))
        }
        return message
    }
}

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
