import DNSCore
@testable import DNSServer
import Foundation
import Testing
import TestSupport

/// Hand-made bad requests: each gets FORMERR (or the error named), or silence, never a
/// crash, and the same from us as from BIND 9.18 (DESIGN §5.7).
@Suite("Malformed packets")
struct MalformedPacketTests {
    enum Outcome: Equatable, CustomStringConvertible {
        /// Nothing is sent back.
        case silence
        case rcode(RCode)

        var description: String {
            switch self {
            case .silence: return "silence"
            case .rcode(let rcode): return "\(rcode)"
            }
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var expected: Outcome
        var testDescription: String { name }
    }

    static let zone = """
    $TTL 3600
    @ SOA ns hostmaster 1 7200 3600 1209600 300
    @ NS ns
    ns A 192.0.2.1
    www A 192.0.2.2
    """

    // MARK: - Building blocks

    static func u16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

    static func header(id: Int = 0xBEEF, flags: Int = 0, qd: Int = 1, an: Int = 0, ns: Int = 0, ar: Int = 0) -> [UInt8] {
        u16(id) + u16(flags) + u16(qd) + u16(an) + u16(ns) + u16(ar)
    }

    /// www.example.
    static let www: [UInt8] = [3, 0x77, 0x77, 0x77, 7, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 0]

    static func question(_ type: Int = 1, _ rrClass: Int = 1, name: [UInt8] = www) -> [UInt8] {
        name + u16(type) + u16(rrClass)
    }

    static func opt(payload: Int = 1232, version: Int = 0, flags: Int = 0, options: [UInt8] = [], owner: [UInt8] = [0],
                    rdlength: Int? = nil) -> [UInt8] {
        owner + u16(41) + u16(payload) + [0, UInt8(version)] + u16(flags) + u16(rdlength ?? options.count) + options
    }

    static func option(_ code: Int, _ data: [UInt8]) -> [UInt8] { u16(code) + u16(data.count) + data }

    /// An A record for www.example (owner compressed to the question).
    static let aRecord: [UInt8] = [0xC0, 12] + u16(1) + u16(1) + [0, 0, 0x0E, 0x10] + u16(4) + [192, 0, 2, 9]

    /// A TSIG record (RFC 8945 §4.2) for key `key.`, with an empty MAC.
    static let tsig: [UInt8] = {
        let rdata: [UInt8] = [11] + Array("hmac-sha256".utf8) + [0] + [0, 0, 0x65, 0, 0, 0] + u16(300) + u16(0)
            + u16(0xBEEF) + u16(0) + u16(0)
        return [3, 0x6B, 0x65, 0x79, 0] + u16(250) + u16(255) + [0, 0, 0, 0] + u16(rdata.count) + rdata
    }()

    // MARK: - The table

