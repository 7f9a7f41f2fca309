import Testing
@testable import DNSCore

@Suite("EDNS(0)")
struct MessageEDNSTests {
    static let query = Raw.question("example.com")

    func decode(_ bytes: [UInt8]) throws(WireError) -> Message { try Message(wire: bytes) }

    func errorKind(_ bytes: [UInt8]) -> WireError.Kind? {
        do {
            _ = try Message(wire: bytes)
            return nil
        } catch {
            return error.kind
        }
    }

    @Test("RFC 6891 §6.1.2, §6.1.3: the OPT record leaves the additional section for message.edns")
    func optFields() throws {
        let options = Raw.option(3, Array("ns1".utf8)) + Raw.option(65001, [1, 2]) + Raw.option(10, Array(repeating: 7, count: 8))
        let bytes = Raw.header(qd: 1, ar: 2) + Self.query + Raw.record("glue.example", type: 1, rdata: Raw.a1)
            + Raw.opt(size: 4096, version: 0, flags: 0x8000 | 0x0123, options: options)
        let message = try decode(bytes)
        #expect(message.additionals.count == 1)
        let edns = try #require(message.edns)
        #expect(edns.udpPayloadSize == 4096)
        #expect(edns.version == 0)
        #expect(edns.dnssecOK)
        #expect(edns.otherFlags == 0x0123)
        // Unknown options are kept, in order.
        #expect(edns.options.map(\.code) == [.nsid, EDNSOptionCode(65001), .cookie])
        #expect(edns.options[1].data == [1, 2])
        #expect(edns.nsid == Array("ns1".utf8))
        #expect(edns.cookie == Array(repeating: 7, count: 8))
        #expect(message.wireCounts.additionals == 2)
        #expect(message.encode() == bytes)
    }

    @Test("RFC 6891 §6.1.3: the extended RCODE joins the header's four bits into 12")
    func extendedRCode() throws {
        // BADVERS = 16: header 0, extended 1.
        let badvers = Raw.header(flags: 0x8400, qd: 1, ar: 1) + Self.query + Raw.opt(extendedRCode: 1)
        #expect(try decode(badvers).header.rcode == .badVers)
        // 0xFFF: header 15, extended 255.
        let top = Raw.header(flags: 0x840F, qd: 1, ar: 1) + Self.query + Raw.opt(extendedRCode: 255)
        let message = try decode(top)
        #expect(message.header.rcode == RCode(0xFFF))
        #expect(message.encode() == top)
        // Without an OPT record only the low four bits reach the wire.
        var plain = message
        plain.edns = nil
        #expect(try decode(plain.encode()).header.rcode == RCode(0xF))
        // Built from scratch: BADCOOKIE (23) splits into 7 and 1.
        var built = Message(header: MessageHeader(isResponse: true, rcode: .badCookie), edns: EDNS())
        built.questions = [Question(name: "example.com.", type: .a)]
        let wire = built.encode()
        #expect(wire[3] & 0x0F == 7)
        #expect(try decode(wire).header.rcode == .badCookie)
    }

    @Test("RFC 6891 §6.1.1: a second OPT record is malformed")
    func secondOPT() {
        let bytes = Raw.header(qd: 1, ar: 2) + Self.query + Raw.opt() + Raw.opt()
        #expect(errorKind(bytes) == .badOPT)
    }

    @Test("RFC 6891 §6.1.2: the OPT owner must be the root")
    func optOwner() {
        let bytes = Raw.header(qd: 1, ar: 1) + Self.query + Raw.opt(owner: Raw.name("example"))
        #expect(errorKind(bytes) == .badOPT)
        // A pointer to a root label elsewhere is still the root.
        let pointer = Raw.header(qd: 1, ar: 1) + Self.query + Raw.opt(owner: [0xC0, 24])
        #expect(throws: Never.self) { try Message(wire: pointer) }
    }

    @Test("RFC 6891 §6.1.1: OPT only in the additional section")
    func optOutsideAdditional() {
        let inAnswer = Raw.header(qd: 1, an: 1) + Self.query + Raw.opt()
        #expect(errorKind(inAnswer) == .badOPT)
        let inAuthority = Raw.header(qd: 1, ns: 1) + Self.query + Raw.opt()
        #expect(errorKind(inAuthority) == .badOPT)
        let inUpdate = Raw.header(flags: 0x2800, qd: 1, ns: 1) + Raw.question("example.com", type: 6) + Raw.opt()
        #expect(errorKind(inUpdate) == .badOPT)
    }

    @Test("RFC 6891 §6.1.2: option lengths must fit the RDATA")
    func optionLengths() {
        let past = Raw.header(qd: 1, ar: 1) + Self.query + Raw.opt(options: Raw.u16(65001) + Raw.u16(5) + [1, 2])
        #expect(errorKind(past) == .badOPT)
        let header = Raw.header(qd: 1, ar: 1) + Self.query + Raw.opt(options: [0, 3, 0])
        #expect(errorKind(header) == .badOPT)
    }

