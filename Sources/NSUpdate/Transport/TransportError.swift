#if canImport(Glibc)
import Glibc
#endif

/// Why an exchange got no answer, worded as BIND's `isc_result_totext` so the
/// `; Communication with ... failed:` lines read the same.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }

    public static let timedOut = TransportError("timed out")
    public static let connectionRefused = TransportError("connection refused")

    static func from(errno code: Int32) -> TransportError {
        switch code {
        case ECONNREFUSED: return .connectionRefused
        case ETIMEDOUT: return .timedOut
        case EHOSTUNREACH: return TransportError("host unreachable")
        case ENETUNREACH: return TransportError("network unreachable")
        case EADDRNOTAVAIL: return TransportError("address not available")
        case EADDRINUSE: return TransportError("address in use")
        case ECONNRESET: return TransportError("connection reset")
        case EAFNOSUPPORT: return TransportError("address family not supported")
        default: return TransportError(String(cString: strerror(code)))
        }
    }
}