    static let cases: [Case] = [
        Case(name: "empty datagram", bytes: [], expected: .silence),
        Case(name: "truncated header (11 octets)", bytes: Array(header().prefix(11)), expected: .silence),
        Case(name: "a response (QR set)", bytes: header(flags: 0x8000) + question(), expected: .silence),
        Case(name: "no question", bytes: header(qd: 0), expected: .rcode(.formErr)),
        Case(name: "question counted, not sent", bytes: header(), expected: .rcode(.formErr)),
        Case(name: "name cut inside a label", bytes: header() + Array(www.prefix(6)), expected: .rcode(.formErr)),
        Case(name: "name without type and class", bytes: header() + www, expected: .rcode(.formErr)),
        Case(name: "type without class", bytes: header() + www + u16(1), expected: .rcode(.formErr)),
        Case(name: "pointer to itself", bytes: header() + [0xC0, 12] + u16(1) + u16(1), expected: .rcode(.formErr)),
        Case(name: "pointer loop of two", bytes: header() + [1, 0x61, 0xC0, 16, 0xC0, 12] + u16(1) + u16(1), expected: .rcode(.formErr)),
        Case(name: "pointer forward past the end", bytes: header() + [0xC0, 0xFF] + u16(1) + u16(1), expected: .rcode(.formErr)),
        Case(name: "extended label type 0x40", bytes: header() + [0x41, 0] + u16(1) + u16(1), expected: .rcode(.formErr)),
        Case(name: "reserved label type 0x80", bytes: header() + [0x81, 0x61, 0] + u16(1) + u16(1), expected: .rcode(.formErr)),
        Case(name: "name longer than 255 octets",
             bytes: header() + Array(repeating: [63] + Array(repeating: UInt8(0x61), count: 63), count: 4).flatMap { $0 } + [0] + u16(1) + u16(1),
             expected: .rcode(.formErr)),
        Case(name: "two questions", bytes: header(qd: 2) + question() + question(28), expected: .rcode(.formErr)),
        Case(name: "65535 questions", bytes: header(qd: 65535) + question(), expected: .rcode(.formErr)),
        Case(name: "65535 answers counted, none sent", bytes: header(an: 65535) + question(), expected: .rcode(.formErr)),
        Case(name: "65535 additional records counted", bytes: header(ar: 65535) + question(), expected: .rcode(.formErr)),
        // BIND reads the counted records and ignores what follows them.
        Case(name: "trailing octets after the question", bytes: header() + question() + [0, 0, 0], expected: .rcode(.noError)),
        Case(name: "one trailing octet after the OPT", bytes: header(ar: 1) + question() + opt() + [0], expected: .rcode(.noError)),
        Case(name: "record RDLENGTH past the end", bytes: header(an: 1) + question() + Array(aRecord.dropLast(2)), expected: .rcode(.formErr)),
        Case(name: "A record with 3 octets of RDATA",
             bytes: header(ns: 1) + question() + [0xC0, 12] + u16(1) + u16(1) + [0, 0, 0, 1] + u16(3) + [1, 2, 3],
             expected: .rcode(.formErr)),
        Case(name: "OPT in the answer section", bytes: header(an: 1) + question() + opt(), expected: .rcode(.formErr)),
        Case(name: "two OPT records", bytes: header(ar: 2) + question() + opt() + opt(), expected: .rcode(.formErr)),
        Case(name: "OPT owned by a name other than the root", bytes: header(ar: 1) + question() + opt(owner: www), expected: .rcode(.formErr)),
        Case(name: "OPT RDLENGTH past the end", bytes: header(ar: 1) + question() + opt(rdlength: 8), expected: .rcode(.formErr)),
        Case(name: "OPT option longer than the RDATA",
             bytes: header(ar: 1) + question() + opt(options: u16(10) + u16(40) + Array(repeating: 0, count: 8)),
             expected: .rcode(.formErr)),
        Case(name: "OPT option header cut short", bytes: header(ar: 1) + question() + opt(options: [0, 10, 0]), expected: .rcode(.formErr)),
        Case(name: "COOKIE option of 5 octets", bytes: header(ar: 1) + question() + opt(options: option(10, [1, 2, 3, 4, 5])),
             expected: .rcode(.formErr)),
        Case(name: "client-subnet option with family 3",
             bytes: header(ar: 1) + question() + opt(options: option(8, u16(3) + [0, 0])), expected: .rcode(.formErr)),
        Case(name: "EDNS version 1", bytes: header(ar: 1) + question() + opt(version: 1), expected: .rcode(.badVers)),
        Case(name: "EDNS version 255 with DO", bytes: header(ar: 1) + question() + opt(version: 255, flags: 0x8000), expected: .rcode(.badVers)),
        Case(name: "opcode IQUERY", bytes: header(flags: 1 << 11) + question(), expected: .rcode(.notImp)),
        Case(name: "opcode STATUS", bytes: header(flags: 2 << 11) + question(), expected: .rcode(.notImp)),
        Case(name: "opcode 3 (unassigned)", bytes: header(flags: 3 << 11) + question(), expected: .rcode(.notImp)),
        Case(name: "opcode 15 (unassigned)", bytes: header(flags: 15 << 11) + question(), expected: .rcode(.notImp)),
        Case(name: "QCLASS ANY", bytes: header() + question(1, 255), expected: .rcode(.formErr)),
        Case(name: "QCLASS NONE", bytes: header() + question(1, 254), expected: .rcode(.formErr)),
        Case(name: "QCLASS CHAOS", bytes: header() + question(1, 3), expected: .rcode(.refused)),
        Case(name: "QTYPE OPT", bytes: header() + question(41), expected: .rcode(.formErr)),
        Case(name: "QTYPE TSIG", bytes: header() + question(250), expected: .rcode(.formErr)),
        Case(name: "QTYPE TKEY", bytes: header() + question(249), expected: .rcode(.formErr)),
        Case(name: "QTYPE 128 (meta)", bytes: header() + question(128), expected: .rcode(.formErr)),
        Case(name: "QTYPE MAILB", bytes: header() + question(253), expected: .rcode(.notImp)),
        Case(name: "QTYPE MAILA", bytes: header() + question(254), expected: .rcode(.notImp)),
        Case(name: "TSIG with an unknown key", bytes: header(ar: 1) + question() + tsig, expected: .rcode(.notAuth)),
        Case(name: "TSIG before the OPT", bytes: header(ar: 2) + question() + tsig + opt(), expected: .rcode(.formErr)),
        // Odd but well-formed: answered.
        Case(name: "TC set in the query", bytes: header(flags: 0x0200) + question(), expected: .rcode(.noError)),
        Case(name: "Z set in the query", bytes: header(flags: 0x0040) + question(), expected: .rcode(.noError)),
        Case(name: "an answer record in the query", bytes: header(an: 1) + question() + aRecord, expected: .rcode(.noError)),
        Case(name: "unknown EDNS option", bytes: header(ar: 1) + question() + opt(options: option(65001, [1, 2, 3])), expected: .rcode(.noError)),
        Case(name: "OPT payload size 0", bytes: header(ar: 1) + question() + opt(payload: 0), expected: .rcode(.noError)),
        Case(name: "name compressed into the header", bytes: header() + [0xC0, 5] + u16(1) + u16(1), expected: .rcode(.refused)),
        Case(name: "binary label", bytes: header() + [2, 0x00, 0xFF] + Array(www.dropFirst(4)) + u16(1) + u16(1), expected: .rcode(.nxDomain)),
    ]

