@testable import DNSCore

/// Messages captured from BIND 9.18.49 (named, dig, nsupdate) on loopback, with the
/// text dig and nsupdate printed for them.
enum MessageFixtures {
    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var pending: UInt8? = nil
        for c in hex.utf8 {
            let v: UInt8
            switch c {
            case 0x30...0x39: v = c - 0x30
            case 0x61...0x66: v = c - 0x61 + 10
            case 0x41...0x46: v = c - 0x41 + 10
            default: continue
            }
            if let high = pending { out.append(high << 4 | v); pending = nil } else { pending = v }
        }
        return out
    }

    /// `dig example.com SOA`: answer, OPT with a server cookie.
    static let soaResponse = bytes("""
        a55485000001000100000001076578616d706c6503636f6d0000060001c00c0006000100000e100027036e7331c00c
        0a686f73746d6173746572c00c78a3f17500001c2000000e10001275000000012c00002904d000000000001c000a00
        18e58a5c378ab8e3a1010000006b019b3cde22317b1f02578c
        """)

    /// `dig nonexistent.example.com +noedns`: NXDOMAIN with the SOA in authority.
    static let nxdomainResponse = bytes("""
        6c16850300010000000100000b6e6f6e6578697374656e74076578616d706c6503636f6d0000010001c018000600
        010000012c0027036e7331c0180a686f73746d6173746572c01878a3f17500001c2000000e10001275000000012c
        """)

    /// `dig example.com MX +dnssec +nsid`: two MX, glue, OPT with DO, NSID and COOKIE.
    static let mxResponse = bytes("""
        53da85000001000200000002076578616d706c6503636f6d00000f0001c00c000f000100000e100009000a046d6169
        6cc00cc00c000f000100000e1000150014056d61696c32076578616d706c65036e657400c02b0001000100000e1000
        04c000020a00002904d000008000002a0003000a6d73676361702d6e7331000a00182d40987ddf6de065010000006b
        019b3c98862adc8b5ea093
        """)

    /// `dig _sip._tcp.example.com SRV`: the additional A record's owner points into the
    /// SRV target, which itself is written uncompressed.
    static let srvResponse = bytes("""
        9a7285000001000100000002045f736970045f746370076578616d706c6503636f6d0000210001c00c002100010000
        0e100017000a003c13c403736970076578616d706c6503636f6d00c0390001000100000e100004c000021e00002904
        d000000000001c000a0018af73486fb3655f3e010000006b019b3d2c1c737474ddb680
        """)

    /// `dig example.com SOA -y hmac-sha256:tkey:...`: OPT, then TSIG last.
    static let tsigResponse = bytes("""
        240985000001000100000002076578616d706c6503636f6d0000060001c00c0006000100000e100027036e7331c00c
        0a686f73746d6173746572c00c78a3f17500001c2000000e10001275000000012c00002904d000000000001c000a00
        185a1e680d1f7bee4f010000006b019b3dae44ade00e055a8104746b65790000fa00ff00000000003d0b686d61632d
        7368613235360000006b019b3d012c002038629e0e330cbbd47b498fb3645e7d3b5ee1226a94222ba048c3245fd909
        feab240900000000
        """)

    /// nsupdate's signed UPDATE: five prerequisites (class ANY and NONE with empty
    /// RDATA, one value-dependent), five updates (adds, a class NONE delete, class ANY
    /// deletes with empty RDATA), TSIG.
    static let updateRequest = bytes("""
        559128000001000500050001076578616d706c6503636f6d000006000103776562c00c00ff00ff000000000000036e
        6577c00c00ff00fe000000000000c01d000100ff000000000000c02d001000fe000000000000c01d00010001000000
        000004c0000214c02d000100010000012c0004c0000263c02d001000010000012c000c0b68656c6c6f20776f726c64
        c01d000100fe000000000004c000021603777777c00c000500ff00000000000003736970c00c00ff00ff0000000000
        0004746b65790000fa00ff00000000003d0b686d61632d7368613235360000006b019b40012c0020c085a636594ee1
        537fb06f11a03589d613673a2c40e671041af879682bb6e929559100000000
        """)

    /// named's signed NXRRSET answer to `updateRequest`.
    static let updateResponse = bytes("""
        5591a8080001000000000001076578616d706c6503636f6d000006000104746b65790000fa00ff00000000003d0b68
        6d61632d7368613235360000006b019b40012c002074ee36737c778f7759d13afcb9a567e6bb34ed17f3eb0919bd95
        b74535378271559100000000
        """)

    /// What nsupdate's `show` printed for `updateRequest` before sending it (no ID, no
    /// counts and no TSIG yet).
    static let updateShowText = """
        ;; ->>HEADER<<- opcode: UPDATE, status: NOERROR, id:      0
        ;; flags:; ZONE: 0, PREREQ: 0, UPDATE: 0, ADDITIONAL: 0
        ;; ZONE SECTION:
        ;example.com.\t\t\tIN\tSOA

        ;; PREREQUISITE SECTION:
        web.example.com.\t0\tANY\tANY\t
        new.example.com.\t0\tNONE\tANY\t
        web.example.com.\t0\tANY\tA\t
        new.example.com.\t0\tNONE\tTXT\t
        web.example.com.\t0\tIN\tA\t192.0.2.20

        ;; UPDATE SECTION:
        new.example.com.\t300\tIN\tA\t192.0.2.99
        new.example.com.\t300\tIN\tTXT\t"hello world"
        web.example.com.\t0\tNONE\tA\t192.0.2.22
        www.example.com.\t0\tANY\tCNAME\t
        sip.example.com.\t0\tANY\tANY\t


        """

    /// What nsupdate's `answer` printed for `updateResponse`.
    static let updateAnswerText = """
        ;; ->>HEADER<<- opcode: UPDATE, status: NXRRSET, id:  21905
        ;; flags: qr; ZONE: 1, PREREQ: 0, UPDATE: 0, ADDITIONAL: 1
        ;; ZONE SECTION:
        ;example.com.\t\t\tIN\tSOA

        ;; TSIG PSEUDOSECTION:
        tkey.\t\t\t0\tANY\tTSIG\thmac-sha256. 1795267392 300 32 dO42c3x3j3dZ0Tr8uaVn5rs07Rfz6wkZvZW3RTU3gnE= 21905 NOERROR 0 \n

        """
}

