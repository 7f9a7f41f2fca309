import Testing
@testable import DNSCore

@Suite("Presentation text")
struct PresentationTests {
    @Test("TTL units as BIND reads them")
    func ttl() {
        #expect(TTLText.parse("3600") == 3600)
        #expect(TTLText.parse("1h30m") == 5400)
        let expected: UInt32 = 604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5
        #expect(TTLText.parse("1W2d3H4m5S") == expected)
        #expect(TTLText.parse("4294967295") == UInt32.max)
        #expect(TTLText.parse("4294967296") == nil)
        #expect(TTLText.parse("1h30") == nil)
        #expect(TTLText.parse("h") == nil)
        #expect(TTLText.parse("1x") == nil)
        #expect(TTLText.parse("") == nil)
    }

    @Test("IPv4 text is strict dotted quad")
    func ipv4() {
        #expect(IPv4Address("192.0.2.1")?.description == "192.0.2.1")
        for bad in ["192.0.2", "192.0.2.1.5", "256.0.0.1", "01.2.3.4", "1..2.3", "1.2.3.4 ", "a.b.c.d", ""] {
            #expect(IPv4Address(bad) == nil, "\(bad)")
        }
    }

    @Test("IPv6 text both ways, as inet_ntop prints it")
    func ipv6() {
        let cases: [(String, String)] = [
            ("2001:DB8::1", "2001:db8::1"), ("::", "::"), ("::1", "::1"),
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"), ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
            ("::ffff:192.0.2.1", "::ffff:192.0.2.1"), ("::192.0.2.1", "::192.0.2.1"),
            ("fe80::", "fe80::"), ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
        ]
        for (input, output) in cases {
            #expect(IPv6Address(input)?.description == output, "\(input)")
        }
        for bad in ["1::2::3", ":1::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "12345::", "1:", "g::", "::1.2.3", ":::"] {
            #expect(IPv6Address(bad) == nil, "\(bad)")
        }
    }

    @Test("Base64, hex and base32hex codecs")
    func encodings() {
        #expect(Base64.encodeString(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64.decode("Zm9vYg==") == Array("foob".utf8))
        #expect(Base64.decode("Zm9vYg=") == nil)
        #expect(Base64.decode("Zm9=Yg==") == nil)
        #expect(Base16.decode(Array("0aFf".utf8)) == [0x0A, 0xFF])
        #expect(Base16.decode(Array("0aF".utf8)) == nil)
        #expect(String(decoding: Base32Hex.encode(Array("foobar".utf8)), as: UTF8.self) == "CPNMUOJ1E8")
        #expect(Base32Hex.decode(Array("cpnmuoj1e8".utf8)) == Array("foobar".utf8))
    }

    @Test("Entries: parentheses join lines, comments vanish, quotes keep blanks")
    func entries() throws {
        let text = "@ IN SOA ns hostmaster ( 1 ; serial\n  3600 900\n 604800 300 )\n\n ; only a comment\n  www A 192.0.2.1\r\ntxt TXT \"a b;c\" d\\ e\n"
        let entries = try EntryScanner.entries(in: Array(text.utf8))
        #expect(entries.count == 3)
        #expect(entries[0].tokens.count == 10)
        #expect(entries[0].line == 1)
        #expect(!entries[0].leadingBlank)
        #expect(entries[1].leadingBlank)
        #expect(entries[1].line == 6)
        #expect(entries[2].tokens.map { entries[2].text(of: $0) } == ["txt", "TXT", "a b;c", "d\\ e"])
        #expect(entries[2].tokens[2].isQuoted)
        #expect(entries[2].tokens[2].column == 9)
        #expect(throws: TextError.self) { try EntryScanner.entries(in: Array("a ( b\n".utf8)) }
        #expect(throws: TextError.self) { try EntryScanner.entries(in: Array("a b )\n".utf8)) }
        #expect(throws: TextError.self) { try EntryScanner.entries(in: Array("a \"b\nc\"\n".utf8)) }
    }

    @Test("RData text round trips for the base types")
    func rdataRoundTrip() throws {
        let cases: [(RRType, String)] = [
            (.a, "192.0.2.1"), (.aaaa, "2001:db8::1"), (.ns, "ns1.example."), (.mx, "10 mail.example."),
            (.soa, "ns1.example. hostmaster.example. 2024010101 3600 900 604800 300"),
            (.txt, "\"hello world\" \"a\\\"b\" \"\\010x\" \"\""), (.srv, "0 5 5060 sip.example."),
            (.hinfo, "\"Generic PC\" \"Linux\""), (.ptr, "host.example."), (.cname, "target.example."),
            (.dname, "other.example."), (.kx, "10 kx.example."), (.afsdb, "1 afs.example."),
            (RRType(1234), "\\# 3 ABCDEF"), (RRType(4321), "\\# 0"),
        ]
        for (type, text) in cases {
            let rdata = try RData(type: type, text: text)
            #expect(rdata.text == text)
            #expect(rdata.rrType == type)
            #expect(try RData.decode(type: type, bytes: rdata.wireBytes) == rdata)
        }
        // RFC 3597 generic text for a known type becomes the typed value.
        #expect(try RData(type: .a, text: "\\# 4 C0000201") == RData(type: .a, text: "192.0.2.1"))
        #expect(throws: TextError.self) { try RData(type: .a, text: "\\# 3 C00002") }
        #expect(throws: TextError.self) { try RData(type: .a, text: "\\# 4 C000020101") }
        #expect(throws: TextError.self) { try RData(type: .a, text: "192.0.2.1 extra") }
        #expect(throws: TextError.self) { try RData(type: .mx, text: "65536 mail.") }
        #expect(throws: TextError.self) { try RData(type: RRType(1234), text: "abc") }
    }

