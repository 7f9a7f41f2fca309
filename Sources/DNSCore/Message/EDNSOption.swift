/// One option of an OPT record (RFC 6891 §6.1.2): a code and opaque data.
///
/// Options are kept raw and in the order received, known or not, so a message
/// re-encodes to the same bytes and a forwarder passes on what it does not understand.
/// The typed helpers below read and build the ones we use.
public struct EDNSOption: Hashable, Sendable {
    public var code: EDNSOptionCode
    public var data: [UInt8]

    public init(code: EDNSOptionCode, data: [UInt8] = []) {
        self.code = code
        self.data = data
    }

    /// Code and length take four octets before the data.
    public var wireLength: Int { 4 + data.count }
}

extension EDNSOption {
    /// NSID (RFC 5001 §2.1): empty in a query (a request for the server's identifier),
    /// the identifier in a response.
    public static func nsid(_ identifier: [UInt8] = []) -> EDNSOption {
        EDNSOption(code: .nsid, data: identifier)
    }

    /// EDNS EXPIRE (RFC 7314 §2): empty in a query, the seconds left before the zone
    /// expires in a response.
    public static func expire(_ seconds: UInt32? = nil) -> EDNSOption {
        guard let seconds else { return EDNSOption(code: .expire) }
        return EDNSOption(code: .expire, data: [
            UInt8(seconds >> 24), UInt8(truncatingIfNeeded: seconds >> 16),
            UInt8(truncatingIfNeeded: seconds >> 8), UInt8(truncatingIfNeeded: seconds),
        ])
    }

    /// COOKIE (RFC 7873 §4): the 8-octet client cookie, followed in responses and later
    /// queries by an 8 to 32-octet server cookie. Kept raw: checking a server cookie
    /// needs the server's secret, which the codec does not have.
    public static func cookie(_ bytes: [UInt8]) -> EDNSOption {
        EDNSOption(code: .cookie, data: bytes)
    }

    /// Extended DNS Error (RFC 8914 §2).
    public static func extendedDNSError(_ error: ExtendedDNSError) -> EDNSOption {
        error.option
    }

    /// The EXPIRE seconds when this is a 4-octet EXPIRE option, else nil.
    public var expireSeconds: UInt32? {
        guard code == .expire, data.count == 4 else { return nil }
        return UInt32(data[0]) << 24 | UInt32(data[1]) << 16 | UInt32(data[2]) << 8 | UInt32(data[3])
    }
}

extension EDNSOption {
    /// Why a known option's data is malformed, or nil. The rules are BIND 9.18's, which
    /// follow the RFCs: LLQ is 18 octets (RFC 8764 §6.1); CLIENT-SUBNET's address fits
    /// its family and source prefix with the bits past the prefix zero (RFC 7871 §6);
    /// EXPIRE is empty or 4 octets (RFC 7314 §2); COOKIE is 8, or 16 to 40 octets
    /// (RFC 7873 §4); KEY-TAG is a non-empty list of 16-bit tags (RFC 8145 §4.1); EDE
    /// has its INFO-CODE and UTF-8 text without a byte order mark (RFC 8914 §2);
    /// CLIENT-TAG and SERVER-TAG are 2 octets. Other options are opaque.
    public var formatProblem: String? {
        switch code {
        case .llq:
            return data.count == 18 ? nil : "must be 18 octets, not \(data.count)"
        case .clientSubnet:
            return Self.clientSubnetProblem(data)
        case .expire:
            return data.count == 0 || data.count == 4 ? nil : "must be empty or 4 octets, not \(data.count)"
        case .cookie:
            return data.count == 8 || (16...40).contains(data.count) ? nil : "must be 8 or 16 to 40 octets, not \(data.count)"
        case .keyTag:
            return !data.isEmpty && data.count % 2 == 0 ? nil : "must hold whole 16-bit key tags, not \(data.count) octets"
        case .extendedDNSError:
            guard data.count >= 2 else { return "needs a 2-octet INFO-CODE, found \(data.count) octets" }
            let text = data[2...]
            if text.starts(with: [0xEF, 0xBB, 0xBF]) { return "EXTRA-TEXT starts with a byte order mark" }
            var iterator = text.makeIterator()
            var decoder = UTF8()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: return nil
                case .error: return "EXTRA-TEXT is not UTF-8"
                }
            }
        case .clientTag, .serverTag:
            return data.count == 2 ? nil : "must be 2 octets, not \(data.count)"
        default:
            return nil
        }
    }

    static func clientSubnetProblem(_ data: [UInt8]) -> String? {
        guard data.count >= 4 else { return "needs FAMILY and prefix lengths, found \(data.count) octets" }
        let family = UInt16(data[0]) << 8 | UInt16(data[1])
        let source = Int(data[2])
        let scope = Int(data[3])
        switch family {
        case 0:
            guard source == 0, scope == 0 else { return "family 0 with non-zero prefix lengths" }
        case 1:
            guard source <= 32, scope <= 32 else { return "IPv4 prefix length over 32" }
        case 2:
            guard source <= 128, scope <= 128 else { return "IPv6 prefix length over 128" }
        default:
            return "unknown address family \(family)"
        }
        let addressLength = (source + 7) / 8
        guard data.count == 4 + addressLength else {
            return "source prefix /\(source) needs \(addressLength) address octets, found \(data.count - 4)"
        }
        if addressLength > 0, source % 8 != 0 {
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - source % 8))
            guard data[3 + addressLength] & ~mask == 0 else { return "address bits set past the source prefix" }
        }
        return nil
    }
}
