import CDNSSystem
import Glibc
import NIOConcurrencyHelpers
import NIOCore

/// A bound UDP socket in blocking mode, read and written with plain system calls by
/// `UDPServeLoop`. Answers made off the loop (by a task) go out through `send`, which
/// may be called from any thread; after `close` it sends nothing, so a late answer can
/// never land on a descriptor number the process has since reused.
final class UDPSocket: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ call: String, _ address: SocketAddress, errno code: Int32) {
            description = "\(call) on \(address) (udp): \(String(cString: strerror(code)))"
        }
    }

    private let descriptor: Int32
    let localAddress: SocketAddress
    /// Bound to the wildcard address: each datagram's destination is read from packet
    /// info and the answer sent from it. Otherwise, on a host with several addresses,
    /// an answer to a query sent to one of them would leave from whichever address
    /// the route to the client prefers, and the client would drop it.
    let answersFromDestination: Bool
    /// Guards `descriptor` against use after close (the loop's own reads and writes
    /// happen before it closes, so they do not take it).
    private let closed = NIOLockedValueBox(false)

    var fd: Int32 { descriptor }

    /// Opens, configures and binds. `receiveBufferSize` is capped by the kernel at
    /// net.core.rmem_max.
    init(binding address: SocketAddress, reusePort: Bool, receiveBufferSize: Int) throws {
        let family: Int32
        switch address {
        case .v4: family = AF_INET
        case .v6: family = AF_INET6
        default: throw Failure("socket", address, errno: EAFNOSUPPORT)
        }
        let fd = socket(family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket", address, errno: errno) }
        func option(_ level: Int32, _ name: Int32, _ value: Int32) throws {
            var value = value
            guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
                let code = errno
                Glibc.close(fd)
                throw Failure("setsockopt", address, errno: code)
            }
        }
        try option(SOL_SOCKET, SO_REUSEADDR, 1)
        if reusePort { try option(SOL_SOCKET, SO_REUSEPORT, 1) }
        // A deeper receive queue rides out a burst while the loop is busy answering
        // (dnsperf lost 6-33 queries per 10 s run with the default; none with this).
        try option(SOL_SOCKET, SO_RCVBUF, Int32(receiveBufferSize))
        // A blocked read wakes at least this often, so a stop is never missed even if
        // the shutdown wake-up were lost.
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bound = address.withSockAddr { pointer, length in bind(fd, pointer, socklen_t(length)) }
        guard bound == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Failure("bind", address, errno: code)
        }
        let wildcard: Bool
        switch address {
        case .v4(let v4): wildcard = v4.address.sin_addr.s_addr == 0
        case .v6(let v6): wildcard = withUnsafeBytes(of: v6.address.sin6_addr) { $0.allSatisfy { $0 == 0 } }
        default: wildcard = false
        }
        if wildcard {
            guard cdns_enable_pktinfo(fd, family) == 0 else {
                let code = errno
                Glibc.close(fd)
                throw Failure("setsockopt(pktinfo)", address, errno: code)
            }
        }
        answersFromDestination = wildcard
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        descriptor = fd
        localAddress = Self.address(storage) ?? address
    }

    /// Sends one datagram, with `control` (packet info from `cdns_reply_pktinfo`) when
    /// given; errors (a full queue, an unreachable client) lose it, as a lost datagram
    /// would be anyway.
    func send(_ bytes: [UInt8], to address: SocketAddress, control: [UInt8] = []) {
        var bytes = bytes
        var control = control
        closed.withLockedValue { closed in
            guard !closed else { return }
            address.withSockAddr { pointer, length in
                bytes.withUnsafeMutableBytes { payload in
                    control.withUnsafeMutableBytes { control in
                        var vector = iovec(iov_base: payload.baseAddress, iov_len: payload.count)
                        withUnsafeMutablePointer(to: &vector) { vector in
                            var message = msghdr()
                            message.msg_name = UnsafeMutableRawPointer(mutating: pointer)
                            message.msg_namelen = socklen_t(length)
                            message.msg_iov = vector
                            message.msg_iovlen = 1
                            message.msg_control = control.isEmpty ? nil : control.baseAddress
                            message.msg_controllen = control.count
                            _ = sendmsg(descriptor, &message, 0)
                        }
                    }
                }
            }
        }
    }

    /// Wakes a thread blocked reading: the read returns with nothing.
    func shutdownReads() {
        closed.withLockedValue { closed in
            if !closed { _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR)) }
        }
    }

    func close() {
        closed.withLockedValue { closed in
            guard !closed else { return }
            closed = true
            _ = Glibc.close(descriptor)
        }
    }

    /// The NIO address for a sender's `sockaddr_storage` (IPv4 or IPv6).
    static func address(_ storage: sockaddr_storage) -> SocketAddress? {
        var storage = storage
        return withUnsafePointer(to: &storage) { pointer -> SocketAddress? in
            switch Int32(pointer.pointee.ss_family) {
            case AF_INET:
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { SocketAddress($0.pointee) }
            case AF_INET6:
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { SocketAddress($0.pointee) }
            default:
                return nil
            }
        }
    }
}
