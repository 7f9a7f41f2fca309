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
