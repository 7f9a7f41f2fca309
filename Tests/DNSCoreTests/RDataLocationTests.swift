import Testing
@testable import DNSCore

@Suite("RDATA: locations and addresses")
struct RDataLocationTests {
    @Test("RFC 1876 §4: LOC examples, with BIND's defaults and rendering")
    func locExamples() throws {
        RDataCheck.roundTrip(.loc, "42 21 54 N 71 06 18 W -24m 30m", rendered: "42 21 54.000 N 71 6 18.000 W -24.00m 30m 10000m 10m")
        RDataCheck.roundTrip(.loc, "42 21 43.952 N 71 5 6.344 W -24m 1m 200m", rendered: "42 21 43.952 N 71 5 6.344 W -24.00m 1m 200m 10m")
        RDataCheck.roundTrip(.loc, "52 14 05 N 00 08 50 E 10m", rendered: "52 14 5.000 N 0 8 50.000 E 10.00m 1m 10000m 10m")
        RDataCheck.roundTrip(.loc, "32 7 19 S 116 2 25 E 10m", rendered: "32 7 19.000 S 116 2 25.000 E 10.00m 1m 10000m 10m")
        RDataCheck.roundTrip(.loc, "42 21 28.764 N 71 00 51.617 W -44m 2000m", rendered: "42 21 28.764 N 71 0 51.617 W -44.00m 2000m 10000m 10m")
        let rdata = try #require(RDataCheck.roundTrip(.loc, "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m"))
        // 2^31 + (52*3600 + 22*60 + 23) * 1000, 2^31 + (4*3600 + 53*60 + 32) * 1000, 10^7 - 200.
        #expect(RDataCheck.wireHex(rdata) == "00001613" + "8B3CF018" + "810CBCE0" + "009895B8")
    }

    @Test("RFC 1876 §2: sizes keep one significant digit; limits as BIND checks them")
    func locFields() {
        RDataCheck.roundTrip(.loc, "0 N 0 E 42849672.95m 90000000m 0.15m 0.02",
                             rendered: "0 0 0.000 N 0 0 0.000 E 42849672.95m 90000000m 0.10m 0.02m")
        RDataCheck.roundTrip(.loc, "89 59 59.999 N 179 59 59.999 W .5 1.5m 123456 99999m",
                             rendered: "89 59 59.999 N 179 59 59.999 W 0.50m 1m 100000m 90000m")
        RDataCheck.roundTrip(.loc, "90 S 180 W -100000.00m", rendered: "90 0 0.000 S 180 0 0.000 W -100000.00m 1m 10000m 10m")
        RDataCheck.roundTrip(.loc, "0 0 .5 S 0 0 0. E +5 0 0.1m 5.", rendered: "0 0 0.500 S 0 0 0.000 E 5.00m 0.00m 0.10m 5m")
        for bad in ["91 N 0 E 0", "90 1 N 0 E 0", "89 60 N 0 E 0", "89 59 60 N 0 E 0", "0 N 181 W 0", "0 N 0 E 42849672.96m",
                    "0 N 0 E -100000.01m", "0 N 0 E 0 90000001m", "0 n 0 e 0", "0 N 0 E 0m 1m 2m 3m 4m", "0 N 0 E", "0 N 0 E 0M",
                    "0 0 0.0001 N 0 E 0", "0 N 0 E 0 1.5m 2.25m 3.333m", "0 N 0 E 1e2m", "0 .5 N 0 E 0", "0 N 0 E 0 -1m"] {
            RDataCheck.textRejected(.loc, bad)
        }
    }

    @Test("RFC 1876 §2: LOC versions other than 0 stay opaque, in RFC 3597 form")
    func locVersions() {
        RDataCheck.roundTrip(.loc, "\\# 5 0102030405", rendered: "\\# 5 0102030405")
        RDataCheck.wireRejected(.loc, "00 1A 16 13 89172DD0 70BE15F0 00988D20")
        RDataCheck.wireRejected(.loc, "00 12 16 13 FFFFFFFF 70BE15F0 00988D20")
        RDataCheck.wireRejected(.loc, "00 12 16 13 89172DD0 00000000 00988D20")
        RDataCheck.wireRejected(.loc, "00 12 16 13 89172DD0 70BE15F0 00988D")
        RDataCheck.wireRejected(.loc, "")
    }

    @Test("RFC 1712 §3: GPOS strings")
    func gpos() {
        RDataCheck.roundTrip(.gpos, "-32.6882 116.8652 10.0", rendered: "\"-32.6882\" \"116.8652\" \"10.0\"")
        RDataCheck.textRejected(.gpos, "1 2")
    }

