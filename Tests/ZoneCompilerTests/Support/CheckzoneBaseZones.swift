/// Valid zones the generator starts from: realistic, and between them covering every
/// directive, the common record types, RFC 3597 forms, escapes, parentheses, omitted
/// owners and TTLs, delegations with glue, DNAME and DNSSEC records.
///
/// Out-of-zone targets appear only because the generated cases never run with
/// `-i full` (which makes named-checkzone look them up).
enum CheckzoneBaseZones {
    struct BaseZone: Sendable {
        var origin: String
        var text: String
    }

    /// Files the zones `$INCLUDE`, written next to the generated zones.
    static let includeFiles: [(path: String, text: String)] = [
        ("inc/hosts.inc", "host1   IN A    192.0.2.101\nhost2   IN A    192.0.2.102\n        IN AAAA 2001:db8::102\n"),
        ("inc/lab.inc", "$TTL 600\nbench   IN A    192.0.2.141\nscope   IN CNAME bench\n"),
        ("inc/blank.inc", "        IN TXT \"inherits the includer's owner\"\n"),
    ]

    static let all: [BaseZone] = [office, reverse, home, shop, escapes, signed, included, inventory]

    static let office = BaseZone(origin: "corp.example.com", text: """
        $TTL 3600
        @       IN SOA  ns1.corp.example.com. hostmaster.corp.example.com. (
                        2024061501 ; serial
                        7200       ; refresh
                        900        ; retry
                        1209600    ; expire
                        300 )      ; negative TTL
                IN NS   ns1
                IN NS   ns2
                IN MX   10 mail
                IN MX   20 mail2
                IN TXT  "v=spf1 mx -all"
                IN CAA  0 issue "letsencrypt.org"
        ns1     IN A    192.0.2.53
        ns2     IN A    198.51.100.53
                IN AAAA 2001:db8::53
        mail    IN A    192.0.2.25
        mail2   IN A    192.0.2.26
        www     IN A    192.0.2.80
                IN AAAA 2001:db8::80
        intranet 600 IN CNAME www
        ftp     IN CNAME www.corp.example.com.
        _sip._tcp IN SRV 10 60 5060 sip
        sip     IN A    192.0.2.50
        _ldap._tcp IN SRV 0 100 389 ldap
        ldap    IN A    192.0.2.89
        *.dev   IN A    192.0.2.90
        lab     IN NS   ns1.lab
                IN NS   ns2.lab
        ns1.lab IN A    192.0.2.129
        ns2.lab IN A    192.0.2.130
        printer IN A    192.0.2.131
                IN HINFO "HP" "LaserJet"
        _dmarc  IN TXT  "v=DMARC1; p=reject; rua=mailto:dmarc@corp.example.com"

        """)

    static let reverse = BaseZone(origin: "2.0.192.in-addr.arpa", text: """
        $TTL 1d
        @  IN SOA ns1.corp.example.com. hostmaster.corp.example.com. 2024061501 2h 15m 2w 5m
           IN NS ns1.corp.example.com.
           IN NS ns2.corp.example.com.
        1       IN PTR  gw.corp.example.com.
        25      IN PTR  mail.corp.example.com.
        53      IN PTR  ns1.corp.example.com.
        80      IN PTR  www.corp.example.com.
        $GENERATE 100-120 $ PTR dhcp-$.corp.example.com.
        128/26  IN NS   ns1.corp.example.com.
        $GENERATE 129-135 $ CNAME $.128/26

        """)

    static let home = BaseZone(origin: "home.arpa", text: """
        ; home network, kept by hand: no $TTL, so TTLs carry from record to record
        @\t86400\tIN\tSOA\trouter.home.arpa. admin.home.arpa. (
        \t\t\t2024061501 3600 600 604800 300 )
        \t86400\tIN\tNS\trouter
        router\t300\tIN\tA\t192.168.1.1
        \t\tIN\tAAAA\tfd00::1
        nas\t\tIN\tA\t192.168.1.10
        printer\tIN\tA\t192.168.1.20
        tv\t60\tIN\tA\t192.168.1.30
        media\tIN\tCNAME\tnas

        """)

    static let shop = BaseZone(origin: "shop.example.net", text: """
        $ORIGIN shop.example.net.
        $TTL 300
        @ IN SOA ns1 hostmaster 42 3600 600 1209600 300
        @ IN NS ns1
        @ IN NS ns2.shop.example.net.
        ns1 IN A 203.0.113.1
        ns2 IN A 203.0.113.2
        $ORIGIN api.shop.example.net.
        @ IN A 203.0.113.10
        v1 IN CNAME @
        $ORIGIN shop.example.net.
        old IN DNAME new.shop.example.net.
        new IN A 203.0.113.20
        sip IN NAPTR 100 10 "S" "SIP+D2U" "" _sip._udp
        _sip._udp IN SRV 0 0 5060 ns1
        @ IN SPF "v=spf1 -all"
        @ IN TXT "v=spf1 -all"
        ns1 IN SSHFP 1 1 0123456789abcdef0123456789abcdef01234567
        _443._tcp IN TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        pay IN NS ns.pay
        ns.pay IN A 203.0.113.30
        pay IN DS 12345 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        @ IN MX 10 mx.example.org.

        """)

