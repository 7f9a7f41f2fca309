import Testing
@testable import DNSCore

@Suite("RDATA: names and strings")
struct RDataNamesAndStringsTests {
    @Test("RFC 1183 §2.2: RP example; RFC 1035 §3.3.7: MINFO")
    func rpAndMinfo() {
        RDataCheck.roundTrip(.rp, "lam1.people.umd.edu. LAM1.people.umd.edu.")
        RDataCheck.roundTrip(.rp, ". .")
        RDataCheck.roundTrip(.minfo, "@ errors", rendered: "example. errors.example.")
        RDataCheck.textRejected(.rp, "mbox")
        RDataCheck.textRejected(.minfo, "a")
        RDataCheck.textRejected(.rp, "\"a.\" b.")
    }

    @Test("RFC 3597 §4: which names are decompressed on receipt, and compressed on sending")
    func compressionPolicy() throws {
        let prefix = RDataCheck.bytes("076578616D706C6500")  // example. at offset 0
        for type in [RRType.rp, .minfo] {
            let rdata = try RDataCheck.decodeInMessage(type, prefix: prefix, rdata: RDataCheck.bytes("C000 C000"))
            #expect(rdata.text == "example. example.")
        }
        #expect(throws: Never.self) { try RDataCheck.decodeInMessage(.px, prefix: prefix, rdata: RDataCheck.bytes("000A C000 C000")) }
        #expect(throws: Never.self) {
            try RDataCheck.decodeInMessage(.naptr, prefix: prefix, rdata: RDataCheck.bytes("0001 0002 00 00 00 C000"))
        }
        #expect(throws: WireError.self) { try RDataCheck.decodeInMessage(.talink, prefix: prefix, rdata: RDataCheck.bytes("C000 00")) }
        #expect(throws: WireError.self) { try RDataCheck.decodeInMessage(.kx, prefix: prefix, rdata: RDataCheck.bytes("000A C000")) }
        #expect(throws: Never.self) { try RDataCheck.decodeInMessage(.dname, prefix: prefix, rdata: RDataCheck.bytes("C000")) }
        #expect(throws: WireError.self) { try RDataCheck.decodeInMessage(.nsapPtr, prefix: prefix, rdata: RDataCheck.bytes("C000")) }
        #expect(throws: WireError.self) {
            try RDataCheck.decodeInMessage(.ipseckey, prefix: prefix, rdata: RDataCheck.bytes("0A 03 00 C000 01"))
        }
        #expect(throws: WireError.self) {
            try RDataCheck.decodeInMessage(.hip, prefix: prefix, rdata: RDataCheck.bytes("01 02 0001 AB 01 C000"))
        }
        // Only RFC 1035 types compress on sending: MINFO does, RP does not.
        for (type, compressed) in [(RRType.minfo, true), (.rp, false)] {
            let rdata = try RData(type: type, text: "a.example. b.example.")
            var writer = WireWriter()
            writer.writeName("example.", compress: true)
            rdata.encode(to: &writer, compress: true)
            #expect((writer.count < 9 + 2 * 11) == compressed, "\(type)")
        }
    }

    @Test("RFC 1183 §3.1 and §3.2: X25 and ISDN examples")
    func x25AndISDN() {
        RDataCheck.roundTrip(.x25, "311061700956", rendered: "\"311061700956\"")
        RDataCheck.roundTrip(.isdn, "150862028003217", rendered: "\"150862028003217\"")
        RDataCheck.roundTrip(.isdn, "150862028003217 004", rendered: "\"150862028003217\" \"004\"")
        RDataCheck.textRejected(.x25, "311")
        RDataCheck.textRejected(.x25, "31106170095a")
        RDataCheck.textRejected(.isdn, "a b c")
        RDataCheck.wireRejected(.x25, "03313131")
        RDataCheck.wireRejected(.x25, "043131313A")
    }

    @Test("RFC 1706 §5 and §6: NSAP and NSAP-PTR")
    func nsap() {
        RDataCheck.roundTrip(.nsap, "0x47.0005.80.005a00.0000.0001.e133.ffffff000161.00", rendered: "0x47000580005a0000000001e133ffffff00016100")
        RDataCheck.roundTrip(.nsapPtr, "foo.example.")
        for bad in ["4700", "0x", "0x470", "0xZZ"] { RDataCheck.textRejected(.nsap, bad) }
        RDataCheck.wireRejected(.nsap, "")
    }

    @Test("RFC 2163 §4: PX example")
    func px() {
        RDataCheck.roundTrip(.px, "50 it. ADMD-garr.C-it.")
        RDataCheck.textRejected(.px, "10 a")
    }

    @Test("RFC 3403 §6.2: NAPTR examples; the regexp checked as BIND checks it")
    func naptr() {
        RDataCheck.roundTrip(.naptr, "100 10 \"\" \"\" \"!^urn:cid:.+@([^\\\\.]+\\\\.)(.*)$!\\\\2!i\" .")
        RDataCheck.roundTrip(.naptr, "100 50 \"a\" \"z3950+N2L+N2C\" \"\" cidserver.example.com.")
        RDataCheck.roundTrip(.naptr, "100 10 U E2U+sip \"!^.*$!sip:x@y!\" foo", rendered: "100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:x@y!\" foo.example.")
        RDataCheck.roundTrip(.naptr, "1 2 a b \"!(a)(b)[[:alpha:]]{1,3}|x!\\\\2\\\\1!i\" .", rendered: "1 2 \"a\" \"b\" \"!(a)(b)[[:alpha:]]{1,3}|x!\\\\2\\\\1!i\" .")
        for bad in ["x", "!a!b", "!a!b!c", "!a!b!I", "!a!\\\\1!", "1a1b1", "\\\\a\\\\b\\\\", "!a(!b!", "!a**!b!", "![[:foo:]]!b!",
                    "![b-a]!x!", "!a{2,1}!x!", "!\\\\2(a)(b)!x!", "!!x!"] {
            RDataCheck.textRejected(.naptr, "100 10 \"\" \"\" \"\(bad)\" .")
        }
        RDataCheck.textRejected(.naptr, "100 10 S SIP+D2U \"\" \"x.\"")
        RDataCheck.wireRejected(.naptr, "0064 000A 00 00 01 78 00")
    }

    @Test("The NAPTR regexp check follows isc_regex_validate")
    func regexValidator() {
        #expect(NAPTRRegexp.subexpressionCount(Array("(a)(b(c))".utf8)) == 3)
        #expect(NAPTRRegexp.subexpressionCount(Array("[]a]".utf8)) == 0)
        #expect(NAPTRRegexp.subexpressionCount(Array("[^]a-z[.-.][=e=]]+".utf8)) == 0)
        #expect(NAPTRRegexp.subexpressionCount(Array("a{1}{2}".utf8)) == nil)
        #expect(NAPTRRegexp.subexpressionCount(Array("()".utf8)) == 1)
        #expect(NAPTRRegexp.subexpressionCount(Array("a|".utf8)) == nil)
        #expect(NAPTRRegexp.subexpressionCount(Array("[[:digit:]".utf8)) == nil)
        #expect(NAPTRRegexp.subexpressionCount(Array("".utf8)) == nil)
    }

    @Test("RFC 7553 §4.5: URI example; the target must be quoted and may pass 255 octets")
    func uri() {
        RDataCheck.roundTrip(.uri, "10 1 \"ftp://ftp1.example.com/public\"")
        RDataCheck.roundTrip(.uri, "10 1 \"\(String(repeating: "a", count: 300))\"")
        RDataCheck.textRejected(.uri, "10 1 ftp://ftp1.example.com/public")
        RDataCheck.textRejected(.uri, "10 1 \"a\" \"b\"")
        RDataCheck.textRejected(.uri, "1 1")
    }

    @Test("RFC 8659 §4.1: CAA examples, tag rules, value of any length")
    func caa() {
        RDataCheck.roundTrip(.caa, "0 issue \"ca.example.net\"")
        RDataCheck.roundTrip(.caa, "0 issuewild \";\"")
        RDataCheck.roundTrip(.caa, "128 tbs \"Unknown\"")
        RDataCheck.roundTrip(.caa, "0 iodef \"mailto:security@example.com\"")
        RDataCheck.roundTrip(.caa, "0 Issue ca.example;comment", rendered: "0 Issue \"ca.example\"")
        RDataCheck.roundTrip(.caa, "0 issue \(String(repeating: "v", count: 300))", rendered: "0 issue \"\(String(repeating: "v", count: 300))\"")
        for bad in ["0 issue", "0 is-sue \"x\"", "0 is_sue \"x\"", "256 issue \"x\"", "0 issue \"a\" \"b\"", "0 is\\115ue \"x\"",
                    "0 \"issue\" \"x\"", "0 \(String(repeating: "a", count: 256)) \"x\""] {
            RDataCheck.textRejected(.caa, bad)
        }
        RDataCheck.wireRejected(.caa, "00 00")
        RDataCheck.wireRejected(.caa, "00 01 2D 62")
    }

    @Test("TXT-like WALLET; opaque NULL, UNSPEC, UINFO, UID, GID only in RFC 3597 form")
    func stringsAndOpaque() {
        RDataCheck.roundTrip(.wallet, "bitcoin 1BoatSLRHtKNngkdXEeobR76b53LETtpyT", rendered: "\"bitcoin\" \"1BoatSLRHtKNngkdXEeobR76b53LETtpyT\"")
        RDataCheck.textRejected(.wallet, "")
        for type in [RRType.null, .unspec, .uinfo, .uid, .gid] {
            RDataCheck.roundTrip(type, "\\# 3 ABCDEF")
            RDataCheck.roundTrip(type, "\\# 0")
            RDataCheck.textRejected(type, "abc")
            RDataCheck.textRejected(type, "\"abc\"")
        }
    }

    @Test("RFC 1035 §3.4.2: WKS with a built-in table of protocol and service names")
    func wks() throws {
        RDataCheck.roundTrip(.wks, "192.0.2.1 TCP smtp ftp", rendered: "192.0.2.1 6 21 25")
        RDataCheck.roundTrip(.wks, "192.0.2.2 udp DOMAIN ntp", rendered: "192.0.2.2 17 53 123")
        RDataCheck.roundTrip(.wks, "192.0.2.4 tcp 0 65535 +8 025", rendered: "192.0.2.4 6 0 8 25 65535")
        let rdata = try #require(RDataCheck.roundTrip(.wks, "192.0.2.3 tcp", rendered: "192.0.2.3 6"))
        #expect(RDataCheck.wireHex(rdata) == "C000020306")
        for bad in ["192.0.2.1 Tcp smtp", "192.0.2.1 tcp 65536", "1.2.3 6 25", "192.0.2.1 udp smtp", "192.0.2.1 256",
                    "192.0.2.1 tcp nonexistentservice", "192.0.2.1 tcp -1", "192.0.2.1 tcp 0x19"] {
            RDataCheck.textRejected(.wks, bad)
        }
        RDataCheck.wireRejected(.wks, "C0000201 06 00")
        RDataCheck.wireRejected(.wks, "C0000201")
    }

    @Test("RFC 4025 §3.3: IPSECKEY examples for each gateway type")
    func ipseckey() {
        let key = "AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ=="
        RDataCheck.roundTrip(.ipseckey, "10 1 2 192.0.2.38 \(key)")
        RDataCheck.roundTrip(.ipseckey, "10 0 2 . \(key)")
        RDataCheck.roundTrip(.ipseckey, "10 3 2 mygateway.example.com. \(key)")
        RDataCheck.roundTrip(.ipseckey, "10 2 2 2001:0DB8:0:8002::2000:1 \(key)", rendered: "10 2 2 2001:db8:0:8002::2000:1 \(key)")
        for bad in ["10 0 0 .", "10 0 0 foo", "10 0 0 @", "10 4 0 gw AQ==", "10 1 0 1.2.3 AQ==", "10 0 2 . AQ="] {
            RDataCheck.textRejected(.ipseckey, bad)
        }
        RDataCheck.wireRejected(.ipseckey, "0A 00 00")
        RDataCheck.wireRejected(.ipseckey, "0A 04 00 AA")
        RDataCheck.wireRejected(.ipseckey, "0A 01 00 C0000201")
    }

    @Test("RFC 8777 §4.3 and §5: AMTRELAY examples; unknown relay types in RFC 3597 form")
    func amtrelay() throws {
        RDataCheck.roundTrip(.amtrelay, "10 0 1 203.0.113.15")
        RDataCheck.roundTrip(.amtrelay, "10 0 2 2600:1f16:17c:3950:47ac:cb79:62ba:702e")
        RDataCheck.roundTrip(.amtrelay, "128 1 3 amtrelays.example.com.")
        RDataCheck.roundTrip(.amtrelay, "0 0 0 .")
        RDataCheck.roundTrip(.amtrelay, "\\# 3 00 04 AA", rendered: "\\# 3 0004AA")
        #expect(try RData(type: .amtrelay, text: "1 1 3 relay.example.").targetName == "relay.example.")
        for bad in ["0 0 0", "0 0 0 foo", "0 2 1 1.2.3.4", "0 1 4", "0 1 4 AA", "0 1 128"] {
            RDataCheck.textRejected(.amtrelay, bad)
        }
        RDataCheck.wireRejected(.amtrelay, "00 01")
        RDataCheck.wireRejected(.amtrelay, "00 01 0102030405")
        RDataCheck.wireRejected(.amtrelay, "00 00 00")
    }

    @Test("RFC 8005 §5: HIP example, tag and key each in one word")
    func hip() {
        let key = "AwEAAbdxyhNuSutc5EMzxTs9LBPCIkOFH8cIvM4p9+LrV4e19WzK00+CI6zBCQTdtWsuxKbWIy87UOoJTwkUs7lBu+Upr1gsNrut79ryra+bSRGQb1slImA8YVJyuIDsj7kwzG7jnERNqnWxZ48AWkskmdHaVDP4BcelrTI3rMXdXF5D"
        RDataCheck.roundTrip(.hip, "2 200100107B1A74DF365639CC39F1D578 \(key)")
        RDataCheck.roundTrip(.hip, "2 200100107B1A74DF365639CC39F1D578 \(key) rvs1.example.com. rvs2.example.com.")
        for bad in ["2 - AQ==", "2 AB -", "2 AB", "256 AB AQ==", "RSA AB AQ=="] { RDataCheck.textRejected(.hip, bad) }
        RDataCheck.wireRejected(.hip, "01 02 0000 AB")
        RDataCheck.wireRejected(.hip, "00 02 0001 01")
    }

    @Test("TALINK and DSYNC; DSYNC's scheme 1 is NOTIFY")
    func talinkAndDSYNC() throws {
        RDataCheck.roundTrip(.talink, "a.example. b.example.")
        RDataCheck.textRejected(.talink, "a")
        RDataCheck.roundTrip(DSYNC.rrType, "CDS 1 5359 ns.example.", rendered: "CDS NOTIFY 5359 ns.example.")
        RDataCheck.roundTrip(DSYNC.rrType, "TYPE59 notify 5359 ns", rendered: "CDS NOTIFY 5359 ns.example.")
        RDataCheck.roundTrip(DSYNC.rrType, "A 2 1 .")
        RDataCheck.textRejected(DSYNC.rrType, "CDS 256 1 .")
        RDataCheck.textRejected(DSYNC.rrType, "CDS 1 65536 .")
    }
}