    @Test("RFC 2874 §3.1.2: A6 with the prefix bits masked, and BIND's double blank for /128")
    func a6() {
        RDataCheck.roundTrip(.a6, "64 ::1234:5678:9abc:def0 SUBNET-1.IP6.A.NET.")
        RDataCheck.roundTrip(.a6, "0 2001:db8::1")
        RDataCheck.roundTrip(.a6, "128 prefix.example.", rendered: "128  prefix.example.")
        RDataCheck.roundTrip(.a6, "65 ::ffff:1:2:3 p.", rendered: "65 ::7fff:1:2:3 p.")
        RDataCheck.roundTrip(.a6, "120 ::1ff p.", rendered: "120 ::ff p.")
        RDataCheck.textRejected(.a6, "129 x.")
        RDataCheck.textRejected(.a6, "128")
        RDataCheck.textRejected(.a6, "0 2001:db8::1 extra.")
        RDataCheck.wireRejected(.a6, "41 FFFF000200030004 00")
        RDataCheck.wireRejected(.a6, "81")
    }

    @Test("RFC 3123 §4 and §5: APL examples; trailing zero octets dropped")
    func apl() throws {
        RDataCheck.roundTrip(.apl, "1:192.168.32.0/21 !1:192.168.38.0/28")
        RDataCheck.roundTrip(.apl, "1:192.168.42.0/26 1:192.168.42.64/26 1:192.168.42.128/25")
        RDataCheck.roundTrip(.apl, "1:224.0.0.0/4 2:FF00:0:0:0:0:0:0:0/8", rendered: "1:224.0.0.0/4 2:ff00::/8")
        RDataCheck.roundTrip(.apl, "")
        let rdata = try #require(RDataCheck.roundTrip(.apl, "1:192.168.32.0/21"))
        #expect(RDataCheck.wireHex(rdata) == "00011503C0A820")
        RDataCheck.roundTrip(.apl, "\\# 4 0003 08 00", rendered: "\\# 4 00030800")
        for bad in ["1:192.168.32.0/33", "2:::/129", "3:00/8", "1:192.168.32.0", "1:010.2.3.0/24", "\"1:1.2.3.0/24\""] {
            RDataCheck.textRejected(.apl, bad)
        }
        RDataCheck.wireRejected(.apl, "0001 18 03 010200")
        RDataCheck.wireRejected(.apl, "0001 21 03 010203")
        RDataCheck.wireRejected(.apl, "0001 18 05 0102030405")
        RDataCheck.wireRejected(.apl, "0001 18")
    }

    @Test("RFC 6742 §2: ILNP examples (NID, L32, L64, LP)")
    func ilnp() {
        RDataCheck.roundTrip(.nid, "10 0014:4fff:ff20:ee64", rendered: "10 14:4fff:ff20:ee64")
        RDataCheck.roundTrip(.l64, "10 2001:0DB8:1140:1000", rendered: "10 2001:db8:1140:1000")
        RDataCheck.roundTrip(.l32, "10 10.1.2.0")
        RDataCheck.roundTrip(.lp, "10 l64-subnet1.example.com.")
        for bad in ["10 0014:4fff:ff20:ee64:1", "10 0014:4fff:ff20", "10 00014:4fff:ff20:ee64", "10 ::1", "10 +14:4fff:ff20:ee64", "65536 1:2:3:4"] {
            RDataCheck.textRejected(.nid, bad)
        }
        RDataCheck.textRejected(.l32, "10 10.1.2")
        RDataCheck.wireRejected(.l64, "000A 0001000200")
        // RFC 6742 §2.4: the LP name is never compressed.
        #expect(throws: WireError.self) {
            try RDataCheck.decodeInMessage(.lp, prefix: RDataCheck.bytes("01 61 00"), rdata: RDataCheck.bytes("000A C000"))
        }
    }

    @Test("RFC 7043 §3.2 and §4.2: EUI48 and EUI64 examples, read as BIND's sscanf does")
    func eui() {
        RDataCheck.roundTrip(.eui48, "00-00-5e-00-53-2a")
        RDataCheck.roundTrip(.eui64, "00-00-5e-ef-10-00-00-2a")
        RDataCheck.roundTrip(.eui48, "00-00-5E-00-53-2A", rendered: "00-00-5e-00-53-2a")
        RDataCheck.roundTrip(.eui48, "0-0-5e-0-53-2a-ff", rendered: "00-00-5e-00-53-2a")
        RDataCheck.roundTrip(.eui48, "+0-0x-5e-0-53-2azz", rendered: "00-00-5e-00-53-2a")
        for bad in ["00:00:5e:00:53:2a", "00-00-5e-00-53", "+00-00-5e-00-53-2a", "000-00-5e-00-53-2a", "-1-00-5e-00-53-2a"] {
            RDataCheck.textRejected(.eui48, bad)
        }
        RDataCheck.wireRejected(.eui48, "00005E0053")
        RDataCheck.wireRejected(.eui64, "00005E0053")
    }
}
