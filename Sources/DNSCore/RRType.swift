/// A resource record TYPE code (RFC 1035 §3.2.2, IANA "Resource Record (RR) TYPEs").
/// A raw-value struct rather than an enum, so every 16-bit value is representable.
public struct RRType: RawRepresentable, Hashable, Sendable, Comparable {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static func < (a: RRType, b: RRType) -> Bool { a.rawValue < b.rawValue }

    public static let a = RRType(1)
    public static let ns = RRType(2)
    public static let md = RRType(3)
    public static let mf = RRType(4)
    public static let cname = RRType(5)
    public static let soa = RRType(6)
    public static let mb = RRType(7)
    public static let mg = RRType(8)
    public static let mr = RRType(9)
    public static let null = RRType(10)
    public static let wks = RRType(11)
    public static let ptr = RRType(12)
    public static let hinfo = RRType(13)
    public static let minfo = RRType(14)
    public static let mx = RRType(15)
    public static let txt = RRType(16)
    public static let rp = RRType(17)
    public static let afsdb = RRType(18)
    public static let x25 = RRType(19)
    public static let isdn = RRType(20)
    public static let rt = RRType(21)
    public static let nsap = RRType(22)
    public static let nsapPtr = RRType(23)
    public static let sig = RRType(24)
    public static let key = RRType(25)
    public static let px = RRType(26)
    public static let gpos = RRType(27)
    public static let aaaa = RRType(28)
    public static let loc = RRType(29)
    public static let nxt = RRType(30)
    public static let eid = RRType(31)
    public static let nimloc = RRType(32)
    public static let srv = RRType(33)
    public static let atma = RRType(34)
    public static let naptr = RRType(35)
    public static let kx = RRType(36)
    public static let cert = RRType(37)
    public static let a6 = RRType(38)
    public static let dname = RRType(39)
    public static let sink = RRType(40)
    public static let opt = RRType(41)
    public static let apl = RRType(42)
    public static let ds = RRType(43)
    public static let sshfp = RRType(44)
    public static let ipseckey = RRType(45)
    public static let rrsig = RRType(46)
    public static let nsec = RRType(47)
    public static let dnskey = RRType(48)
    public static let dhcid = RRType(49)
    public static let nsec3 = RRType(50)
    public static let nsec3param = RRType(51)
    public static let tlsa = RRType(52)
    public static let smimea = RRType(53)
    public static let hip = RRType(55)
    public static let ninfo = RRType(56)
    public static let rkey = RRType(57)
    public static let talink = RRType(58)
    public static let cds = RRType(59)
    public static let cdnskey = RRType(60)
    public static let openpgpkey = RRType(61)
    public static let csync = RRType(62)
    public static let zonemd = RRType(63)
    public static let svcb = RRType(64)
    public static let https = RRType(65)
    public static let dsync = RRType(66)
    public static let hhit = RRType(67)
    public static let brid = RRType(68)
    public static let spf = RRType(99)
    public static let uinfo = RRType(100)
    public static let uid = RRType(101)
    public static let gid = RRType(102)
    public static let unspec = RRType(103)
    public static let nid = RRType(104)
    public static let l32 = RRType(105)
    public static let l64 = RRType(106)
    public static let lp = RRType(107)
    public static let eui48 = RRType(108)
    public static let eui64 = RRType(109)
    public static let tkey = RRType(249)
    public static let tsig = RRType(250)
    public static let ixfr = RRType(251)
    public static let axfr = RRType(252)
    public static let mailb = RRType(253)
    public static let maila = RRType(254)
    public static let any = RRType(255)
    public static let uri = RRType(256)
    public static let caa = RRType(257)
    public static let avc = RRType(258)
    public static let doa = RRType(259)
    public static let amtrelay = RRType(260)
    public static let resinfo = RRType(261)
    public static let wallet = RRType(262)
    public static let ta = RRType(32768)
    public static let dlv = RRType(32769)

