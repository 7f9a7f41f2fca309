import Testing
@testable import DNSCore

@Suite("RDATA: certificates, fingerprints and opaque data")
struct RDataKeysAndDigestsTests {
    @Test("RFC 4398 §2: CERT with type and algorithm mnemonics, written back by name")
    func cert() {
        RDataCheck.roundTrip(.cert, "PKIX 0 0 AQID")
        RDataCheck.roundTrip(.cert, "1 65535 RSASHA256 AQID", rendered: "PKIX 65535 RSASHA256 AQID")
        RDataCheck.roundTrip(.cert, "uri 1 253 AQ==", rendered: "URI 1 PRIVATEDNS AQ==")
        RDataCheck.roundTrip(.cert, "9 1 9 AQID")
        RDataCheck.roundTrip(.cert, "IACPKIX 1 ED448 AQID")
        for bad in ["0x10 1 1 AQID", "65536 1 1 AQID", "1 1 1", "1 1 1 -", "1 1 256 AQID", "1 1 RSASHA1-NSEC3-SHA1 AQID"] {
            RDataCheck.textRejected(.cert, bad)
        }
        RDataCheck.wireRejected(.cert, "0001 0001 01")
    }

    @Test("RFC 4255 §3.3: SSHFP example; RFC 6594: SHA-256 fingerprints; lengths checked")
    func sshfp() {
        RDataCheck.roundTrip(.sshfp, "2 1 123456789abcdef67890123456789abcdef67890", rendered: "2 1 123456789ABCDEF67890123456789ABCDEF67890")
        RDataCheck.roundTrip(.sshfp, "4 2 \(String(repeating: "ab", count: 32))",
                             rendered: "4 2 \(String(repeating: "AB", count: 28)) \(String(repeating: "AB", count: 4))")
        RDataCheck.roundTrip(.sshfp, "1 0 1234")
        RDataCheck.roundTrip(.sshfp, "10 134")
        for bad in ["1 1 12", "1 1", "1 1 -", "RSA 1 12", "1 2 1234", "1 2"] { RDataCheck.textRejected(.sshfp, bad) }
        RDataCheck.wireRejected(.sshfp, "0101")
        RDataCheck.wireRejected(.sshfp, "01")
    }

