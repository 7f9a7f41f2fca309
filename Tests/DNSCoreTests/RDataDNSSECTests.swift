import Testing
@testable import DNSCore

@Suite("RDATA: DNSSEC types")
struct RDataDNSSECTests {
    static let rfc4034Key = "AQPSKmynfzW4kyBv015MUG2DeIQ3Cbl+BBZH4b/0PY1kxkmvHjcZc8nokfzj31GajIQKY+5CptLr3buXA10hWqTkF7H6RfoRqXQeogmMHfpftf6zMv1LyBUgia7za6ZEzOJBOztyvhjL742iU/TpPSEDhm2SNKLijfUppn1UaNvv4w=="
    static let rfc4034Signature = "oJB1W6WNGv+ldvQ3WDG0MQkg5IEhjRip8WTrPYGv07h108dUKGMeDPKijVCHX3DDKdfb+v6oB9wfuh3DTJXUAfI/M0zmO/zz8bW0Rznl8O3tGNazPwQKkRN20XPXV6nwwfoXmJQbsLNrLfkGJ5D6fwFm8nN+6pBzeDQfsS3Ap3o="

    /// BIND's 56-character words.
    static func chunked(_ text: String) -> String {
        var words: [Substring] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            words.append(rest.prefix(56))
            rest = rest.dropFirst(56)
        }
        return words.joined(separator: " ")
    }

    @Test("RFC 4034 §2.3: DNSKEY example, key in 56-character words")
    func dnskeyExample() throws {
        let text = "256 3 5 ( AQPSKmynfzW4kyBv015MUG2DeIQ3 Cbl+BBZH4b/0PY1kxkmvHjcZc8no kfzj31GajIQKY+5CptLr3buXA10h WqTkF7H6RfoRqXQeogmMHfpftf6z Mv1LyBUgia7za6ZEzOJBOztyvhjL 742iU/TpPSEDhm2SNKLijfUppn1U aNvv4w== )"
        let rdata = try #require(RDataCheck.roundTrip(.dnskey, text, rendered: "256 3 5 \(Self.chunked(Self.rfc4034Key))"))
        guard case .dnskey(let key) = rdata else { Issue.record("not a DNSKEY"); return }
        #expect(key.flags == 256 && key.protocolNumber == 3 && key.algorithm == 5)
        #expect(key.publicKey == Base64.decode(Self.rfc4034Key))
    }

    @Test("RFC 4034 §2.2 and BIND: flags as names, protocol and algorithm mnemonics")
    func keyMnemonics() {
        RDataCheck.roundTrip(.dnskey, "ZONE|KSK DNSSEC RSASHA256 AQ==", rendered: "257 3 8 AQ==")
        RDataCheck.roundTrip(.dnskey, "0x101 3 ecdsap256sha256 AQ==", rendered: "257 3 13 AQ==")
        // A part of a flag name is the first name it begins: Z is ZONE, an empty part NOCONF.
        RDataCheck.roundTrip(.key, "Z|k 3 8 AQ==", rendered: "257 3 8 AQ==")
        RDataCheck.roundTrip(.key, "|ZONE EMAIL 8 AQ==", rendered: "16640 2 8 AQ==")
        RDataCheck.roundTrip(.key, "FLAG2|SIG15 ALL PRIVATEOID AQ==", rendered: "8207 255 254 AQ==")
        RDataCheck.roundTrip(.dnskey, "1e 3 8 AQ==", rendered: "30 3 8 AQ==")
        RDataCheck.textRejected(.dnskey, "ZONE|SEP 3 8 AQ==")
        RDataCheck.textRejected(.dnskey, "65536 3 8 AQ==")
        RDataCheck.textRejected(.dnskey, "0000000000256 3 8 AQ==")
        RDataCheck.textRejected(.dnskey, "256 D 8 AQ==")
        RDataCheck.textRejected(.dnskey, "256 3 RSASHA1-NSEC3-SHA1 AQ==")
        RDataCheck.textRejected(.dnskey, "256 3 8 \"AQ==\"")
    }

    @Test("RFC 2535 §3.1.2: a KEY with flags 0xC000 has no key; DNSKEY, CDNSKEY and RKEY always do")
    func noKey() {
        RDataCheck.roundTrip(.key, "NOKEY 3 8", rendered: "49152 3 8")
        RDataCheck.roundTrip(.key, "0xC000 DNSSEC RSAMD5", rendered: "49152 3 1")
        RDataCheck.textRejected(.key, "NOKEY 3 8 AQ==")
        RDataCheck.textRejected(.key, "0x4000 3 8")
        RDataCheck.textRejected(.dnskey, "49152 3 8")
        RDataCheck.textRejected(.cdnskey, "49152 3 8")
        RDataCheck.wireRejected(.dnskey, "C0000308")
        RDataCheck.wireRejected(.key, "00000308")
        RDataCheck.wireRejected(.key, "C0000308 AA")
        #expect(throws: Never.self) { try RData.decode(type: .key, bytes: RDataCheck.bytes("C0000308")) }
    }

    @Test("RFC 4034 Appendix A.1.1: a PRIVATEDNS key starts with a name, checked on the wire")
    func privateDNS() {
        #expect(throws: Never.self) { try RData.decode(type: .dnskey, bytes: RDataCheck.bytes("010003FD 00")) }
        #expect(throws: Never.self) { try RData.decode(type: .dnskey, bytes: RDataCheck.bytes("010003FD 014100")) }
        RDataCheck.wireRejected(.dnskey, "010003FD 0141C004")
    }

    @Test("RKEY flags must be 0 (BIND)")
    func rkey() {
        RDataCheck.roundTrip(.rkey, "0 3 8 AA==")
        RDataCheck.roundTrip(.rkey, "0 0 RSASHA256 AA==", rendered: "0 0 8 AA==")
        RDataCheck.textRejected(.rkey, "256 3 8 AA==")
        RDataCheck.wireRejected(.rkey, "0001 0000 00")
    }

    @Test("RFC 7344 §4 and RFC 8078 §4: CDS and CDNSKEY deletion records")
    func deletion() {
        RDataCheck.roundTrip(.cds, "0 0 0 00")
        RDataCheck.roundTrip(.cdnskey, "0 3 0 AA==")
    }

    @Test("RFC 4034 §5.4: DS example, digest in one word")
    func dsExample() throws {
        let rdata = try #require(RDataCheck.roundTrip(.ds, "60485 5 1 ( 2BB183AF5F22588179A53B0A 98631FAD1A292118 )",
                                                      rendered: "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"))
        #expect(RDataCheck.wireHex(rdata) == "EC4505012BB183AF5F22588179A53B0A98631FAD1A292118")
    }

    @Test("RFC 4509 §5.1, RFC 6605 §6: digest types by name, and their lengths checked")
    func digestTypes() {
        let sha256 = String(repeating: "AB", count: 32)
        RDataCheck.roundTrip(.ds, "1 RSASHA1 SHA-1 \(String(repeating: "CD", count: 20))", rendered: "1 5 1 \(String(repeating: "CD", count: 20))")
        RDataCheck.roundTrip(.ds, "2 13 SHA-256 \(sha256)", rendered: "2 13 2 \(Self.chunked(sha256))")
        RDataCheck.roundTrip(.ta, "3 15 SHA384 \(String(repeating: "EF", count: 48))",
                             rendered: "3 15 4 \(Self.chunked(String(repeating: "EF", count: 48)))")
        RDataCheck.roundTrip(.dlv, "4 8 GOST AB", rendered: "4 8 3 AB")
        RDataCheck.roundTrip(.ds, "5 8 9 2bb183 af5f2 2", rendered: "5 8 9 2BB183AF5F22")
        RDataCheck.textRejected(.ds, "1 5 1 ABCD")
        RDataCheck.textRejected(.ds, "1 5 2 \(String(repeating: "AB", count: 20))")
        RDataCheck.textRejected(.ds, "1 5 9 -")
        RDataCheck.textRejected(.ds, "1 5 9")
        RDataCheck.textRejected(.ds, "1 5 9 ABC")
        RDataCheck.textRejected(.ds, "65536 5 9 AB")
        RDataCheck.wireRejected(.ds, "0001 05 01")
        RDataCheck.wireRejected(.ds, "0001 05 01 AABB")
        RDataCheck.wireRejected(.ds, "0001 05 02 \(String(repeating: "AB", count: 20))")
    }

    @Test("RFC 4034 §3.3: RRSIG example")
    func rrsigExample() throws {
        let text = "A 5 3 86400 20030322173103 ( 20030220173103 2642 example.com. oJB1W6WNGv+ldvQ3WDG0MQkg5IEhjRip8WTr PYGv07h108dUKGMeDPKijVCHX3DDKdfb+v6o B9wfuh3DTJXUAfI/M0zmO/zz8bW0Rznl8O3t GNazPwQKkRN20XPXV6nwwfoXmJQbsLNrLfkG J5D6fwFm8nN+6pBzeDQfsS3Ap3o= )"
        let rdata = try #require(RDataCheck.roundTrip(.rrsig, text, rendered: "A 5 3 86400 20030322173103 20030220173103 2642 example.com. \(Self.chunked(Self.rfc4034Signature))"))
        guard case .rrsig(let sig) = rdata else { Issue.record("not an RRSIG"); return }
        #expect(sig.expiration == 1_048_354_263)
        #expect(sig.inception == 1_045_762_263)
        #expect(sig.signerName == "example.com.")
    }

    @Test("RFC 4034 §3.2: signature times as dates or seconds, reduced modulo 2^32")
    func signatureTimes() {
        RDataCheck.roundTrip(.rrsig, "SOA RSASHA256 1 86400 1704067200 0123 1 @ AQ==",
                             rendered: "SOA 8 1 86400 20240101000000 19700101000203 1 example. AQ==")
        // A leap second, and 29 February.
        RDataCheck.roundTrip(.rrsig, "A 8 2 3600 20241231235960 20240229000000 1 . AQ==",
                             rendered: "A 8 2 3600 20250101000000 20240229000000 1 . AQ==")
        RDataCheck.roundTrip(.rrsig, "A 8 2 3600 21060207062816 4294967295 1 . AQ==",
                             rendered: "A 8 2 3600 19700101000000 21060207062815 1 . AQ==")
        for bad in ["20240230000000", "20241301000000", "20241231240000", "20241231236000", "2024123123596",
                    "202412312359600", "+123", "1h", "4294967296", "00000000000000"] {
            RDataCheck.textRejected(.rrsig, "A 8 2 3600 \(bad) 0 1 . AQ==")
        }
        // SIG takes only dates.
        RDataCheck.roundTrip(.sig, "ANY RSASHA1 0 0 19700101000000 21060207062815 65535 sig0.example. AQ==",
                             rendered: "ANY 5 0 0 19700101000000 21060207062815 65535 sig0.example. AQ==")
        RDataCheck.textRejected(.sig, "A 8 2 3600 1704067200 20230101000000 1 . AQ==")
    }

    @Test("BIND shows signature times nearest its clock (serial arithmetic, RFC 1982)")
    func timeReference() throws {
        let rdata = try RData(type: .rrsig, text: "A 8 2 3600 4294967295 99991231235959 1 . AQ==")
        var writer = RDataTextWriter(timeReference: 1_763_000_000)  // November 2025
        rdata.writeText(to: &writer)
        #expect(writer.text == "A 8 2 3600 19691231235959 19691223021215 1 . AQ==")
        #expect(SignatureTimeText.format(SignatureTimeText.instant(of: 0, reference: 1_763_000_000)) == Array("19700101000000".utf8))
        #expect(SignatureTimeText.format(SignatureTimeText.instant(of: 3_900_000_000, reference: 1_763_000_000)) == Array("20930801212000".utf8))
        #expect(SignatureTimeText.format(SignatureTimeText.instant(of: 3_911_000_000, reference: 1_763_000_000)) == Array("19571031222504".utf8))
    }

    @Test("RFC 4034 §3.1: RRSIG and SIG need a signature; only SIG's signer may be compressed (RFC 3597 §4)")
    func signatureWire() throws {
        RDataCheck.textRejected(.rrsig, "A 8 2 3600 0 0 1 .")
        RDataCheck.wireRejected(.rrsig, "0001 08 02 00000E10 65920080 63B0CD00 3039 00")
        RDataCheck.wireRejected(.sig, "0001 08 02 00000E10 65920080 63B0CD00 3039 00")
        let prefix = RDataCheck.bytes("07 6578616D706C65 00")
        let body = RDataCheck.bytes("0001 08 02 00000E10 65920080 63B0CD00 3039 C000 AA")
        #expect(throws: WireError.self) { try RDataCheck.decodeInMessage(.rrsig, prefix: prefix, rdata: body) }
        let sig = try RDataCheck.decodeInMessage(.sig, prefix: prefix, rdata: body)
        guard case .sig(let value) = sig else { Issue.record("not a SIG"); return }
        #expect(value.signerName == "example.")
    }

    @Test("RFC 4034 §4.3: NSEC example, text and wire")
    func nsecExample() throws {
        let rdata = try #require(RDataCheck.roundTrip(.nsec, "host.example.com. ( A MX RRSIG NSEC TYPE1234 )",
                                                      rendered: "host.example.com. A MX RRSIG NSEC TYPE1234"))
        let expected = "04686F7374076578616D706C6503636F6D00" + "0006400100000003" + "041B" + String(repeating: "00", count: 26) + "20"
        #expect(RDataCheck.wireHex(rdata) == expected)
        #expect(try RData.decode(type: .nsec, bytes: RDataCheck.bytes(expected)) == rdata)
    }

    @Test("RFC 4034 §4.1.2: type bitmaps as strict as BIND")
    func typeBitmaps() {
        RDataCheck.roundTrip(.nsec, "a. a mx A TYPE65535 TYPE0", rendered: "a. TYPE0 A MX TYPE65535")
        RDataCheck.textRejected(.nsec, "host.example.")
        RDataCheck.textRejected(.nsec, "a. 1")
        RDataCheck.textRejected(.nsec, "a. \"A\"")
        RDataCheck.wireRejected(.nsec, "00")                      // empty bitmap
        RDataCheck.wireRejected(.nsec, "00 0000")                 // empty window
        RDataCheck.wireRejected(.nsec, "00 000100")               // trailing zero octet
        RDataCheck.wireRejected(.nsec, "00 010140 000140")        // windows out of order
        RDataCheck.wireRejected(.nsec, "00 000140 000140")        // repeated window
        RDataCheck.wireRejected(.nsec, "00 0021 40\(String(repeating: "00", count: 31))01") // length 33
        RDataCheck.wireRejected(.nsec, "00 0002 40")              // truncated
        RDataCheck.wireRejected(.nsec, "C000 000140")             // compressed next name
        RDataCheck.roundTrip(.csync, "66 3")
        RDataCheck.roundTrip(.csync, "66 3 A NS AAAA")
        RDataCheck.wireRejected(.csync, "00000042 0003 00")
    }

    @Test("RFC 5155 Appendix A: NSEC3 and NSEC3PARAM examples")
    func nsec3Example() throws {
        let rdata = try #require(RDataCheck.roundTrip(.nsec3, "1 1 12 aabbccdd ( 2t7b4g4vsa5smi47k61mv5bv1a22bojr MX DNSKEY NS SOA NSEC3PARAM RRSIG )",
                                                      rendered: "1 1 12 AABBCCDD 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR NS SOA MX RRSIG DNSKEY NSEC3PARAM"))
        guard case .nsec3(let nsec3) = rdata else { Issue.record("not NSEC3"); return }
        #expect(nsec3.flags & 1 == 1)
        #expect(nsec3.nextHashedOwner.count == 20)
        RDataCheck.roundTrip(.nsec3param, "1 0 12 aabbccdd", rendered: "1 0 12 AABBCCDD")
        RDataCheck.roundTrip(.nsec3param, "SHA-1 0 0 -", rendered: "1 0 0 -")
    }

    @Test("RFC 5155 §3.3: salt `-`, hash in base32hex; SHA-1 hashes are 20 octets")
    func nsec3Fields() {
        RDataCheck.roundTrip(.nsec3, "2 255 65535 - 2g", rendered: "2 255 65535 - 2G")
        RDataCheck.roundTrip(.nsec3, "0 0 0 00 2vptu5ti", rendered: "0 0 0 00 2VPTU5TI")
        RDataCheck.textRejected(.nsec3, "1 1 12 aa 2vptu5ti")
        RDataCheck.textRejected(.nsec3, "2 1 12 aa 2v")
        RDataCheck.textRejected(.nsec3, "2 1 12 aa -")
        RDataCheck.textRejected(.nsec3, "2 1 12 aabbccd 2g")
        RDataCheck.textRejected(.nsec3, "SHA1 1 12 aa 2g")
        RDataCheck.textRejected(.nsec3, "2 OPTOUT 12 aa 2g")
        RDataCheck.textRejected(.nsec3param, "1 0 12")
        RDataCheck.textRejected(.nsec3param, "1 0 0 0")
        RDataCheck.wireRejected(.nsec3, "02 00 000C 00 00")
        RDataCheck.wireRejected(.nsec3, "01 00 000C 00 01 00")
        #expect(throws: Never.self) { try RData.decode(type: .nsec3, bytes: RDataCheck.bytes("02 00 000C 00 01 00")) }
        RDataCheck.wireRejected(.nsec3param, "01 00 000C 01")
    }

    @Test("RFC 2535 §5.2: NXT bitmap of types 1 to 127; names decompressed (RFC 3597 §4)")
    func nxt() throws {
        RDataCheck.roundTrip(.nxt, "medium.foo.tld. A MX SIG NXT")
        RDataCheck.roundTrip(.nxt, "b 1 127 +2", rendered: "b.example. A NS 127")
        RDataCheck.roundTrip(.nxt, "b.example.")
        RDataCheck.textRejected(.nxt, "b. TYPE128")
        RDataCheck.textRejected(.nxt, "b. 0")
        RDataCheck.wireRejected(.nxt, "00 80")
        RDataCheck.wireRejected(.nxt, "00 00")
        RDataCheck.wireRejected(.nxt, "00 40" + String(repeating: "00", count: 15) + "01")
        let prefix = RDataCheck.bytes("01 62 00")
        #expect(throws: Never.self) { try RDataCheck.decodeInMessage(.nxt, prefix: prefix, rdata: RDataCheck.bytes("C000 40")) }
    }
}
