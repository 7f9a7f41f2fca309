import Testing
@testable import DNSCore

@Suite("RDATA: SVCB and HTTPS")
struct RDataServiceBindingTests {
    /// RFC 9460 Appendix D: presentation form, BIND's rendering, and wire form.
    static let vectors: [(RRType, String, String, String)] = [
        (.https, "0 foo.example.com.", "0 foo.example.com.", "0000 03666F6F076578616D706C6503636F6D00"),
        (.svcb, "1 .", "1 .", "0001 00"),
        (.svcb, "16 foo.example.com. port=53", "16 foo.example.com. port=53", "0010 03666F6F076578616D706C6503636F6D00 0003 0002 0035"),
        (.svcb, "1 foo.example.com. key667=hello", "1 foo.example.com. key667=\"hello\"",
         "0001 03666F6F076578616D706C6503636F6D00 029B 0005 68656C6C6F"),
        (.svcb, "1 foo.example.com. key667=\"hello\\210qoo\"", "1 foo.example.com. key667=\"hello\\210qoo\"",
         "0001 03666F6F076578616D706C6503636F6D00 029B 0009 68656C6C6FD2716F6F"),
        (.svcb, "1 foo.example.com. ipv6hint=\"2001:db8::1,2001:db8::53:1\"", "1 foo.example.com. ipv6hint=2001:db8::1,2001:db8::53:1",
         "0001 03666F6F076578616D706C6503636F6D00 0006 0020 20010DB8000000000000000000000001 20010DB8000000000000000000530001"),
        (.svcb, "1 example.com. ipv6hint=\"2001:db8:122:344::192.0.2.33\"", "1 example.com. ipv6hint=2001:db8:122:344::c000:221",
         "0001 076578616D706C6503636F6D00 0006 0010 20010DB80122034400000000C0000221"),
        (.svcb, "16 foo.example.org. (alpn=h2,h3-19 mandatory=ipv4hint,alpn ipv4hint=192.0.2.1)",
         "16 foo.example.org. mandatory=alpn,ipv4hint alpn=\"h2,h3-19\" ipv4hint=192.0.2.1",
         "0010 03666F6F076578616D706C65036F726700 0000 0004 00010004 0001 0009 026832 0568332D3139 0004 0004 C0000201"),
        (.svcb, "16 foo.example.org. alpn=\"f\\\\\\\\oo\\\\,bar,h2\"", "16 foo.example.org. alpn=\"f\\\\\\\\oo\\\\,bar,h2\"",
         "0010 03666F6F076578616D706C65036F726700 0001 000C 08665C6F6F2C626172 026832"),
        (.svcb, "16 foo.example.org. alpn=f\\\\\\092oo\\092,bar,h2", "16 foo.example.org. alpn=\"f\\\\\\\\oo\\\\,bar,h2\"",
         "0010 03666F6F076578616D706C65036F726700 0001 000C 08665C6F6F2C626172 026832"),
    ]

    @Test("RFC 9460 Appendix D.1 and D.2: test vectors, text and wire")
    func appendixD() throws {
        for (type, text, rendered, wire) in Self.vectors {
            let rdata = try #require(RDataCheck.roundTrip(type, text, rendered: rendered, origin: nil), "\(text)")
            #expect(RDataCheck.wireHex(rdata) == wire.replacingOccurrences(of: " ", with: ""), "\(text)")
            #expect(try RData.decode(type: type, bytes: RDataCheck.bytes(wire)) == rdata, "\(text)")
        }
    }

    @Test("RFC 9460 Appendix D.3: failure cases")
    func appendixD3() {
        for bad in ["1 foo.example.com. ( key123=abc key123=def )", "1 foo.example.com. mandatory", "1 foo.example.com. alpn",
                    "1 foo.example.com. port", "1 foo.example.com. ipv4hint", "1 foo.example.com. ipv6hint",
                    "1 foo.example.com. no-default-alpn=abc", "1 foo.example.com. mandatory=key123",
                    "1 foo.example.com. mandatory=mandatory", "1 foo.example.com. ( mandatory=key123,key123 key123=abc )"] {
            RDataCheck.textRejected(.svcb, bad)
        }
    }

    @Test("RFC 9460 §2.1: keys by name or keyNNNNN, values checked against the key's format (BIND)")
    func keys() {
        RDataCheck.roundTrip(.https, "1 . key1=\\002h2 Port=\\000\\080 key2", rendered: "1 . alpn=\"h2\" no-default-alpn port=80")
        RDataCheck.roundTrip(.https, "1 . mandatory=port,ALPN port=1 alpn=h3", rendered: "1 . mandatory=alpn,port alpn=\"h3\" port=1")
        RDataCheck.roundTrip(.https, "1 . key9= ech= key65535", rendered: "1 . ech key9 key65535")
        RDataCheck.roundTrip(.https, "1 . port=053 ech=\"AA AA\"", rendered: "1 . port=53 ech=AAAA")
        // dohpath (RFC 9461) is read by name and written as key7, as BIND 9.18 does.
        RDataCheck.roundTrip(.https, "1 . dohpath=/q{?dns} alpn=h2", rendered: "1 . alpn=\"h2\" key7=\"/q{?dns}\"")
        // Alias form keeps its params in BIND 9.18.
        RDataCheck.roundTrip(.https, "0 example.com. port=5")
        for bad in ["1 . ALPN=h2", "1 . key66000", "1 . key-1", "1 . key01", "1 . keyabc", "1 . foo=bar", "1 . key1", "1 . key3",
                    "1 . key0", "1 . port=", "1 . port=65536", "1 . port=+5", "1 . port=0x10", "1 . ipv4hint=192.0.2.1,",
                    "1 . ipv4hint=01.2.3.4", "1 . ipv4hint=1.2.3", "1 . ech=AA==AA==", "1 . key2=x alpn=h2", "1 . dohpath=/dns",
                    "1 . key7=\"/{?dns}\\255\"", "1 . key7=x", "1 . no-default-alpn", "1 . mandatory=port",
                    "1 . mandatory=port, port=443", "1 . mandatory=key03 port=443", "65536 foo"] {
            RDataCheck.textRejected(.https, bad)
        }
    }

