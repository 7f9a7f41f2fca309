import DNSCore

/// Why a SOA query or a zone transfer did not produce a usable answer. The kind says
/// what the refresh logic does next (another primary, a retry, a full transfer); the
/// reason is for the log.
public struct TransferError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No connection, a reset, or the stream ended before the transfer did.
        case network
        case timeout
        /// The primary answered with an error code (REFUSED, NOTAUTH…).
        case refused
        /// The answer does not make sense: wrong ID or question, a record outside the
        /// zone, difference sequences out of order.
        case malformed
        /// A missing, wrong or unverifiable TSIG.
        case tsig
        /// Over the record or byte limit.
        case tooLarge
        /// The server refused our EDNS query (FORMERR, NOTIMP, BADVERS): ask without.
        case ednsRefused
    }

    public var kind: Kind
    public var reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { reason }

    /// A TSIG error code by its RFC 8945 name: code 16 is BADSIG in a TSIG record,
    /// not the BADVERS it means in an OPT record.
    static func tsigName(_ code: RCode) -> String {
        switch code.rawValue {
        case 16: return "BADSIG"
        case 17: return "BADKEY"
        case 18: return "BADTIME"
        case 22: return "BADTRUNC"
        default: return "\(code)"
        }
    }
}
