#if canImport(Glibc)
import Glibc
#endif

/// Why a host name gave no address, in BIND's words (`isc_result_totext`).
public struct ResolveError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Turns a host name into addresses: `server NAME`, and an SOA's MNAME when nsupdate
/// finds the primary itself. A protocol so the session's tests need no resolver.
public protocol AddressResolving: Sendable {
    /// At most `limit` addresses, in the order the resolver gives them.
    func addresses(of host: String, port: UInt16, families: AddressFamilies, limit: Int) -> Result<[SocketAddress], ResolveError>
}

/// `isc_getaddresses`: a numeric address as it is, anything else through the system's
/// `getaddrinfo` (which is what BIND uses, so /etc/hosts and NSS apply).
public struct SystemResolver: AddressResolving {
    public init() {}

    public func addresses(of host: String, port: UInt16, families: AddressFamilies, limit: Int) -> Result<[SocketAddress], ResolveError> {
        if let literal = SocketAddress(literal: host, port: port) {
            guard families.allows(literal) else { return .failure(ResolveError("address family not supported")) }
            return .success([literal])
        }
        var hints = addrinfo()
        hints.ai_family = families.ipv4 && families.ipv6 ? AF_UNSPEC : (families.ipv6 ? AF_INET6 : AF_INET)
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else {
            switch status {
            case EAI_NONAME, EAI_FAIL: return .failure(ResolveError("not found"))
            case EAI_AGAIN: return .failure(ResolveError("timed out"))
            default: return .failure(ResolveError(String(cString: gai_strerror(status))))
            }
        }
        defer { freeaddrinfo(list) }
        var result: [SocketAddress] = []
        var cursor = list
        while let entry = cursor, result.count < limit {
            if let sockaddr = entry.pointee.ai_addr, var address = SocketAddress(sockaddr), families.allows(address) {
                address.port = port
                if !result.contains(address) { result.append(address) }
            }
            cursor = entry.pointee.ai_next
        }
        return result.isEmpty ? .failure(ResolveError("not found")) : .success(result)
    }
}
