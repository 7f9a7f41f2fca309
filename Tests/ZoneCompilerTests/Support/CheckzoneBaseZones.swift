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

    static let all: [BaseZone] = [office, reverse, home, shop, escapes, signed, included]

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
