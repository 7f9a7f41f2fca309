import Testing
@testable import DNSCore

@Suite("TSIG records")
struct MessageTSIGTests {
    static let query = Raw.question("example.com")

    func errorKind(_ bytes: [UInt8]) -> WireError.Kind? {
        do {
            _ = try Message(wire: bytes)
            return nil
        } catch {
            return error.kind
        }
    }

    @Test("RFC 8945 §4.2: the TSIG fields decode, and the record's place is remembered")
    func fields() throws {
        let message = try Message(wire: MessageFixtures.tsigResponse)
        let tsig = try #require(message.tsig)
        #expect(tsig.keyName == "tkey.")
        #expect(tsig.algorithm == "hmac-sha256.")
        #expect(tsig.timeSigned == 1_795_267_389)
        #expect(tsig.fudge == 300)
        #expect(tsig.mac.count == 32)
        #expect(tsig.originalID == 9225)
        #expect(tsig.error == .noError)
        #expect(tsig.otherData.isEmpty)
        #expect(message.additionals.isEmpty)
        #expect(message.edns != nil)
        let location = try #require(message.tsigLocation)
        #expect(location.additionalCount == 2)
        #expect(location.offset == MessageFixtures.tsigResponse.count - tsig.wireLength)
    }

    @Test("RFC 8945 §4.3.1: the signed bytes are the message before the TSIG, original ID, ARCOUNT less one")
    func unsignedMessage() throws {
        let wire = MessageFixtures.tsigResponse
        let message = try Message(wire: wire)
        let location = try #require(message.tsigLocation)
        let tsig = try #require(message.tsig)
        let unsigned = location.unsignedMessage(from: wire, originalID: tsig.originalID)
        // Re-encoding the message without its TSIG gives the same octets BIND signed.
        var withoutTSIG = message
        withoutTSIG.tsig = nil
        #expect(unsigned == withoutTSIG.encode())
        #expect(Array(unsigned[10..<12]) == [0, 1])
        // A forwarder that changed the ID does not change what was signed.
        var forwarded = wire
        forwarded[0] = 0xAA
        forwarded[1] = 0xBB
        let again = try Message(wire: forwarded)
        #expect(again.tsigLocation!.unsignedMessage(from: forwarded, originalID: again.tsig!.originalID) == unsigned)
    }

    @Test("RFC 8945 §5.1: a TSIG that is not the last record is malformed")
    func notLast() {
        let beforeOPT = Raw.header(qd: 1, ar: 2) + Self.query + Raw.tsig() + Raw.opt()
        #expect(errorKind(beforeOPT) == .badTSIG)
        let twoTSIGs = Raw.header(qd: 1, ar: 2) + Self.query + Raw.tsig() + Raw.tsig()
        #expect(errorKind(twoTSIGs) == .badTSIG)
        let inAnswer = Raw.header(qd: 1, an: 1) + Self.query + Raw.tsig()
        #expect(errorKind(inAnswer) == .badTSIG)
        let inAuthority = Raw.header(qd: 1, ns: 1) + Self.query + Raw.tsig()
        #expect(errorKind(inAuthority) == .badTSIG)
        // Last of the additional section, after the OPT: fine.
        let last = Raw.header(qd: 1, ar: 2) + Self.query + Raw.opt() + Raw.tsig()
        #expect(errorKind(last) == nil)
    }

    @Test("RFC 8945 §4.2: class ANY, uncompressed algorithm, RDATA filled exactly")
    func recordRules() {
        let classIN = Raw.header(qd: 1, ar: 1) + Self.query + Raw.tsig(rrClass: 1)
        #expect(errorKind(classIN) == .badTSIG)
        // The algorithm name as a pointer to the question's "example.com".
        var rdata = [0xC0, 12] as [UInt8]
        rdata += Raw.u16(0) + Raw.u32(1) + Raw.u16(300) + Raw.u16(0) + Raw.u16(1) + Raw.u16(0) + Raw.u16(0)
        let compressed = Raw.header(qd: 1, ar: 1) + Self.query + Raw.record("key", type: 250, rrClass: 255, ttl: 0, rdata: rdata)
        #expect(errorKind(compressed) == .badPointer)
        // A MAC size past the RDATA, and octets after Other Data.
        let tsig = Raw.tsig(mac: [1, 2, 3])
        var longMAC = tsig
        let macSizeOffset = Raw.name("key.example").count + 10 + Raw.name("hmac-sha256").count + 8
        longMAC[macSizeOffset + 1] = 200
        #expect(errorKind(Raw.header(qd: 1, ar: 1) + Self.query + longMAC) == .truncated)
        let rdataWithExtra = Array(tsig[(Raw.name("key.example").count + 10)...]) + [0]
        let extra = Raw.header(qd: 1, ar: 1) + Self.query + Raw.record("key.example", type: 250, rrClass: 255, ttl: 0, rdata: rdataWithExtra)
        #expect(errorKind(extra) == .rdataLength)
    }

    @Test("RFC 8945 §5.2.3: BADTIME carries the server's time as Other Data; 48-bit times")
    func badTimeAndWideTime() throws {
        let bytes = Raw.header(qd: 1, ar: 1) + Self.query
            + Raw.tsig(time: 0xFFFF_FFFF_FFFF, mac: [], error: 18, other: [0, 0, 0x65, 0x53, 0xF1, 0x00])
        let message = try Message(wire: bytes)
        #expect(message.tsig?.timeSigned == 0xFFFF_FFFF_FFFF)
        #expect(message.tsig?.error == .badTime)
        #expect(message.tsig?.otherData.count == 6)
        #expect(message.encode() == bytes)
    }
}
