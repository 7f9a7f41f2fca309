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
    case ptr(PTR)
    case hinfo(HINFO)
    case mx(MX)
    case txt(TXT)
    case afsdb(AFSDB)
    case rt(RT)
    case aaaa(AAAA)
    case srv(SRV)
    case kx(KX)
    case dname(DNAME)
    case ninfo(NINFO)
    case spf(SPF)
    case avc(AVC)
    case resinfo(RESINFO)
    case unknown(UnknownRData)

    /// Every type with a codec, by TYPE code.
    static let formats: [UInt16: any RDataFormat.Type] = {
        let all: [any RDataFormat.Type] = [
            A.self, NS.self, MD.self, MF.self, CNAME.self, SOA.self, MB.self, MG.self, MR.self,
            PTR.self, HINFO.self, MX.self, TXT.self, AFSDB.self, RT.self, AAAA.self, SRV.self,
            KX.self, DNAME.self, NINFO.self, SPF.self, AVC.self, RESINFO.self,
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
        case .ptr(let v): return v
        case .hinfo(let v): return v
        case .mx(let v): return v
        case .txt(let v): return v
        case .afsdb(let v): return v
        case .rt(let v): return v
        case .aaaa(let v): return v
        case .srv(let v): return v
        case .kx(let v): return v
        case .dname(let v): return v
        case .ninfo(let v): return v
        case .spf(let v): return v
        case .avc(let v): return v
        case .resinfo(let v): return v
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
        default: return nil
        }
    }
}