    @Test("RFC 6698 §2.3: TLSA examples; RFC 8162: SMIMEA; numbers only")
    func tlsa() throws {
        let rdata = try #require(RDataCheck.roundTrip(.tlsa, "0 0 1 d2abde240d7cd3ee6b4b28c54df034b9 7983a1d16e8a410e4561cb106618e971",
                                                      rendered: "0 0 1 D2ABDE240D7CD3EE6B4B28C54DF034B97983A1D16E8A410E4561CB10 6618E971"))
        #expect(RDataCheck.wireHex(rdata) == "000001D2ABDE240D7CD3EE6B4B28C54DF034B97983A1D16E8A410E4561CB106618E971")
        RDataCheck.roundTrip(.tlsa, "1 1 2 92003ba34942dc74152e2f2c408d29eca5a520e7f2e06bb944f4dca346baf63c1b177615d466f6c4b71c216a50292bd58c9ebdd2f74e38fe51ffd48c43326cbc",
                             rendered: "1 1 2 92003BA34942DC74152E2F2C408D29ECA5A520E7F2E06BB944F4DCA3 46BAF63C1B177615D466F6C4B71C216A50292BD58C9EBDD2F74E38FE 51FFD48C43326CBC")
        RDataCheck.roundTrip(.smimea, "3 1 1 AABB")
        for bad in ["3 1 1 -", "3 1 1", "256 1 1 AA", "PKIX-TA 1 1 AA", "3 1 1 A"] { RDataCheck.textRejected(.tlsa, bad) }
        RDataCheck.wireRejected(.tlsa, "030101")
        RDataCheck.wireRejected(.smimea, "030101")
    }

    @Test("RFC 4701 §3.6: DHCID examples")
    func dhcid() {
        RDataCheck.roundTrip(.dhcid, "( AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA= )", rendered: "AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=")
        RDataCheck.roundTrip(.dhcid, "AAEBOSD+XR3Os/0LozeXVqcNc7FwCfQdWL3b/NaiUDlW2No=")
        RDataCheck.roundTrip(.dhcid, "AAABxLmlskllE0MVjd57zHcWmEH3pCQ6VytcKD//7es/deY=")
        RDataCheck.textRejected(.dhcid, "")
        RDataCheck.wireRejected(.dhcid, "")
    }

    @Test("RFC 7929 §2.3: OPENPGPKEY, and the other base64 types (HHIT, BRID)")
    func base64Types() {
        let long = String(repeating: "UVFR", count: 30)
        for type in [RRType.openpgpkey, HHIT.rrType, BRID.rrType] {
            RDataCheck.roundTrip(type, "AQ ID", rendered: "AQID")
            RDataCheck.roundTrip(type, long, rendered: "\(long.prefix(56)) \(long.dropFirst(56).prefix(56)) \(long.dropFirst(112))")
            RDataCheck.textRejected(type, "")
            RDataCheck.textRejected(type, "AQ=")
            RDataCheck.wireRejected(type, "")
        }
    }

    @Test("RFC 8976 §2: ZONEMD; digest at least 12 octets, SHA384 48 and SHA512 64")
    func zonemd() {
        let sha384 = "c68090d90a7aed716bc459f9340e3d7c1370d4d24b7e2fc3a1ddc0b9a87153b9a9713b3c9ae5cc27777f98b8e730044c"
        RDataCheck.roundTrip(.zonemd, "2018031900 1 1 ( c68090d90a7aed71 6bc459f9340e3d7c 1370d4d24b7e2fc3 a1ddc0b9a87153b9 a9713b3c9ae5cc27 777f98b8e730044c )",
                             rendered: "2018031900 1 1 \(sha384.uppercased().prefix(56)) \(sha384.uppercased().dropFirst(56))")
        RDataCheck.roundTrip(.zonemd, "1 0 240 FEBE3D4CE2EC2FFA4BA99D46")
        for bad in ["1 1 1 FEBE3D4CE2EC2FFA4BA99D46", "1 1 2 \(sha384)", "1 1 240 FEBE3D4CE2EC2FFA4BA99D", "1 SIMPLE 1 AA", "1h 1 240 AA"] {
            RDataCheck.textRejected(.zonemd, bad)
        }
        RDataCheck.wireRejected(.zonemd, "00000001 01 01 FEBE3D4CE2EC2FFA4BA99D46")
    }

    @Test("EID, NIMLOC (hex), ATMA (AESA hex or E.164), SINK, DOA")
    func opaqueFormats() {
        RDataCheck.roundTrip(.eid, "AB cd EF", rendered: "ABCDEF")
        RDataCheck.roundTrip(.nimloc, "32A0")
        RDataCheck.textRejected(.eid, "450")
        RDataCheck.wireRejected(.nimloc, "")
        RDataCheck.roundTrip(.atma, "+1234")
        RDataCheck.roundTrip(.atma, "3924.6F00", rendered: "39246f00")
        RDataCheck.roundTrip(.atma, "\\# 3 02 31 32", rendered: "\\# 3 023132")
        for bad in ["+12a", "+", "39246f0", "3924.6f0"] { RDataCheck.textRejected(.atma, bad) }
        RDataCheck.wireRejected(.atma, "01")
        RDataCheck.wireRejected(.atma, "01 3141")
        RDataCheck.roundTrip(.sink, "1 0 0")
        RDataCheck.roundTrip(.sink, "1 2 3 AQ ID", rendered: "1 2 3 AQID")
        RDataCheck.textRejected(.sink, "1 0")
        RDataCheck.roundTrip(.doa, "0 1 2 \"\" aGVsbG8=")
        RDataCheck.roundTrip(.doa, "4294967295 4294967295 255 x -", rendered: "4294967295 4294967295 255 \"x\" -")
        RDataCheck.textRejected(.doa, "0 1 2 \"\"")
        RDataCheck.wireRejected(.doa, "00000000 00000001 02")
    }
}
