import DNSCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal blocking DNS client for tests: one query over UDP or TCP, with a timeout.
public enum DNSProbe {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Sends `query` (already encoded) and returns the response bytes.
    public static func exchange(_ query: [UInt8], server: String = "127.0.0.1", port: UInt16, tcp: Bool = false,
                                timeout: TimeInterval = 2) throws -> [UInt8] {
        let fd = try connectedSocket(server: server, port: port, tcp: tcp, timeout: timeout)
        defer { close(fd) }
        if tcp {
            let framed = [UInt8(query.count >> 8), UInt8(truncatingIfNeeded: query.count)] + query
            guard send(fd, framed, framed.count, 0) == framed.count else { throw Failure(description: "send failed") }
            let header = try readExactly(fd, 2)
            return try readExactly(fd, Int(header[0]) << 8 | Int(header[1]))
        }
        guard send(fd, query, query.count, 0) == query.count else { throw Failure(description: "send failed") }
        var buffer = [UInt8](repeating: 0, count: 65535)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count > 0 else { throw Failure(description: "no answer from \(server):\(port)") }
        return Array(buffer[0..<count])
    }

    /// A socket connected to `server:port` with send and receive timeouts; the caller closes it.
    static func connectedSocket(server: String, port: UInt16, tcp: Bool, timeout: TimeInterval) throws -> Int32 {
        let fd = socket(AF_INET, Int32(tcp ? SOCK_STREAM.rawValue : SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        guard IPv4Socket.connect(fd, server, port) == 0 else {
            let error = errno
            close(fd)
            throw Failure(description: "connect to \(server):\(port) failed: errno \(error)")
        }
        return fd
    }

    static func readExactly(_ fd: Int32, _ count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = out.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + got, count - got, 0) }
            guard n > 0 else { throw Failure(description: "connection closed after \(got) of \(count) bytes") }
            got += n
        }
        return out
    }

    /// Queries `name`/`type` and decodes the answer.
    public static func query(_ name: DomainName, _ type: RRType, server: String = "127.0.0.1", port: UInt16,
                             tcp: Bool = false, timeout: TimeInterval = 2) throws -> Message {
        var message = Message(header: MessageHeader(id: UInt16.random(in: 1...0xFFFF)), questions: [Question(name: name, type: type)])
        message.header.recursionDesired = false
        return try Message(wire: exchange(message.encode(), server: server, port: port, tcp: tcp, timeout: timeout))
    }

    /// Transfers `zone` (AXFR over TCP) and returns its records in the order sent, the
    /// closing SOA left out. Reads messages until the second SOA, at most 10 000.
    public static func axfr(_ zone: DomainName, server: String = "127.0.0.1", port: UInt16,
                            timeout: TimeInterval = 5) throws -> [ResourceRecord] {
        let fd = try connectedSocket(server: server, port: port, tcp: true, timeout: timeout)
        defer { close(fd) }
        let query = Message(header: MessageHeader(id: UInt16.random(in: 1...0xFFFF)), questions: [Question(name: zone, type: .axfr)]).encode()
        let framed = [UInt8(query.count >> 8), UInt8(truncatingIfNeeded: query.count)] + query
        guard send(fd, framed, framed.count, 0) == framed.count else { throw Failure(description: "send failed") }
        var records: [ResourceRecord] = []
        var soaCount = 0
        for _ in 0..<10_000 {
            let header = try readExactly(fd, 2)
            let message = try Message(wire: readExactly(fd, Int(header[0]) << 8 | Int(header[1])))
            guard message.header.rcode == .noError else { throw Failure(description: "AXFR of \(zone): \(message.header.rcode)") }
            for record in message.answers {
                if record.type == .soa {
                    soaCount += 1
                    if soaCount == 2 { return records }
                }
                records.append(record)
            }
        }
        throw Failure(description: "AXFR of \(zone) did not end")
    }

    /// The SOA serial `server` answers for `zone`, or nil when it does not answer.
    public static func serial(of zone: DomainName, server: String = "127.0.0.1", port: UInt16) -> UInt32? {
        guard let answer = try? query(zone, .soa, server: server, port: port, timeout: 0.5),
              answer.header.rcode == .noError else { return nil }
        for record in answer.answers { if case .soa(let soa) = record.rdata { return soa.serial } }
        return nil
    }
}
