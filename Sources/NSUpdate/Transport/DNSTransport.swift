#if canImport(Glibc)
import Glibc
#endif

/// One request, one response, over blocking sockets: UDP with BIND's retry interval and
/// count, or TCP with the two-octet length framing (RFC 1035 §4.2.2). A CLI sends a
/// handful of messages, so a thread blocked in `poll` is the simplest honest design.
public enum DNSTransport {
    /// Sends `request` to `server` and returns the first response whose ID matches.
    public static func exchange(
        _ request: [UInt8], with server: SocketAddress, from local: SocketAddress? = nil,
        tcp: Bool, timeouts: TransportTimeouts
    ) throws(TransportError) -> [UInt8] {
        precondition(request.count >= 2, "a DNS message has a header")
        let deadline = timeouts.total.map { Clock.now + Double($0) }
        return tcp
            ? try exchangeTCP(request, server: server, local: local, deadline: deadline)
            : try exchangeUDP(request, server: server, local: local, timeouts: timeouts, deadline: deadline)
    }

    private static func openSocket(_ type: Int32, server: SocketAddress, local: SocketAddress?) throws(TransportError) -> Int32 {
        let fd = socket(server.family, type | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .from(errno: errno) }
        if let local {
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            let bound = local.withSockAddr { bind(fd, $0, $1) }
            if bound != 0 {
                let code = errno
                close(fd)
                throw .from(errno: code)
            }
        }
        return fd
    }

    private static func exchangeUDP(
        _ request: [UInt8], server: SocketAddress, local: SocketAddress?, timeouts: TransportTimeouts, deadline: Double?
    ) throws(TransportError) -> [UInt8] {
        let fd = try openSocket(Int32(SOCK_DGRAM.rawValue), server: server, local: local)
        defer { close(fd) }
        // Connected, so an ICMP port unreachable comes back as ECONNREFUSED and only the
        // server's datagrams are delivered.
        guard server.withSockAddr({ connect(fd, $0, $1) }) == 0 else { throw .from(errno: errno) }
        let interval = Double(timeouts.effectiveUDPInterval)
        let tries = Int(min(timeouts.udpRetries, 1000)) + 1
        var buffer = [UInt8](repeating: 0, count: 65535)
        for _ in 0..<tries {
            let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard sent == request.count else { throw .from(errno: errno) }
            var tryDeadline = Clock.now + interval
            if let deadline { tryDeadline = min(tryDeadline, deadline) }
            while true {
                guard try waitReadable(fd, until: tryDeadline) else { break }
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    throw .from(errno: errno)
                }
                // A stray or late datagram for an earlier ID is not the answer.
                if count >= 2 && buffer[0] == request[0] && buffer[1] == request[1] {
                    return Array(buffer[0..<count])
                }
            }
            if let deadline, Clock.now >= deadline { break }
        }
        throw .timedOut
    }

    private static func exchangeTCP(
        _ request: [UInt8], server: SocketAddress, local: SocketAddress?, deadline: Double?
    ) throws(TransportError) -> [UInt8] {
        guard request.count <= 0xFFFF else { throw TransportError("message too large") }
        let fd = try openSocket(Int32(SOCK_STREAM.rawValue), server: server, local: local)
        defer { close(fd) }
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        if server.withSockAddr({ connect(fd, $0, $1) }) != 0 {
            guard errno == EINPROGRESS else { throw .from(errno: errno) }
            guard try waitWritable(fd, until: deadline) else { throw .timedOut }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { throw .from(errno: error) }
        }
        let framed = [UInt8(request.count >> 8), UInt8(truncatingIfNeeded: request.count)] + request
        var offset = 0
        while offset < framed.count {
            guard try waitWritable(fd, until: deadline) else { throw .timedOut }
            let sent = framed.withUnsafeBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .from(errno: errno)
            }
            offset += sent
        }
        let header = try readExactly(fd, 2, until: deadline)
        return try readExactly(fd, Int(header[0]) << 8 | Int(header[1]), until: deadline)
    }

    private static func readExactly(_ fd: Int32, _ count: Int, until deadline: Double?) throws(TransportError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            guard try waitReadable(fd, until: deadline) else { throw .timedOut }
            let n = out.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + got, count - got, 0) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .from(errno: errno)
            }
            guard n > 0 else { throw TransportError("end of file") }
            got += n
        }
        return out
    }

    private static func waitReadable(_ fd: Int32, until deadline: Double?) throws(TransportError) -> Bool {
        try wait(fd, events: Int16(POLLIN), until: deadline)
    }

    private static func waitWritable(_ fd: Int32, until deadline: Double?) throws(TransportError) -> Bool {
        try wait(fd, events: Int16(POLLOUT), until: deadline)
    }

    /// True when `fd` is ready, false at the deadline; poll errors other than EINTR
    /// are errors of the exchange.
    private static func wait(_ fd: Int32, events: Int16, until deadline: Double?) throws(TransportError) -> Bool {
        while true {
            var milliseconds: Int32 = -1
            if let deadline {
                let remaining = deadline - Clock.now
                if remaining <= 0 { return false }
                milliseconds = Int32(min(remaining * 1000, Double(Int32.max)).rounded(.up))
            }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .from(errno: errno)
            }
            if ready == 0 { continue }
            return true
        }
    }
}