    @Test("RFC 9460 Appendix A.1: alpn lists, with the two levels of escapes")
    func alpn() {
        RDataCheck.roundTrip(.https, "1 . alpn=h2,h3", rendered: "1 . alpn=\"h2,h3\"")
        RDataCheck.roundTrip(.https, "1 . alpn=\"h2\\,x\"", rendered: "1 . alpn=\"h2,x\"")
        RDataCheck.roundTrip(.https, "1 . alpn=h2\\\\,x", rendered: "1 . alpn=\"h2\\\\,x\"")
        RDataCheck.roundTrip(.https, "1 . alpn=\"a b\"", rendered: "1 . alpn=\"a\\032b\"")
        RDataCheck.roundTrip(.https, "1 . alpn=\\\"h2\\\"", rendered: "1 . alpn=\"\\\"h2\\\"\"")
        RDataCheck.roundTrip(.https, "1 . alpn=a,\\\\,,b", rendered: "1 . alpn=\"a,\\\\,,b\"")
        for bad in ["1 . alpn=", "1 . alpn=\"\"", "1 . alpn=h2,,h3", "1 . alpn=h2,", "1 . alpn=,h2", "1 . alpn=\\,h2",
                    "1 . alpn=a\\\\", "1 . alpn=\\044\\044", "1 . alpn=\\09", "1 . alpn=h2 alpn=h3"] {
            RDataCheck.textRejected(.https, bad)
        }
    }

    @Test("`key=\"value\"` is one param; a quoted string on its own is not")
    func quoting() {
        RDataCheck.roundTrip(.https, "1 . key123=\"a\\\"b\\\\c\\059d e\"", rendered: "1 . key123=\"a\\\"b\\\\c;d e\"")
        RDataCheck.textRejected(.https, "1 . alpn= \"h2\"")
        RDataCheck.textRejected(.https, "1 . \"alpn=h2\"")
        RDataCheck.textRejected(.https, "1 . alpn=h2\"x\"")
        RDataCheck.textRejected(.https, "1 . \"port\"")
        RDataCheck.textRejected(.https, "1 . port=\"80\"port=1")
    }

    @Test("RFC 9460 §8: mandatory keys must be present; no-default-alpn needs alpn")
    func mandatory() {
        RDataCheck.roundTrip(.https, "1 . alpn=h2 mandatory=alpn,key9 key9", rendered: "1 . mandatory=alpn,key9 alpn=\"h2\" key9")
        // BIND checks no-default-alpn against alpn only when it is not the last
        // mandatory key; kept so the same text is accepted.
        #expect(throws: Never.self) { try RData(type: .https, text: "1 . mandatory=no-default-alpn no-default-alpn") }
        RDataCheck.textRejected(.https, "1 . alpn=h2 mandatory=alpn,key1")
        RDataCheck.textRejected(.https, "1 . alpn=h2 mandatory=key0")
        RDataCheck.textRejected(.https, "1 . mandatory=port,port port=443")
    }

    @Test("RFC 9460 §2.2: wire params in strictly ascending order, each value well formed")
    func wire() {
        RDataCheck.wireRejected(.https, "0001")
        RDataCheck.wireRejected(.https, "0001 00 0003 0002 0035 0003 0002 0035")
        RDataCheck.wireRejected(.https, "0001 00 0003 0002 0035 0001 0000")
        RDataCheck.wireRejected(.https, "0001 00 0003 0000")
        RDataCheck.wireRejected(.https, "0000 00 0002 0000")
        RDataCheck.wireRejected(.https, "0001 00 0000 0002 0003")
        RDataCheck.wireRejected(.https, "0001 00 0007 0002 2F78")
        RDataCheck.wireRejected(.https, "0001 00 0003 0003 0035")
        RDataCheck.wireRejected(.https, "0001 C000 0003 0002 0035")
        RDataCheck.roundTrip(.https, "\\# 10 0001 00 0009 0003 C00001", rendered: "1 . key9=\"\\192\\000\\001\"")
    }

    @Test("The target is the name to look up, except `.`")
    func targetName() throws {
        #expect(try RData(type: .svcb, text: "1 svc.example.").targetName == "svc.example.")
        #expect(try RData(type: .https, text: "1 .").targetName == nil)
    }
}
