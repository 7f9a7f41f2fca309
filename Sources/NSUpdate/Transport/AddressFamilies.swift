#if canImport(Glibc)
import Glibc
#endif

/// Which address families nsupdate may use (`-4`, `-6`, or what the host has).
public struct AddressFamilies: Hashable, Sendable {
    public var ipv4: Bool
    public var ipv6: Bool

    public init(ipv4: Bool, ipv6: Bool) {
        self.ipv4 = ipv4
        self.ipv6 = ipv6
    }

    public static let both = AddressFamilies(ipv4: true, ipv6: true)

    public func allows(_ address: SocketAddress) -> Bool { address.isIPv6 ? ipv6 : ipv4 }

    /// What the host can open sockets for, as BIND's `isc_net_probeipv4/6` finds out.
    public static func probe() -> AddressFamilies {
        func works(_ family: Int32) -> Bool {
            let fd = socket(family, Int32(SOCK_DGRAM.rawValue), 0)
            guard fd >= 0 else { return false }
            close(fd)
            return true
        }
        return AddressFamilies(ipv4: works(AF_INET), ipv6: works(AF_INET6))
    }
}
