import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The raw-socket calls tests make with an IPv4 address given as text, so each test
/// does not build its own `sockaddr_in`.
public enum IPv4Socket {
    public static func address(_ host: String, _ port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        return address
    }

    /// Calls `body` with `host`:`port` as a `sockaddr` and its length.
    public static func withAddress<R>(_ host: String, _ port: UInt16, _ body: (UnsafePointer<sockaddr>, socklen_t) throws -> R) rethrows -> R {
        var address = address(host, port)
        return try withUnsafePointer(to: &address) {
            try $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }

    /// bind(2); 0 or -1.
    public static func bind(_ fd: Int32, _ host: String, _ port: UInt16) -> Int32 {
        withAddress(host, port) { Glibc.bind(fd, $0, $1) }
    }

    /// connect(2); 0 or -1.
    public static func connect(_ fd: Int32, _ host: String, _ port: UInt16) -> Int32 {
        withAddress(host, port) { Glibc.connect(fd, $0, $1) }
    }

    /// sendto(2); the octets sent or -1.
    public static func send(_ fd: Int32, _ bytes: [UInt8], to host: String, _ port: UInt16) -> Int {
        withAddress(host, port) { Glibc.sendto(fd, bytes, bytes.count, 0, $0, $1) }
    }

    /// The port a socket is bound to (after binding port 0).
    public static func localPort(_ fd: Int32) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }
}
