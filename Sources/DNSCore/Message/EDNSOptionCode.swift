/// An EDNS option code (RFC 6891 §6.1.2, IANA "DNS EDNS0 Option Codes (OPT)").
/// A raw-value struct so every 16-bit code, assigned or not, can be carried.
public struct EDNSOptionCode: RawRepresentable, Hashable, Sendable, Comparable {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static func < (a: EDNSOptionCode, b: EDNSOptionCode) -> Bool { a.rawValue < b.rawValue }

    public static let llq = EDNSOptionCode(1)
    public static let updateLease = EDNSOptionCode(2)
    /// RFC 5001.
    public static let nsid = EDNSOptionCode(3)
    public static let dau = EDNSOptionCode(5)
    public static let dhu = EDNSOptionCode(6)
    public static let n3u = EDNSOptionCode(7)
    /// RFC 7871.
    public static let clientSubnet = EDNSOptionCode(8)
    /// RFC 7314.
    public static let expire = EDNSOptionCode(9)
    /// RFC 7873.
    public static let cookie = EDNSOptionCode(10)
    /// RFC 7828.
    public static let tcpKeepalive = EDNSOptionCode(11)
    /// RFC 7830.
    public static let padding = EDNSOptionCode(12)
    public static let chain = EDNSOptionCode(13)
    public static let keyTag = EDNSOptionCode(14)
    /// RFC 8914.
    public static let extendedDNSError = EDNSOptionCode(15)
    public static let clientTag = EDNSOptionCode(16)
    public static let serverTag = EDNSOptionCode(17)
    public static let reportChannel = EDNSOptionCode(18)
    public static let zoneVersion = EDNSOptionCode(19)
}

extension EDNSOptionCode: CustomStringConvertible {
    public var description: String {
        switch rawValue {
        case 1: return "LLQ"
        case 2: return "UPDATE-LEASE"
        case 3: return "NSID"
        case 5: return "DAU"
        case 6: return "DHU"
        case 7: return "N3U"
        case 8: return "CLIENT-SUBNET"
        case 9: return "EXPIRE"
        case 10: return "COOKIE"
        case 11: return "TCP-KEEPALIVE"
        case 12: return "PADDING"
        case 13: return "CHAIN"
        case 14: return "KEY-TAG"
        case 15: return "EDE"
        case 16: return "CLIENT-TAG"
        case 17: return "SERVER-TAG"
        case 18: return "REPORT-CHANNEL"
        case 19: return "ZONEVERSION"
        default: return "OPT=\(rawValue)"
        }
    }
}
