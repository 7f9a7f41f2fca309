import Testing
@testable import DNSCore

/// Expected texts are what dig and nsupdate 9.18.49 printed for the same octets (dig
/// run with +nocookie, so no cookie verdict).
@Suite("Message text")
struct MessageTextTests {
    @Test("dig: NXDOMAIN with the SOA in authority, no EDNS")
    func digNXDomain() throws {
        let message = try Message(wire: MessageFixtures.nxdomainResponse)
        #expect(message.text(style: .dig) == """
            ;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 27670
            ;; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 0
            ;; WARNING: recursion requested but not available

            ;; QUESTION SECTION:
            ;nonexistent.example.com.\tIN\tA

            ;; AUTHORITY SECTION:
            example.com.\t\t300\tIN\tSOA\tns1.example.com. hostmaster.example.com. 2024010101 7200 3600 1209600 300


            """)
    }

    @Test("dig: OPT pseudosection with DO, NSID and COOKIE; answer and additional")
    func digOPT() throws {
        let message = try Message(wire: MessageFixtures.mxResponse)
        #expect(message.text() == """
            ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 21466
            ;; flags: qr aa rd; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 2
            ;; WARNING: recursion requested but not available

            ;; OPT PSEUDOSECTION:
            ; EDNS: version: 0, flags: do; udp: 1232
            ; NSID: 6d 73 67 63 61 70 2d 6e 73 31 ("msgcap-ns1")
            ; COOKIE: 2d40987ddf6de065010000006b019b3c98862adc8b5ea093
            ;; QUESTION SECTION:
            ;example.com.\t\t\tIN\tMX

            ;; ANSWER SECTION:
            example.com.\t\t3600\tIN\tMX\t10 mail.example.com.
            example.com.\t\t3600\tIN\tMX\t20 mail2.example.net.

            ;; ADDITIONAL SECTION:
            mail.example.com.\t3600\tIN\tA\t192.0.2.10


            """)
    }

    @Test("dig: TSIG pseudosection after the sections")
    func digTSIG() throws {
        let message = try Message(wire: MessageFixtures.tsigResponse)
        let text = message.text(style: .dig)
        #expect(text.hasSuffix("""
            ;; TSIG PSEUDOSECTION:
            tkey.\t\t\t0\tANY\tTSIG\thmac-sha256. 1795267389 300 32 OGKeDjMMu9R7SY+zZF59O17hImqUIiugSMMkX9kJ/qs= 9225 NOERROR 0 \n

            """))
        #expect(text.contains(";; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 2\n"))
    }

    @Test("nsupdate show: the outgoing UPDATE, prerequisites and deletions without RDATA")
    func nsupdateShow() throws {
        var message = try Message(wire: MessageFixtures.updateRequest)
        // nsupdate shows the message before giving it an ID and a signature.
        message.header.id = 0
        message.tsig = nil
        #expect(message.text(style: .nsupdateShow) == MessageFixtures.updateShowText)
    }

    @Test("nsupdate answer: library header with a six-column ID, UPDATE section names")
    func nsupdateAnswer() throws {
        let message = try Message(wire: MessageFixtures.updateResponse)
        #expect(message.text(style: .nsupdate) == MessageFixtures.updateAnswerText)
    }

    @Test("dig: a received UPDATE prints class NONE RDATA of class-IN types generically")
    func digUpdate() throws {
        let message = try Message(wire: MessageFixtures.updateRequest)
        let text = message.text(style: .dig)
        #expect(text.hasPrefix("""
            ;; ->>HEADER<<- opcode: UPDATE, status: NOERROR, id: 21905
            ;; flags:; QUERY: 1, ANSWER: 5, AUTHORITY: 5, ADDITIONAL: 1

            ;; ZONE SECTION:
            ;example.com.\t\t\tIN\tSOA

            ;; PREREQUISITE SECTION:
            web.example.com.\t0\tANY\tANY\t

            """))
        #expect(text.contains("web.example.com.\t0\tNONE\tA\t\\# 4 C0000216\n"))
        #expect(text.contains("new.example.com.\t300\tIN\tTXT\t\"hello world\"\n"))
    }

    @Test("BIND's tab stops: long names push fields on by one space")
    func columns() {
        var message = Message(header: MessageHeader(id: 1, isResponse: true, opcode: Opcode(3), z: true, rcode: RCode(17)))
        message.answers = [
            ResourceRecord(owner: "a.", ttl: 1, rdata: .a(A(IPv4Address(192, 0, 2, 1)))),
            ResourceRecord(owner: "xxxxxxxxxxxxxxxxxxxxxx.com.", ttl: 4_294_967_295, rdata: .a(A(IPv4Address(192, 0, 2, 1)))),
            ResourceRecord(owner: "x.", type: RRType(65280), rrClass: RRClass(2), ttl: 0, rdata: .unknown(UnknownRData(type: RRType(65280), data: [0xAB]))),
        ]
        #expect(message.text(style: .dig) == """
            ;; ->>HEADER<<- opcode: RESERVED3, status: ?17, id: 1
            ;; flags: qr; MBZ: 0x4; QUERY: 0, ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 0

            ;; ANSWER SECTION:
            a.\t\t\t1\tIN\tA\t192.0.2.1
            xxxxxxxxxxxxxxxxxxxxxx.com. 4294967295 IN A\t192.0.2.1
            x.\t\t\t0\tCLASS2\tTYPE65280 \\# 1 AB


            """)
        #expect(message.text(style: .nsupdate).hasPrefix(";; ->>HEADER<<- opcode: RESERVED3, status: 17, id:      1\n"))
    }

    @Test("dig: EDNS options BIND knows, printed its way")
    func options() {
        let options: [EDNSOption] = [
            .expire(1_209_600), .expire(90_061),
            EDNSOption(code: .clientSubnet, data: [0, 1, 24, 0, 192, 0, 2]),
            EDNSOption(code: .clientSubnet, data: [0, 2, 56, 0, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0x12]),
            EDNSOption(code: .tcpKeepalive, data: [0, 150]),
            EDNSOption(code: .padding, data: [0, 0, 0]),
            EDNSOption(code: .keyTag, data: [0x4F, 0x66, 0, 20]),
            .extendedDNSError(ExtendedDNSError(infoCode: .prohibited, extraText: "no")),
            .extendedDNSError(ExtendedDNSError(infoCode: ExtendedDNSError.InfoCode(99))),
            EDNSOption(code: .llq, data: [0, 1, 0, 2, 0, 3, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 14, 16]),
            EDNSOption(code: .chain, data: [65]),
        ]
        let message = Message(edns: EDNS(udpPayloadSize: 512, version: 1, otherFlags: 0x4001, options: options))
        #expect(message.text().contains("""
            ;; OPT PSEUDOSECTION:
            ; EDNS: version: 1, flags: co; MBZ: 0x0001, udp: 512
            ; EXPIRE: 1209600 (2 weeks)
            ; EXPIRE: 90061 (1 day 1 hour 1 minute 1 second)
            ; CLIENT-SUBNET: 192.0.2.0/24/0
            ; CLIENT-SUBNET: 2001:db8:0:1200::/56/0
            ; TCP KEEPALIVE: 15.0 secs
            ; PAD: (3 bytes)
            ; KEY-TAG: 20326, 20
            ; EDE: 18 (Prohibited): (no)
            ; EDE: 99
            ; LLQ: Version: 1, Opcode: 2, Error: 3, Identifier: 9, Lifetime: 3600
            ; OPT=13: 41 ("A")

            """))
    }
}
