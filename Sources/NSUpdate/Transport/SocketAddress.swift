import DNSCore
#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 or IPv6 address and port: what `server`, `local`, resolv.conf's
/// `nameserver` lines and a zone's MNAME become before anything is sent.
public struct SocketAddress: Hashable, Sendable, CustomStringConvertible {
    public enum Host: Hashable, Sendable {
        case v4(IPv4Address)
        /// The scope ID matters only for link-local addresses (`fe80::1%eth0`).
        case v6(IPv6Address, scope: UInt32)
    }

    public var host: Host
    public var port: UInt16

    public init(_ host: Host, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// A numeric address, `192.0.2.1`, `2001:db8::1` or `fe80::1%2`; nil for a host name.
    public init?(literal text: String, port: UInt16) {
        let bytes = Array(text.utf8)
        if let v4 = IPv4Address(text: bytes) {
            self.init(.v4(v4), port: port)
            return
        }
        var addressPart = bytes[...]
        var scope: UInt32 = 0
        if let percent = bytes.firstIndex(of: UInt8(ascii: "%")) {
            addressPart = bytes[..<percent]
            let zone = String(decoding: bytes[(percent + 1)...], as: UTF8.self)
            if let number = UInt32(zone) {
                scope = number
            } else {
                scope = if_nametoindex(zone)
                guard scope != 0 else { return nil }
            }
        }
        guard let v6 = IPv6Address(text: addressPart) else { return nil }
        self.init(.v6(v6, scope: scope), port: port)
    }

    public var isIPv6: Bool {
        if case .v6 = host { return true }
        return false
    }

    public var family: Int32 { isIPv6 ? AF_INET6 : AF_INET }

    /// The address without the port, as BIND prints it.
    public var addressText: String {
        switch host {
        case .v4(let address):
            return address.bytes.map(String.init).joined(separator: ".")
        case .v6(let address, let scope):
            var storage = in6_addr()
            withUnsafeMutableBytes(of: &storage) { raw in
                for (index, byte) in address.bytes.enumerated() { raw[index] = byte }
            }
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            inet_ntop(AF_INET6, &storage, &buffer, socklen_t(buffer.count))
            let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return scope == 0 ? text : "\(text)%\(scope)"
        }
    }

    /// `isc_sockaddr_format`: `192.0.2.1#53`.
    public var description: String { "\(addressText)#\(port)" }

    /// Calls `body` with the address as a `sockaddr`.
    func withSockAddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R {
        switch host {
        case .v4(let address):
            var sin = sockaddr_in()
            sin.sin_family = sa_family_t(AF_INET)
            sin.sin_port = port.bigEndian
            sin.sin_addr.s_addr = address.value.bigEndian
            return withUnsafePointer(to: &sin) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        case .v6(let address, let scope):
            var sin6 = sockaddr_in6()
            sin6.sin6_family = sa_family_t(AF_INET6)
            sin6.sin6_port = port.bigEndian
            sin6.sin6_scope_id = scope
            withUnsafeMutableBytes(of: &sin6.sin6_addr) { raw in
                for (index, byte) in address.bytes.enumerated() { raw[index] = byte }
            }
            return withUnsafePointer(to: &sin6) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
    }

    /// Reads a `sockaddr_in` or `sockaddr_in6`; nil for any other family.
    init?(_ address: UnsafePointer<sockaddr>) {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            let sin = UnsafeRawPointer(address).loadUnaligned(as: sockaddr_in.self)
            self.init(.v4(IPv4Address(UInt32(bigEndian: sin.sin_addr.s_addr))), port: UInt16(bigEndian: sin.sin_port))
        case AF_INET6:
            let sin6 = UnsafeRawPointer(address).loadUnaligned(as: sockaddr_in6.self)
            let bytes = withUnsafeBytes(of: sin6.sin6_addr) { Array($0) }
            self.init(.v6(IPv6Address(bytes: bytes), scope: sin6.sin6_scope_id), port: UInt16(bigEndian: sin6.sin6_port))
        default:
            return nil
        }
    }
}
