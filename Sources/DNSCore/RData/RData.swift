/// The RDATA of a resource record: a typed value for every type with a codec, and the
/// RFC 3597 opaque form for every other type.
///
/// Adding a type: write its `RDataFormat` struct in its own file, add its case here,
/// and list it in `formats` and in `format` below.
public enum RData: Hashable, Sendable {
    case a(A)
    case ns(NS)
    case md(MD)
    case mf(MF)
    case cname(CNAME)
    case soa(SOA)
    case mb(MB)
    case mg(MG)
    case mr(MR)
    case null(NULL)
    case wks(WKS)
    case ptr(PTR)
    case hinfo(HINFO)
    case minfo(MINFO)
    case mx(MX)
    case txt(TXT)
    case rp(RP)
    case afsdb(AFSDB)
    case x25(X25)
    case isdn(ISDN)
    case rt(RT)
    case nsap(NSAP)
    case nsapPtr(NSAPPTR)
    case sig(SIG)
    case key(KEY)
    case px(PX)
    case gpos(GPOS)
    case aaaa(AAAA)
    case loc(LOC)
    case nxt(NXT)
    case eid(EID)
    case nimloc(NIMLOC)
    case srv(SRV)
    case atma(ATMA)
    case naptr(NAPTR)
    case kx(KX)
    case cert(CERT)
    case a6(A6)
    case dname(DNAME)
    case sink(SINK)
    case apl(APL)
    case ds(DS)
    case sshfp(SSHFP)
    case ipseckey(IPSECKEY)
    case rrsig(RRSIG)
    case nsec(NSEC)
    case dnskey(DNSKEY)
    case dhcid(DHCID)
    case nsec3(NSEC3)
    case nsec3param(NSEC3PARAM)
    case tlsa(TLSA)
    case smimea(SMIMEA)
    case hip(HIP)
    case ninfo(NINFO)
    case rkey(RKEY)
    case talink(TALINK)
    case cds(CDS)
    case cdnskey(CDNSKEY)
    case openpgpkey(OPENPGPKEY)
    case csync(CSYNC)
    case zonemd(ZONEMD)
    case svcb(SVCB)
    case https(HTTPS)
    case dsync(DSYNC)
    case hhit(HHIT)
    case brid(BRID)
    case spf(SPF)
    case uinfo(UINFO)
    case uid(UID)
    case gid(GID)
    case unspec(UNSPEC)
    case nid(NID)
    case l32(L32)
    case l64(L64)
    case lp(LP)
    case eui48(EUI48)
    case eui64(EUI64)
    case uri(URI)
    case caa(CAA)
    case avc(AVC)
    case doa(DOA)
    case amtrelay(AMTRELAY)
    case resinfo(RESINFO)
    case wallet(WALLET)
    case ta(TA)
    case dlv(DLV)
    case unknown(UnknownRData)

    /// Every type with a codec, by TYPE code.
    static let formats: [UInt16: any RDataFormat.Type] = {
        let all: [any RDataFormat.Type] = [
            A.self, NS.self, MD.self, MF.self, CNAME.self, SOA.self, MB.self, MG.self, MR.self,
            NULL.self, WKS.self, PTR.self, HINFO.self, MINFO.self, MX.self, TXT.self, RP.self,
            AFSDB.self, X25.self, ISDN.self, RT.self, NSAP.self, NSAPPTR.self, SIG.self, KEY.self,
            PX.self, GPOS.self, AAAA.self, LOC.self, NXT.self, EID.self, NIMLOC.self, SRV.self,
            ATMA.self, NAPTR.self, KX.self, CERT.self, A6.self, DNAME.self, SINK.self, APL.self,
            DS.self, SSHFP.self, IPSECKEY.self, RRSIG.self, NSEC.self, DNSKEY.self, DHCID.self,
            NSEC3.self, NSEC3PARAM.self, TLSA.self, SMIMEA.self, HIP.self, NINFO.self, RKEY.self,
            TALINK.self, CDS.self, CDNSKEY.self, OPENPGPKEY.self, CSYNC.self, ZONEMD.self,
            SVCB.self, HTTPS.self, DSYNC.self, HHIT.self, BRID.self, SPF.self, UINFO.self,
            UID.self, GID.self, UNSPEC.self, NID.self, L32.self, L64.self, LP.self, EUI48.self,
            EUI64.self, URI.self, CAA.self, AVC.self, DOA.self, AMTRELAY.self, RESINFO.self,
            WALLET.self, TA.self, DLV.self,
        ]
        var table: [UInt16: any RDataFormat.Type] = [:]
        for format in all { table[format.rrType.rawValue] = format }
        return table
    }()

