import DNSCore

/// The zone served by BIND and by us in the differential test, with every feature
/// the responder handles: thousands of hosts, CNAME chains (to data, to nothing, out
/// of the zone, into wildcards, DNAMEs and delegations, loops), DNAMEs (in and out of
/// the zone, one long enough to overflow names), wildcards (with CNAME, MX, an empty
/// non-terminal wildcard and the RFC 4592 §2.2.1 example tree), empty non-terminals,
/// delegations (glue in and out of bailiwick, with and without DS, occluded data),
/// big RRsets for truncation, and many record types.
public struct DifferentialZone {
    public static let origin: DomainName = "diff.test."
    let hostCount: Int
    let delegationCount: Int

    public init(hostCount: Int = 4000, delegationCount: Int = 300) {
        self.hostCount = hostCount
        self.delegationCount = delegationCount
    }

    /// Names worth asking about, by kind, filled in by `text`.
    public struct Names {
        var hosts: [String] = []
        var ents: [String] = []
        var aliases: [String] = []
        var dnames: [String] = []
        var wildcardParents: [String] = []
        var exactUnderWildcards: [String] = []
        var cuts: [String] = []
        var glue: [String] = []
        var special: [String] = []
    }

    public func text() -> (String, Names) {
        var lines: [String] = []
        var names = Names()
        func add(_ line: String) { lines.append(line) }

        add("$ORIGIN diff.test.")
        add("$TTL 3600")
        add("@ SOA ns1 hostmaster 2024010101 7200 3600 1209600 300")
        add("@ NS ns1")
        add("@ NS ns2")
        add("@ NS ns.outside.example.")
        add("@ MX 10 mail")
        add("@ MX 20 mail2")
        add("@ TXT \"v=spf1 mx -all\"")
        add("@ A 192.0.2.1")
        add("@ AAAA 2001:db8::1")
        add("@ CAA 0 issue \"ca.example.net\"")
        add("ns1 A 192.0.2.53")
        add("ns1 AAAA 2001:db8::53")
        add("ns2 A 198.51.100.53")
        add("mail A 192.0.2.25")
        add("mail AAAA 2001:db8::25")
        add("mail2 A 192.0.2.26")
        names.special += ["diff.test.", "ns1.diff.test.", "ns2.diff.test.", "mail.diff.test.", "mail2.diff.test."]

        // Hosts.
        for i in 0..<hostCount {
            let host = "h\(i)"
            names.hosts.append("\(host).diff.test.")
            add("\(host) A 10.\(i / 65536 % 256).\(i / 256 % 256).\(i % 256)")
            if i % 7 == 0 {
                add("\(host) A 10.200.\(i / 256 % 256).\(i % 256)")
                add("\(host) A 10.201.\(i / 256 % 256).\(i % 256)")
            }
            if i % 3 == 0 { add("\(host) AAAA 2001:db8:\(String(i, radix: 16))::1") }
            if i % 5 == 0 { add("\(host) TXT \"host \(i)\" \"owner team-\(i % 17)\"") }
            if i % 11 == 0 { add("\(host) MX 10 mail") ; add("\(host) MX 20 h\((i + 1) % hostCount)") }
            if i % 13 == 0 { add("\(host) SSHFP 1 1 123456789abcdef67890123456789abcdef6789\(i % 10)") }
            if i % 17 == 0 { add("\(host) HINFO \"PC\" \"Linux\"") }
            if i % 19 == 0 { add("\(host) PTR h\((i + 3) % hostCount).diff.test.") }
        }

        // Every type we can write, on nodes of their own.
        let typed: [(String, String)] = [
            ("rp", "RP admin.diff.test. h1.diff.test."), ("afsdb", "AFSDB 1 h2"), ("rt", "RT 2 h3"),
            ("x25", "X25 311061700956"), ("isdn", "ISDN 150862028003217 004"), ("px", "PX 10 net2.it. PRMD-net2.ADMD-p400.C-it."),
            ("gpos", "GPOS -32.6882 116.8652 10.0"), ("loc", "LOC 52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m"),
            ("naptr", "NAPTR 100 10 \"S\" \"SIP+D2U\" \"!^.*$!sip:info@example.com!\" _sip._udp.diff.test."),
            ("cert", "CERT PKIX 0 0 AQID"), ("ipseckey", "IPSECKEY 10 1 2 192.0.2.38 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ=="),
            ("dhcid", "DHCID AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA="),
            ("tlsa", "TLSA 3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6"),
            ("smimea", "SMIMEA 3 1 1 AABB"), ("openpgpkey", "OPENPGPKEY AQID"), ("csync", "CSYNC 66 3 A NS AAAA"),
            ("svcb", "SVCB 1 h4.diff.test. alpn=h2 port=8443"), ("https", "HTTPS 1 . alpn=h3,h2 ipv4hint=192.0.2.7"),
            ("uri", "URI 10 1 \"https://www.example.net/\""), ("caa", "CAA 128 tbs \"Unknown\""),
            ("eui48", "EUI48 00-00-5e-00-53-2a"), ("eui64", "EUI64 00-00-5e-ef-10-00-00-2a"), ("spf", "SPF \"v=spf1 -all\""),
            ("kx", "KX 10 h5"), ("apl", "APL 1:192.168.32.0/21 !1:192.168.38.0/28"), ("minfo", "MINFO h6 h7"),
            ("mb", "MB h8"), ("mg", "MG h9"), ("mr", "MR h10"), ("nsap", "NSAP 0x47.0005.80.005a00.0000.0001.e133.ffffff000161.00"),
            ("nsap-ptr", "NSAP-PTR h11.diff.test."), ("wks", "WKS 192.0.2.1 TCP smtp ftp"), ("null", "NULL \\# 3 010203"),
            ("private", "TYPE65280 \\# 4 DEADBEEF"), ("nid", "NID 10 0014:4fff:ff20:ee64"), ("l32", "L32 10 10.1.2.0"),
            ("l64", "L64 10 2001:0DB8:1140:1000"), ("lp", "LP 10 l64-subnet1.example.com."),
            ("sshfp", "SSHFP 4 2 2BB183AF5F22588179A53B0A98631FAD1A292118E8C5A4B1B87A8F8C8E7F4A3D"),
            ("hinfo", "HINFO \"Generic PC\" Linux"), ("ninfo", "NINFO \"info\""),
        ]
        for (owner, record) in typed {
            add("\(owner).types \(record)")
            names.special.append("\(owner).types.diff.test.")
        }
        names.ents.append("types.diff.test.")

        // SRV with in-zone targets (for additional data).
        add("_sip._tcp SRV 0 5 5060 h12")
        add("_sip._tcp SRV 10 5 5060 h13")
        add("_xmpp._tcp SRV 5 0 5222 mail")
        add("_sip._udp SRV 0 0 5060 h14")
        names.special += ["_sip._tcp.diff.test.", "_xmpp._tcp.diff.test.", "_sip._udp.diff.test."]
        names.ents.append("_tcp.diff.test.")

        // Big RRsets, for truncation.
        for i in 0..<24 {
            add("big TXT \"\(String(repeating: Character(UnicodeScalar(UInt8(97 + i % 26))), count: 90)) \(i)\"")
        }
        for i in 0..<5 { add("medium TXT \"\(String(repeating: "m", count: 80)) \(i)\"") }
        for i in 0..<40 { add("manya A 10.250.0.\(i)") }
        for i in 0..<30 { add("manyaaaa AAAA 2001:db8:ffff::\(String(i, radix: 16))") }
        for i in 0..<14 { add("manymx MX \(i) mx\(i).manymx"); add("mx\(i).manymx A 192.0.2.\(100 + i)") }
        names.special += ["big.diff.test.", "medium.diff.test.", "manya.diff.test.", "manyaaaa.diff.test.", "manymx.diff.test."]

        // CNAMEs.
        for i in 0..<200 {
            add("c\(i) CNAME h\(i)")
            add("ca\(i) CNAME cb\(i)")
            add("cb\(i) CNAME cc\(i)")
            add("cc\(i) CNAME h\(i * 3 % hostCount)")
            names.aliases += ["c\(i).diff.test.", "ca\(i).diff.test.", "cb\(i).diff.test."]
        }
        let aliasLines: [(String, String)] = [
            ("cnx", "CNAME nothing-here"), ("cnodata", "CNAME mail2"), ("cext", "CNAME www.example.org."),
            ("cwild", "CNAME foo.wild"), ("cwild2", "CNAME deep.er.wild"), ("cdel", "CNAME host.del5"),
            ("cdel2", "CNAME del6"), ("cdname", "CNAME x.dn1"), ("cdname2", "CNAME x.y.dn2"),
            ("loop1", "CNAME loop2"), ("loop2", "CNAME loop1"), ("selfloop", "CNAME selfloop"),
            ("cent", "CNAME types"), ("capex", "CNAME @"), ("cbig", "CNAME big"), ("cwcname", "CNAME x.wcname"),
            ("cnxwild", "CNAME a.b.went"),
        ]
        for (owner, record) in aliasLines {
            add("\(owner) \(record)")
            names.aliases.append("\(owner).diff.test.")
        }
        // A chain of 12 and one of 20 (beyond what servers follow).
        for i in 0..<12 { add("chain\(i) CNAME \(i == 11 ? "h42" : "chain\(i + 1)")") }
        for i in 0..<20 { add("long\(i) CNAME \(i == 19 ? "h43" : "long\(i + 1)")") }
        names.aliases += ["chain0.diff.test.", "chain5.diff.test.", "long0.diff.test.", "long3.diff.test.", "long10.diff.test."]

        // DNAMEs.
        add("dn1 DNAME target1.diff.test.")
        for label in ["x", "y", "www", "a.b"] { add("\(label).target1 A 192.0.2.77") }
        add("mx.target1 MX 10 mail")
        add("dn2 DNAME example.net.")
        add("dn3 DNAME dn1.diff.test.")
        add("dnself DNAME diff.test.")
        add("dnwild DNAME wild.diff.test.")
        let longTarget = (0..<5).map { "l\($0)" + String(repeating: "q", count: 40) }.joined(separator: ".") + ".example.net."
        add("dnlong DNAME \(longTarget)")
        add("dnttl 60 DNAME target1.diff.test.")
        names.dnames += ["dn1.diff.test.", "dn2.diff.test.", "dn3.diff.test.", "dnself.diff.test.", "dnwild.diff.test.",
                         "dnlong.diff.test.", "dnttl.diff.test."]
        names.special += ["x.target1.diff.test.", "mx.target1.diff.test."]

        // Wildcards.
        add("*.wild A 192.0.2.99")
        add("*.wild TXT \"wildcard\"")
        add("exact.wild A 192.0.2.100")
        add("*.wcname CNAME h1")
        add("*.wmx MX 10 mail")
        add("a.*.went TXT \"under an empty wildcard\"")
        add("*.wsub AAAA 2001:db8::99")
        add("deep.wsub TXT \"exact\"")
        add("x.deep.wsub A 192.0.2.102")
        names.wildcardParents += ["wild.diff.test.", "wcname.diff.test.", "wmx.diff.test.", "went.diff.test.", "wsub.diff.test.",
                                  "deep.wsub.diff.test."]
        names.exactUnderWildcards += ["exact.wild.diff.test.", "*.wild.diff.test.", "*.went.diff.test.", "a.*.went.diff.test.",
                                      "deep.wsub.diff.test.", "x.deep.wsub.diff.test."]
        // RFC 4592 §2.2.1, moved below `rfc4592`.
        add("*.rfc4592 TXT \"this is a wildcard\"")
        add("*.rfc4592 MX 10 host1.rfc4592")
        add("sub.*.rfc4592 TXT \"this is not a wildcard\"")
        add("host1.rfc4592 A 192.0.2.1")
        add("_ssh._tcp.host1.rfc4592 SRV 0 0 22 host1.rfc4592")
        add("_ssh._tcp.host2.rfc4592 SRV 0 0 22 host1.rfc4592")
        add("subdel.rfc4592 NS ns.example.com.")
        add("subdel.rfc4592 NS ns.example.net.")
        names.wildcardParents.append("rfc4592.diff.test.")
        names.special += ["host3.rfc4592.diff.test.", "foo.bar.rfc4592.diff.test.", "host1.rfc4592.diff.test.",
                          "sub.*.rfc4592.diff.test.", "_telnet._tcp.host1.rfc4592.diff.test.", "host.subdel.rfc4592.diff.test.",
                          "ghost.*.rfc4592.diff.test.", "_ssh._tcp.host1.rfc4592.diff.test.", "_tcp.host2.rfc4592.diff.test."]
        names.cuts.append("subdel.rfc4592.diff.test.")

        // Empty non-terminals.
        add("e1.e2.e3.ent A 192.0.2.110")
        add("f1.e3.ent TXT \"sibling\"")
        add("4.3.2.1.rev PTR h1.diff.test.")
        add("5.3.2.1.rev PTR h2.diff.test.")
        names.ents += ["ent.diff.test.", "e3.ent.diff.test.", "e2.e3.ent.diff.test.", "rev.diff.test.", "1.rev.diff.test.",
                       "2.1.rev.diff.test.", "3.2.1.rev.diff.test."]
        names.special += ["e1.e2.e3.ent.diff.test.", "f1.e3.ent.diff.test.", "4.3.2.1.rev.diff.test."]

        // Delegations.
        for i in 0..<delegationCount {
            let cut = "del\(i)"
            names.cuts.append("\(cut).diff.test.")
            switch i % 3 {
            case 0:
                add("\(cut) NS ns1.\(cut)")
                add("\(cut) NS ns2.\(cut)")
                add("ns1.\(cut) A 192.0.2.\(i % 250 + 1)")
                add("ns1.\(cut) AAAA 2001:db8:d::\(String(i, radix: 16))")
                add("ns2.\(cut) A 198.51.100.\(i % 250 + 1)")
                names.glue += ["ns1.\(cut).diff.test.", "ns2.\(cut).diff.test."]
            case 1:
                add("\(cut) NS ns.outside.example.")
                add("\(cut) NS ns2.outside.example.")
            default:
                add("\(cut) NS ns1.diff.test.")
                add("\(cut) NS ns1.del\(i - 2)")
            }
            if i % 4 == 0 {
                add("\(cut) DS \(10000 + i) 13 2 2BB183AF5F22588179A53B0A98631FAD1A292118E8C5A4B1B87A8F8C8E7F4A\(String(0x100 + i % 256, radix: 16).dropFirst())")
            }
            if i % 25 == 0 {
                add("occluded.\(cut) TXT \"below the cut\"")
                names.glue.append("occluded.\(cut).diff.test.")
            }
        }
        for i in 0..<13 {
            add("bigdel NS ns\(i).with-a-rather-long-label.bigdel")
            add("ns\(i).with-a-rather-long-label.bigdel A 192.0.2.\(i + 1)")
            add("ns\(i).with-a-rather-long-label.bigdel AAAA 2001:db8:b::\(i + 1)")
        }
        names.cuts.append("bigdel.diff.test.")
        return (lines.joined(separator: "\n") + "\n", names)
    }
}
