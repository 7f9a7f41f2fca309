import Testing
@testable import DNSCore

/// Every way a message can be malformed fails with its own `WireError` kind, at the
/// offset where it goes wrong, and nothing is allocated from a count before checking it.
@Suite("Malformed messages")
struct MessageMalformedTests {
    static let query = Raw.question("example.com")

    func error(_ bytes: [UInt8]) -> WireError? {
        do {
            _ = try Message(wire: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("RFC 1035 §4.1.1: a header shorter than 12 octets is truncated")
    func truncatedHeader() {
        for length in 0..<12 {
            let bytes = Array(Raw.header()[0..<length])
            #expect(error(bytes)?.kind == .truncated)
            #expect(error(bytes)?.offset == length)
        }
    }

    @Test("RFC 1035 §4.1.2, §4.1.3: a question or record cut short is truncated")
    func truncatedSection() {
        let whole = Raw.header(qd: 1, an: 1) + Self.query + Raw.record("a.example", type: 1, rdata: Raw.a1)
        // Cut inside the answer's fixed fields, after the counts have been checked.
        let cut = Array(whole[0..<(12 + Self.query.count + 11 + 5)])
        #expect(error(cut)?.kind == .truncated)
        // Cut inside a question's name: the counts still look possible.
        let inName = Raw.header(qd: 1) + [7] + Array("examp".utf8)
        #expect(error(inName)?.kind == .truncated)
    }

    @Test("RFC 1035 §4.1.4: pointers must point backwards; forward and self pointers are bad")
    func badPointer() {
        // The question's name is a pointer to itself.
        let selfPointer = Raw.header(qd: 1) + [0xC0, 12] + Raw.u16(1) + Raw.u16(1)
        #expect(error(selfPointer)?.kind == .badPointer)
        #expect(error(selfPointer)?.offset == 12)
        // A pointer past the end of the message.
        let forward = Raw.header(qd: 1) + [0xFF, 0xFF] + Raw.u16(1) + Raw.u16(1)
        #expect(error(forward)?.kind == .badPointer)
        // A pointer into the header is odd but, as for BIND, fine if it reads as a
        // name: here ARCOUNT's high octet, a zero, is the root.
        let header = Raw.header(qd: 1, an: 1) + Self.query + Raw.record([0xC0, 10], type: 1, rdata: Raw.a1)
        #expect(error(header) == nil)
    }

    @Test("RFC 1035 §4.1.4: a pointer back into a name already being read is a loop")
    func pointerLoop() {
        // The answer's owner is the label "b" followed by a pointer back to that
        // label: backwards, but into the name being read, so following it never ends.
        var bytes = Raw.header(qd: 1, an: 1) + Raw.question("a")
        let owner = bytes.count
        bytes += [1, UInt8(ascii: "b"), 0xC0, UInt8(owner)]
        bytes += Raw.u16(1) + Raw.u16(1) + Raw.u32(0) + Raw.u16(4) + Raw.a1
        #expect(error(bytes)?.kind == .pointerLoop)
    }

    @Test("RFC 1035 §4.1.4: chains of pointers to pointers are cut off, so names stay cheap")
    func pointerChains() throws {
        // A root label at 12, then `hops` pointers, each pointing at the one before;
        // a name read from the last pointer follows all of them.
        func chain(_ hops: Int) -> (bytes: [UInt8], last: Int) {
            var bytes = Raw.header() + [0]
            for i in 0..<hops {
                let target = i == 0 ? 12 : 13 + 2 * (i - 1)
                bytes += [0xC0 | UInt8(target >> 8), UInt8(target & 0xFF)]
            }
            return (bytes, 13 + 2 * (hops - 1))
        }
        // 127 pointers, as many as a 127-label name could use: fine.
        let most = chain(WireReader.maxPointersPerName)
        var reader = WireReader(bytes: most.bytes, position: most.last)
        #expect(try reader.readName() == .root)
        // One more, or thousands, cost no more than that before failing.
        for hops in [WireReader.maxPointersPerName + 1, 8000] {
            let hostile = chain(hops)
            var reader = WireReader(bytes: hostile.bytes, position: hostile.last)
            #expect(throws: WireError(.pointerLoop, at: 0)) { try reader.readName() }
        }
    }

    @Test("RFC 1035 §4.1.3: RDLENGTH running past the message")
    func rdlengthPastEnd() {
        let bytes = Raw.header(qd: 1, an: 1) + Self.query + Raw.record("a.example", type: 1, rdata: Raw.a1, rdlength: 5)
        let failure = error(bytes)
        #expect(failure?.kind == .rdataLength)
        #expect(failure?.offset == 12 + Self.query.count + 11 + 8)
    }

    @Test("RFC 3597 §5: RDATA shorter or longer than its type's fields")
    func rdataMismatch() {
        // An MX whose name ends before RDLENGTH does.
        let long = Raw.header(an: 1) + Raw.record("example", type: 15, rdata: [0, 10] + Raw.name("mx.example") + [0xEE])
        #expect(error(long)?.kind == .rdataLength)
        // An A of 3 octets.
        let short = Raw.header(an: 1) + Raw.record("example", type: 1, rdata: [192, 0, 2])
        #expect(error(short)?.kind == .badRData)
    }

    @Test("RFC 1035 §4.1.1: counts beyond the data, and absurd counts, fail before any allocation")
    func countsBeyondData() {
        // One answer promised, none present: the data ends where the answer should start.
        let missing = Raw.header(qd: 1, an: 1) + Self.query
        #expect(error(missing)?.kind == .tooManyRecords)
        #expect(error(missing)?.offset == missing.count)
        let missingQuestion = Raw.header(qd: 2) + Raw.question("a-rather-long-name.example")
        #expect(error(missingQuestion)?.kind == .tooManyRecords)
        // 65535 of everything in a 12-octet message.
        let absurd = Raw.header(qd: 0xFFFF, an: 0xFFFF, ns: 0xFFFF, ar: 0xFFFF)
        #expect(error(absurd)?.kind == .tooManyRecords)
        #expect(error(absurd)?.offset == 4)
        // Counts that need more octets than follow, however they are spread.
        let tooMany = Raw.header(qd: 1, ar: 2) + Self.query + Array(repeating: 0, count: 9)
        #expect(error(tooMany)?.kind == .tooManyRecords)
        #expect(error(tooMany)?.offset == 4)
        // Just enough octets for the counts' minimum sizes decodes as far as the data goes.
        let minimal = Raw.header(qd: 1, an: 1) + [0, 0, 1, 0, 1] + [0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]
        #expect(error(minimal)?.kind == .badRData)  // an A record with no address
    }

    @Test("RFC 1035 §4.1: octets after the last record")
    func trailingBytes() {
        let bytes = Raw.header(qd: 1) + Self.query + [0]
        #expect(error(bytes)?.kind == .trailingBytes)
        #expect(error(bytes)?.offset == 12 + Self.query.count)
    }

    @Test("RFC 1035 §2.3.4: names over 255 octets and the reserved label types")
    func badNames() {
        var long: [UInt8] = []
        for _ in 0..<5 { long += [63] + Array(repeating: UInt8(ascii: "a"), count: 63) }
        let tooLong = Raw.header(qd: 1) + long + [0] + Raw.u16(1) + Raw.u16(1)
        #expect(error(tooLong)?.kind == .nameTooLong)
        let extended = Raw.header(qd: 1) + [0x41, 0] + Raw.u16(1) + Raw.u16(1)
        #expect(error(extended)?.kind == .badLabelType)
    }

    @Test("BIND's parser rules: one name and class in the question section, no repeats")
    func questions() {
        let twoTypes = Raw.header(qd: 2) + Raw.question("example.com", type: 1) + Raw.question("example.com", type: 28)
        #expect(error(twoTypes) == nil)
        let twoNames = Raw.header(qd: 2) + Raw.question("example.com") + Raw.question("example.org")
        #expect(error(twoNames)?.kind == .badQuestion)
        let twoClasses = Raw.header(qd: 2) + Raw.question("example.com") + Raw.question("example.com", rrClass: 3)
        #expect(error(twoClasses)?.kind == .badQuestion)
        let repeated = Raw.header(qd: 2) + Raw.question("example.com") + Raw.question("EXAMPLE.com")
        #expect(error(repeated)?.kind == .badQuestion)
        #expect(error(repeated)?.offset == 12 + Self.query.count)
    }

    @Test("BIND's parser rules: outside UPDATE every record has the message's class")
    func classes() {
        let chaos = Raw.header(qd: 1, an: 1) + Self.query + Raw.record("version.bind", type: 16, rrClass: 3, rdata: [1, 0x61])
        #expect(error(chaos)?.kind == .classMismatch)
        // Without a question, the first record sets the class (later AXFR messages).
        let noQuestion = Raw.header(an: 2) + Raw.record("a", type: 16, rrClass: 3, rdata: [1, 0x61])
            + Raw.record("b", type: 16, rdata: [1, 0x61])
        #expect(error(noQuestion)?.kind == .classMismatch)
        // A class ANY question takes records of any class; OPT and TSIG have their own.
        let anyClass = Raw.header(qd: 1, an: 1) + Raw.question("example.com", rrClass: 255)
            + Raw.record("version.bind", type: 16, rrClass: 3, rdata: [1, 0x61])
        #expect(error(anyClass) == nil)
        // UPDATE mixes the zone's class with ANY and NONE by design.
        let update = Raw.header(flags: 0x2800, qd: 1, ns: 1) + Raw.question("example.com", type: 6)
            + Raw.record("a.example.com", type: 16, rrClass: 3, rdata: [1, 0x61])
        #expect(error(update) == nil)
    }

    @Test("RFC 6895 §3.1: type 0 is reserved and has no RDATA")
    func typeZero() {
        let bytes = Raw.header(qd: 1, an: 1) + Self.query + Raw.record("example.com", type: 0, rdata: [])
        #expect(error(bytes)?.kind == .badRData)
    }

    @Test("RFC 3597 §5: types defined for class IN are opaque in other classes, as BIND keeps them")
    func classSpecificTypes() throws {
        // An A record of class CH in a CH message: not an IPv4 address, kept as octets.
        let chaos = Raw.header(qd: 1, an: 1) + Raw.question("example.com", rrClass: 3)
            + Raw.record("example.com", type: 1, rrClass: 3, rdata: Raw.name("ch.example") + [0x01, 0x02])
        let message = try Message(wire: chaos)
        #expect(message.answers[0].rdata == .unknown(UnknownRData(type: .a, data: Raw.name("ch.example") + [0x01, 0x02])))
        #expect(try Message(wire: message.encode()) == message)
        // HS shares IN's A format.
        let hesiod = Raw.header(qd: 1, an: 1) + Raw.question("example.com", rrClass: 4)
            + Raw.record("example.com", type: 1, rrClass: 4, rdata: Raw.a1)
        #expect(try Message(wire: hesiod).answers[0].rdata == .a(A(IPv4Address(192, 0, 2, 1))))
    }

    @Test("Any prefix of a valid message fails cleanly")
    func everyPrefix() {
        for fixture in [MessageFixtures.tsigResponse, MessageFixtures.updateRequest, MessageFixtures.mxResponse] {
            for length in 0..<fixture.count {
                #expect(error(Array(fixture[0..<length])) != nil)
            }
        }
    }
}