    /// Mnemonics as BIND prints them.
    static let mnemonics: [UInt16: String] = [
        1: "A", 2: "NS", 3: "MD", 4: "MF", 5: "CNAME", 6: "SOA", 7: "MB", 8: "MG", 9: "MR",
        10: "NULL", 11: "WKS", 12: "PTR", 13: "HINFO", 14: "MINFO", 15: "MX", 16: "TXT",
        17: "RP", 18: "AFSDB", 19: "X25", 20: "ISDN", 21: "RT", 22: "NSAP", 23: "NSAP-PTR",
        24: "SIG", 25: "KEY", 26: "PX", 27: "GPOS", 28: "AAAA", 29: "LOC", 30: "NXT",
        31: "EID", 32: "NIMLOC", 33: "SRV", 34: "ATMA", 35: "NAPTR", 36: "KX", 37: "CERT",
        38: "A6", 39: "DNAME", 40: "SINK", 41: "OPT", 42: "APL", 43: "DS", 44: "SSHFP",
        45: "IPSECKEY", 46: "RRSIG", 47: "NSEC", 48: "DNSKEY", 49: "DHCID", 50: "NSEC3",
        51: "NSEC3PARAM", 52: "TLSA", 53: "SMIMEA", 55: "HIP", 56: "NINFO", 57: "RKEY",
        58: "TALINK", 59: "CDS", 60: "CDNSKEY", 61: "OPENPGPKEY", 62: "CSYNC", 63: "ZONEMD",
        64: "SVCB", 65: "HTTPS", 66: "DSYNC", 67: "HHIT", 68: "BRID", 99: "SPF", 100: "UINFO", 101: "UID", 102: "GID",
        103: "UNSPEC", 104: "NID", 105: "L32", 106: "L64", 107: "LP", 108: "EUI48",
        109: "EUI64", 249: "TKEY", 250: "TSIG", 251: "IXFR", 252: "AXFR", 253: "MAILB",
        254: "MAILA", 255: "ANY", 256: "URI", 257: "CAA", 258: "AVC", 259: "DOA",
        260: "AMTRELAY", 261: "RESINFO", 262: "WALLET", 32768: "TA", 32769: "DLV",
    ]

    static let byMnemonic: [String: RRType] = {
        var table: [String: RRType] = [:]
        for (code, name) in mnemonics { table[name] = RRType(code) }
        return table
    }()

    /// Mnemonics packed into a UInt64 key (up to 8 upper-case ASCII bytes), so the
    /// zone parser finds a type without building a String for every record.
    static let byPackedMnemonic: [UInt64: RRType] = {
        var table: [UInt64: RRType] = [:]
        for (code, name) in mnemonics where name.utf8.count <= 8 {
            table[packMnemonic(name.utf8)!] = RRType(code)
        }
        return table
    }()

    /// The mnemonic, or nil for a type without one.
    public var mnemonic: String? { Self.mnemonics[rawValue] }

    /// Looks up a mnemonic or RFC 3597 `TYPEnnn`, ignoring case.
    @inlinable
    public init?(mnemonic text: some Collection<UInt8>) {
        guard !text.isEmpty, text.count <= 12 else { return nil }
        if let packed = packMnemonic(text) {
            // The types that make up nearly every zone, without a table lookup.
            switch packed {
            case 0x41: self = .a; return
            case 0x4141_4141: self = .aaaa; return
            case 0x4E53: self = .ns; return
            case 0x4D58: self = .mx; return
            case 0x545854: self = .txt; return
            case 0x505452: self = .ptr; return
            case 0x43_4E41_4D45: self = .cname; return
            case 0x535256: self = .srv; return
            case 0x534F41: self = .soa; return
            default:
                if let known = Self.lookup(packed: packed) {
                    self = known
                    return
                }
            }
        }
        self.init(genericMnemonic: Array(text))
    }

    @usableFromInline
    static func lookup(packed: UInt64) -> RRType? { byPackedMnemonic[packed] }

    @usableFromInline
    init?(genericMnemonic text: [UInt8]) {
        let upper = String(decoding: text.map { $0 &- 0x61 < 26 ? $0 - 0x20 : $0 }, as: UTF8.self)
        if let known = Self.byMnemonic[upper] {
            self = known
            return
        }
        guard let code = parseGenericMnemonic(upper, prefix: "TYPE") else { return nil }
        self.init(code)
    }

    public init?(mnemonic text: String) { self.init(mnemonic: Array(text.utf8)) }

    /// Meta-types and question-only types (RFC 6895 §3.1) never appear in zone data.
    public var isMetaType: Bool {
        (128...255).contains(rawValue) || self == .opt
    }
}

extension RRType: CustomStringConvertible {
    public var description: String { mnemonic ?? "TYPE\(rawValue)" }
}

/// Parses the digits after `TYPE` or `CLASS` in an RFC 3597 mnemonic.
func parseGenericMnemonic(_ upper: String, prefix: String) -> UInt16? {
    guard upper.hasPrefix(prefix) else { return nil }
    let digits = upper.utf8.dropFirst(prefix.utf8.count)
    guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0 &- 48 < 10 }) else { return nil }
    var value = 0
    for digit in digits { value = value * 10 + Int(digit - 48) }
    guard value <= Int(UInt16.max) else { return nil }
    return UInt16(value)
}

/// Packs up to eight bytes, upper-cased, into a UInt64; nil when longer.
@inlinable @inline(__always)
func packMnemonic(_ text: some Collection<UInt8>) -> UInt64? {
    guard text.count <= 8 else { return nil }
    var key: UInt64 = 0
    for byte in text {
        let upper = byte &- 0x61 < 26 ? byte - 0x20 : byte
        key = key << 8 | UInt64(upper)
    }
    return key
}