/// Builds raw wire messages byte by byte, so tests can say exactly what is malformed.
enum Raw {
    static func u16(_ v: Int) -> [UInt8] { [UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
    static func u32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    static func header(id: Int = 0x1234, flags: Int = 0x8400, qd: Int = 0, an: Int = 0, ns: Int = 0, ar: Int = 0) -> [UInt8] {
        u16(id) + u16(flags) + u16(qd) + u16(an) + u16(ns) + u16(ar)
    }

    static func name(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for label in text.split(separator: ".") {
            out.append(UInt8(label.utf8.count))
            out += Array(label.utf8)
        }
        return out + [0]
    }

    static func question(_ owner: String, type: Int = 1, rrClass: Int = 1) -> [UInt8] {
        name(owner) + u16(type) + u16(rrClass)
    }

    static func record(_ owner: [UInt8], type: Int, rrClass: Int = 1, ttl: UInt32 = 300, rdata: [UInt8], rdlength: Int? = nil) -> [UInt8] {
        owner + u16(type) + u16(rrClass) + u32(ttl) + u16(rdlength ?? rdata.count) + rdata
    }

    static func record(_ owner: String, type: Int, rrClass: Int = 1, ttl: UInt32 = 300, rdata: [UInt8], rdlength: Int? = nil) -> [UInt8] {
        record(name(owner), type: type, rrClass: rrClass, ttl: ttl, rdata: rdata, rdlength: rdlength)
    }

    static func opt(owner: [UInt8] = [0], size: Int = 1232, extendedRCode: UInt32 = 0, version: UInt32 = 0, flags: UInt32 = 0, options: [UInt8] = []) -> [UInt8] {
        record(owner, type: 41, rrClass: size, ttl: extendedRCode << 24 | version << 16 | flags, rdata: options)
    }

    static func option(_ code: Int, _ data: [UInt8]) -> [UInt8] { u16(code) + u16(data.count) + data }

    static func tsig(owner: String = "key.example", rrClass: Int = 255, algorithm: String = "hmac-sha256",
                     time: UInt64 = 1_700_000_000, fudge: Int = 300, mac: [UInt8] = Array(repeating: 0xAB, count: 32),
                     originalID: Int = 0x1234, error: Int = 0, other: [UInt8] = []) -> [UInt8] {
        let rdata = name(algorithm) + u16(Int(time >> 32)) + u32(UInt32(truncatingIfNeeded: time)) + u16(fudge)
            + u16(mac.count) + mac + u16(originalID) + u16(error) + u16(other.count) + other
        return record(owner, type: 250, rrClass: rrClass, ttl: 0, rdata: rdata)
    }

    static let a1: [UInt8] = [192, 0, 2, 1]
}
