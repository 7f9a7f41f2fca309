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

    @Test("Any prefix of a valid message fails cleanly")
    func everyPrefix() {
        for fixture in [MessageFixtures.tsigResponse, MessageFixtures.updateRequest, MessageFixtures.mxResponse] {
            for length in 0..<fixture.count {
                #expect(error(Array(fixture[0..<length])) != nil)
            }
        }
    }
}