    /// The outcome of one request from a function that answers it.
    static func outcome(_ response: [UInt8]?, request: [UInt8]) -> Outcome {
        guard let response else { return .silence }
        guard response.count >= 12 else { return .rcode(RCode(0xFFFF)) }
        if let message = try? Message(wire: response) { return .rcode(message.header.rcode) }
        return .rcode(RCode(UInt16(response[3] & 0x0F)))
    }

    @Test("Our answer", arguments: cases)
    func ours(_ testCase: Case) throws {
        let fixture = ResponderFixture(origin: "example.", Self.zone)
        for transport in [RequestContext.Transport.udp, .tcp] {
            let response = fixture.raw(testCase.bytes, transport: transport)
            #expect(Self.outcome(response, request: testCase.bytes) == testCase.expected, "\(transport)")
            if let response, testCase.bytes.count >= 2 {
                // The ID is echoed and the message is a response that decodes.
                #expect(Array(response.prefix(2)) == Array(testCase.bytes.prefix(2)))
                #expect(response[2] & 0x80 != 0)
                #expect(response[3] & 0x80 == 0, "RA is never set")
                #expect(throws: Never.self) { try Message(wire: response) }
            }
        }
    }

    @Test("Mutated queries never crash the responder, and every response decodes")
    func mutations() throws {
        let fixture = ResponderFixture(origin: "example.", Self.zone)
        var rng = SplitMix64(seed: 4592)
        let seeds: [[UInt8]] = [
            ResponderFixture.query("www.example.", .a).encode(),
            ResponderFixture.query("nope.example.", .mx, dnssecOK: true).encode(),
            ResponderFixture.query("example.", .any, edns: nil).encode(),
            Self.header(ar: 2) + Self.question() + Self.opt(options: Self.option(10, Array(repeating: 7, count: 8))) + Self.tsig,
        ]
        for _ in 0..<20_000 {
            var bytes = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
                case 1 where !bytes.isEmpty: bytes.removeLast(Int.random(in: 1...min(8, bytes.count), using: &rng))
                case 2: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...bytes.count, using: &rng))
                default: if bytes.count > 12 { bytes[Int.random(in: 12..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
                }
            }
            for transport in [RequestContext.Transport.udp, .tcp] {
                guard let response = fixture.raw(bytes, transport: transport) else { continue }
                #expect(throws: Never.self, "\(bytes)") { try Message(wire: response) }
                if transport == .udp { #expect(response.count <= 1232) }
            }
        }
    }

    @Test("BIND's answer is the same")
    func bind() throws {
        guard Peers.find("named") != nil else {
            try Peers.skip("named")
            return
        }
        let directory = try ScratchDirectory("malformed")
        defer { directory.remove() }
        let file = try directory.write("example.zone", Self.zone)
        let named = try NamedServer(zones: [.init(name: "example", role: .primary(file: file))])
        try named.start(readyZone: "example.")
        defer { named.stop() }
        var mismatches: [String] = []
        for testCase in Self.cases {
            let response = try? DNSProbe.exchange(testCase.bytes, server: named.address, port: named.port,
                                                 timeout: testCase.expected == .silence ? 0.5 : 2)
            let outcome = Self.outcome(response, request: testCase.bytes)
            if outcome != testCase.expected { mismatches.append("\(testCase.name): BIND \(outcome), table \(testCase.expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}