    /// The codec value inside, or nil for opaque RDATA.
    public var format: (any RDataFormat)? {
        switch self {
        case .a(let v): return v
        case .ns(let v): return v
        case .md(let v): return v
        case .mf(let v): return v
        case .cname(let v): return v
        case .soa(let v): return v
        case .mb(let v): return v
        case .mg(let v): return v
        case .mr(let v): return v
        case .null(let v): return v
        case .wks(let v): return v
        case .ptr(let v): return v
        case .hinfo(let v): return v
        case .minfo(let v): return v
        case .mx(let v): return v
        case .txt(let v): return v
        case .rp(let v): return v
        case .afsdb(let v): return v
        case .x25(let v): return v
        case .isdn(let v): return v
        case .rt(let v): return v
        case .nsap(let v): return v
        case .nsapPtr(let v): return v
        case .sig(let v): return v
        case .key(let v): return v
        case .px(let v): return v
        case .gpos(let v): return v
        case .aaaa(let v): return v
        case .loc(let v): return v
        case .nxt(let v): return v
        case .eid(let v): return v
        case .nimloc(let v): return v
        case .srv(let v): return v
        case .atma(let v): return v
        case .naptr(let v): return v
        case .kx(let v): return v
        case .cert(let v): return v
        case .a6(let v): return v
        case .dname(let v): return v
        case .sink(let v): return v
        case .apl(let v): return v
        case .ds(let v): return v
        case .sshfp(let v): return v
        case .ipseckey(let v): return v
        case .rrsig(let v): return v
        case .nsec(let v): return v
        case .dnskey(let v): return v
        case .dhcid(let v): return v
        case .nsec3(let v): return v
        case .nsec3param(let v): return v
        case .tlsa(let v): return v
        case .smimea(let v): return v
        case .hip(let v): return v
        case .ninfo(let v): return v
        case .rkey(let v): return v
        case .talink(let v): return v
        case .cds(let v): return v
        case .cdnskey(let v): return v
        case .openpgpkey(let v): return v
        case .csync(let v): return v
        case .zonemd(let v): return v
        case .svcb(let v): return v
        case .https(let v): return v
        case .dsync(let v): return v
        case .hhit(let v): return v
        case .brid(let v): return v
        case .spf(let v): return v
        case .uinfo(let v): return v
        case .uid(let v): return v
        case .gid(let v): return v
        case .unspec(let v): return v
        case .nid(let v): return v
        case .l32(let v): return v
        case .l64(let v): return v
        case .lp(let v): return v
        case .eui48(let v): return v
        case .eui64(let v): return v
        case .uri(let v): return v
        case .caa(let v): return v
        case .avc(let v): return v
        case .doa(let v): return v
        case .amtrelay(let v): return v
        case .resinfo(let v): return v
        case .wallet(let v): return v
        case .ta(let v): return v
        case .dlv(let v): return v
        case .unknown: return nil
        }
    }

    public var rrType: RRType {
        if case .unknown(let unknown) = self { return unknown.type }
        return type(of: format!).rrType
    }

    /// True when `type` has a typed codec here.
    public static func hasCodec(for type: RRType) -> Bool { formats[type.rawValue] != nil }

    /// The names this RDATA points at that a server may need to look up for the
    /// additional section, and that integrity checks follow (NS, MX, SRV... targets).
    public var targetName: DomainName? {
        switch self {
        case .ns(let v): return v.target
        case .cname(let v): return v.target
        case .dname(let v): return v.target
        case .ptr(let v): return v.target
        case .mx(let v): return v.exchange
        case .srv(let v): return v.target
        case .kx(let v): return v.exchange
        case .afsdb(let v): return v.exchange
        case .rt(let v): return v.exchange
        case .lp(let v): return v.exchange
        case .naptr(let v): return v.replacement.isRoot ? nil : v.replacement
        // "." in service form means the owner itself (RFC 9460 §2.5.2).
        case .svcb(let v): return v.target.isRoot ? nil : v.target
        case .https(let v): return v.target.isRoot ? nil : v.target
        case .ipseckey(let v):
            if case .name(let name) = v.gateway { return name }
            return nil
        case .amtrelay(let v):
            if case .name(let name) = v.relay { return name }
            return nil
        default: return nil
        }
    }
}