    static let escapes = BaseZone(origin: "lab.example.com", text: ##"""
        $TTL 1h
        @ IN SOA ns hostmaster 2024010101 3600 600 86400 60
          IN NS ns
        ns IN A 10.0.0.1
        odd\.label IN TXT "dot inside"
        caf\233 IN TXT "decimal escape"
        txt IN TXT "semi;colon" "quote\"" "back\\slash" plain
        unk IN TYPE65280 \# 4 0A000001
        raw CLASS1 TYPE1 \# 4 0A000002
        raw2 IN A \# 4 0A000003
        multi IN TXT ( "one"
                       "two" ) ; comment
        empty IN TXT ""
        loc IN LOC 52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m
        svc IN HTTPS 1 . alpn="h2,h3" ipv4hint=10.0.0.5

        """##)

    static let signed = BaseZone(origin: "sec.example.com", text: """
        $TTL 3600
        @ IN SOA ns1 hostmaster 7 3600 600 86400 60
          IN NS ns1
          IN DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==
          IN NSEC ns1 NS SOA RRSIG NSEC DNSKEY
        ns1 IN A 192.0.2.1
        ns1 IN NSEC www A RRSIG NSEC
        www IN A 192.0.2.2
        www IN NSEC sec.example.com. A RRSIG NSEC
        child IN NS ns.child
        child IN DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118
        ns.child IN A 192.0.2.3

        """)

    /// One record of most types BIND knows, so mutations reach their text parsers.
    static let inventory = BaseZone(origin: "corp.example.com", text: ##"""
        $TTL 3600
        @ IN SOA ns1 hostmaster 2024070101 3600 600 1209600 300
          IN NS ns1
          IN NS ns2
        ns1 IN A 192.0.2.1
        ns2 IN AAAA 2001:db8::2
        host IN A 192.0.2.10
        host IN RP admin.corp.example.com. info
        info IN TXT "contact the help desk"
        host IN HINFO "PC" "Linux"
        afs IN AFSDB 1 host
        mailgw IN MINFO lists.corp.example.com. errors.corp.example.com.
        sip IN NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@corp.example.com!" .
        cert IN CERT PGP 0 0 AQIDBAUGBwgJ
        vpn IN IPSECKEY 10 1 2 192.0.2.38 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==
        dhcp IN DHCID AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=
        _25._tcp.mail IN SMIMEA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        mail IN A 192.0.2.25
        key IN OPENPGPKEY mQINBFit2jsBEADrbl5vjVxYeAE0g0IDYCBpHirv1Sjlqxx5gjtPhb2YhvyDMXjq
        _http._tcp IN URI 10 1 "http://www.corp.example.com/"
        @ IN CAA 0 issuewild ";"
        @ IN CDS 0 0 0 00
        @ IN CDNSKEY 0 3 0 AA==
        @ IN CSYNC 66 3 A NS AAAA
        ilnp IN NID 10 0014:4fff:ff20:ee64
        ilnp IN L32 10 10.1.2.0
        ilnp IN L64 10 2001:0DB8:1140:1000
        ilnp IN LP 10 l64-subnet1.corp.example.com.
        eui IN EUI48 00-00-5e-00-53-2a
        eui IN EUI64 00-00-5e-ef-10-00-00-2a
        svc IN SVCB 1 host alpn=h2 port=8443 ipv6hint=2001:db8::10
        apl IN APL 1:192.0.2.0/24 !1:192.0.2.128/25 2:2001:db8::/32
        kx IN KX 10 host
        px IN PX 10 map822.corp.example.com. mapx400.corp.example.com.
        x25 IN X25 "311061700956"
        isdn IN ISDN "150862028003217" "004"
        gpos IN GPOS -32.6882 116.8652 10.0
        nsap IN NSAP 0x47.0005.80.005a00.0000.0001.e133.ffffff000161.00
        sshfp IN SSHFP 4 2 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
        tlsa IN TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        ds IN NS ns1
        ds IN DS 60485 13 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A
        zmd IN TXT "x"
        @ IN ZONEMD 2024070101 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        hip IN HIP 2 200100107B1A74DF365639CC39F1D578 AwEAAbdxyhNuSutc5EMzxTs9LBPCIkOFH8cIvM4p9+LrV4e19WzK00+CI6zBCQTdtWsuxKbWIy87UOoJTwkUs7lBu+Upr1gsNrut79ryra+bSRGQb1slImA8YVJyuIDsj7kwzG7jnERNqnWxZ48AWkskmdHaVDP4BcelrTI3rMXdXF5D rvs.corp.example.com.
        amt IN AMTRELAY 10 0 1 192.0.2.77
        sink IN SINK 1 0 0 AAEC
        doa IN DOA 0 1 2 "image/pgn" AAECAw==
        ta IN TA 60485 13 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A

        """##)

    static let included = BaseZone(origin: "corp.example.com", text: """
        $TTL 3600
        @ IN SOA ns1 hostmaster 9 3600 600 86400 60
          IN NS ns1
        ns1 IN A 192.0.2.53
        $INCLUDE inc/hosts.inc
        $INCLUDE inc/lab.inc lab
        www IN A 192.0.2.80
        $INCLUDE inc/blank.inc
        www2 IN A 192.0.2.81

        """)
}