    @Test("Known options must be well-formed, as BIND requires (RFC 7873 §5.2.2, RFC 7871 §6, RFC 7314 §2, RFC 8914 §2)")
    func malformedKnownOptions() {
        let cases: [[UInt8]] = [
            Raw.option(10, [1, 2, 3, 4]),                 // COOKIE of 4 octets
            Raw.option(10, Array(repeating: 0, count: 41)),  // COOKIE over 40
            Raw.option(9, [0, 0, 1]),                     // EXPIRE of 3
            Raw.option(15, [0]),                          // EDE without INFO-CODE
            Raw.option(15, [0, 18, 0xFF]),                // EDE text not UTF-8
            Raw.option(15, [0, 18, 0xEF, 0xBB, 0xBF]),    // EDE text with a BOM
            Raw.option(8, [0, 1, 24, 0, 192, 0]),         // ECS address shorter than /24
            Raw.option(8, [0, 1, 23, 0, 192, 0, 3]),      // ECS bits past /23
            Raw.option(8, [0, 3, 0, 0]),                  // ECS unknown family
            Raw.option(14, [1, 2, 3]),                    // KEY-TAG odd
            Raw.option(16, [1]),                          // CLIENT-TAG not 2 octets
            Raw.option(1, [0, 1]),                        // LLQ not 18 octets
        ]
        for option in cases {
            let bytes = Raw.header(qd: 1, ar: 1) + Self.query + Raw.opt(options: option)
            #expect(errorKind(bytes) == .badOPT, "\(option)")
        }
        let fine: [[UInt8]] = [
            Raw.option(10, Array(repeating: 0, count: 8)), Raw.option(10, Array(repeating: 0, count: 40)),
            Raw.option(9, []), Raw.option(9, [0, 0, 0, 1]), Raw.option(15, [0, 3]),
            Raw.option(15, [0, 18] + Array("déjà vu".utf8)), Raw.option(8, [0, 1, 24, 0, 192, 0, 2]),
            Raw.option(8, [0, 2, 0, 0]), Raw.option(8, [0, 0, 0, 0]), Raw.option(14, [1, 2]),
            Raw.option(11, [1, 2, 3]), Raw.option(12, Array(repeating: 0, count: 100)),
        ]
        for option in fine {
            let bytes = Raw.header(qd: 1, ar: 1) + Self.query + Raw.opt(options: option)
            #expect(errorKind(bytes) == nil, "\(option)")
        }
    }

    @Test("RFC 5001 NSID, RFC 7314 EXPIRE, RFC 7873 COOKIE helpers")
    func typedHelpers() throws {
        var edns = EDNS(options: [.nsid(), .expire(), .cookie([1, 2, 3, 4, 5, 6, 7, 8])])
        #expect(edns.nsid == [])
        #expect(edns.expire == .some(nil))
        edns.setOption(.nsid(Array("a".utf8)))
        edns.setOption(.expire(1_209_600))
        #expect(edns.options.map(\.code) == [.nsid, .expire, .cookie])
        #expect(edns.nsid == [UInt8(ascii: "a")])
        #expect(edns.expire == .some(1_209_600))
        #expect(EDNSOption.expire(1_209_600).data == [0x00, 0x12, 0x75, 0x00])
        #expect(EDNS().expire == nil)
        // Duplicates collapse into the first slot.
        var duplicated = EDNS(options: [EDNSOption(code: .padding), .nsid(), EDNSOption(code: .padding)])
        duplicated.setOption(EDNSOption(code: .padding, data: [0]))
        #expect(duplicated.options == [EDNSOption(code: .padding, data: [0]), .nsid()])
        #expect(EDNS(udpPayloadSize: 100).effectiveUDPPayloadSize == 512)
    }

    @Test("RFC 8914 §2: Extended DNS Error INFO-CODE and EXTRA-TEXT")
    func extendedDNSError() throws {
        let error = ExtendedDNSError(infoCode: .prohibited, extraText: "updates go to the primary")
        #expect(error.option.data == [0, 18] + Array("updates go to the primary".utf8))
        #expect(try ExtendedDNSError(option: error.option) == error)
        #expect(ExtendedDNSError.InfoCode.notAuthoritative.name == "Not Authoritative")
        #expect(ExtendedDNSError.InfoCode(999).name == nil)
        #expect(throws: WireError.self) { try ExtendedDNSError(option: EDNSOption(code: .extendedDNSError, data: [1])) }
        let message = Message(header: MessageHeader(isResponse: true, rcode: .refused),
                              edns: EDNS(options: [.extendedDNSError(error), .extendedDNSError(ExtendedDNSError(infoCode: .staleAnswer))]))
        let decoded = try Message(wire: message.encode())
        #expect(decoded.edns?.extendedDNSErrors == [error, ExtendedDNSError(infoCode: .staleAnswer)])
    }
}