    @Test("BIND takes a quoted string only where a character-string goes")
    func quotedTokens() {
        #expect(throws: TextError.self) { try RData(type: .mx, text: "\"10\" mail.") }
        #expect(throws: TextError.self) { try RData(type: .a, text: "\"192.0.2.1\"") }
        #expect(throws: TextError.self) { try RData(type: .ns, text: "\"ns.example.\"") }
        #expect(throws: TextError.self) { try RData(type: .ds, text: "1 5 9 \"AB\"") }
        #expect(throws: Never.self) { try RData(type: .hinfo, text: "\"a\" b") }
    }

    @Test("Code fields as BIND reads them: numbers up to 12 characters, else mnemonics")
    func codeText() {
        #expect(CodeText.parse(Array("005".utf8), max: 255) == .number(5))
        #expect(CodeText.parse(Array("256".utf8), max: 255) == .outOfRange)
        #expect(CodeText.parse(Array("0000000000005".utf8), max: 255) == .notNumber)
        #expect(CodeText.parse(Array("5x".utf8), max: 255) == .notNumber)
        #expect(CodeText.parse(Array("0x101".utf8), max: 0xFFFF, hexAllowed: true) == .number(257))
        #expect(CodeText.parse(Array("1e".utf8), max: 0xFFFF, hexAllowed: true) == .number(30))
        #expect(DNSSECMnemonics.algorithms.value(of: Array("ecdsap256sha256".utf8)) == 13)
        #expect(DNSSECMnemonics.algorithms.name(of: 8) == "RSASHA256")
        #expect(DNSSECMnemonics.keyFlags(Array("ZONE|KSK".utf8)[...]) == 257)
        #expect(DNSSECMnemonics.keyFlags(Array("NOA".utf8)[...]) == 0x8000)
        #expect(DNSSECMnemonics.keyFlags(Array("SEP".utf8)[...]) == nil)
    }

    @Test("RFC 4034 §3.2: YYYYMMDDHHmmSS dates, with leap seconds and dates before 1970")
    func signatureTimes() {
        #expect(SignatureTimeText.parseCalendar(Array("20030322173103".utf8)) == .success(1_048_354_263))
        #expect(SignatureTimeText.parseCalendar(Array("19691231235959".utf8)) == .success(-1))
        #expect(SignatureTimeText.parseCalendar(Array("20161231235960".utf8)) == .success(1_483_228_800))
        #expect(SignatureTimeText.parseCalendar(Array("20230229000000".utf8)) == .failure(.outOfRange))
        #expect(SignatureTimeText.parseCalendar(Array("2023022900000".utf8)) == .failure(.syntax))
        #expect(SignatureTimeText.parse(Array("4294967295".utf8), allowSeconds: true) == .success(UInt32.max))
        #expect(SignatureTimeText.parse(Array("4294967295".utf8), allowSeconds: false) == .failure(.syntax))
        #expect(SignatureTimeText.format(1_048_354_263) == Array("20030322173103".utf8))
        #expect(SignatureTimeText.format(-1) == Array("19691231235959".utf8))
    }
}

@Suite("RDATA length limit")
struct RDataLengthLimitTests {
    @Test("Text whose RDATA would pass 65535 octets is refused, not encoded")
    func textLimit() throws {
        let strings = String(repeating: "\"" + String(repeating: "x", count: 255) + "\" ", count: 257)
        #expect(throws: TextError.self) { try RData(type: .txt, text: strings) }
        let fits = String(repeating: "\"" + String(repeating: "x", count: 255) + "\" ", count: 255)
        #expect(try RData(type: .txt, text: fits).wireBytes.count == 255 * 256)
    }

    @Test("A received RDATA that would grow past 65535 octets when its names are written out is refused")
    func wireLimit() throws {
        // SIG with a compressed signer name pointing back at a long name, and a signature
        // that fills the rest of 65535 octets.
        var bytes: [UInt8] = []
        let longName = try DomainName(String(repeating: "a", count: 63) + "." + String(repeating: "b", count: 63) + "."
                                      + String(repeating: "c", count: 63) + "." + String(repeating: "d", count: 61) + ".", origin: nil)
        bytes += longName.wire                           // offset 0: the name a pointer can reach
        let rdataStart = bytes.count
        bytes += [0, 1, 8, 2, 0, 0, 0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]  // covered, alg, labels, ttl, times, tag
        bytes += [0xC0, 0x00]                            // signer: pointer to the long name
        bytes += [UInt8](repeating: 0x55, count: 0xFFFF - (bytes.count - rdataStart))
        var reader = WireReader(bytes: bytes, position: rdataStart)
        let error = #expect(throws: WireError.self) { try RData.decode(type: .sig, from: &reader) }
        #expect(error?.kind == .rdataLength)
        #expect(error?.reason.contains("65535") == true, "\(String(describing: error))")
        // The same RDATA with room to spare decodes.
        var small = Array(bytes[0..<(rdataStart + 20)]) + [UInt8](repeating: 0x55, count: 100)
        var smallReader = WireReader(bytes: small, position: rdataStart)
        #expect(throws: Never.self) { _ = try RData.decode(type: .sig, from: &smallReader) }
        small.removeAll()
    }
}
