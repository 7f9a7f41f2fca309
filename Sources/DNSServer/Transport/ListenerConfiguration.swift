import NIOCore

/// Where and how a server listens (RFC 7766 for TCP).
public struct ListenerConfiguration: Sendable {
    /// Each address gets a UDP and a TCP listener. Port 0 picks a free port (tests).
    public var addresses: [SocketAddress]
    /// A TCP connection with no traffic for this long is closed (RFC 7766 §6.2.3).
    public var tcpIdleTimeout: TimeAmount
    /// Connections beyond this many are closed on accept.
    public var maxTCPConnections: Int
    /// Requests in progress on one TCP connection before it stops reading more.
    public var maxPipelinedRequests: Int
    /// Datagrams read per system call (recvmmsg) on each UDP socket.
    public var udpReadBatch: Int
    /// The largest datagram read; longer ones arrive cut short and fail to decode.
    public var maxUDPRequestSize: Int
    /// UDP sockets per address (SO_REUSEPORT), spread over the event loops.
    public var udpSocketsPerAddress: Int
    /// The largest TCP message accepted from a client.
    public var maxTCPRequestSize: Int

    public init(addresses: [SocketAddress], tcpIdleTimeout: TimeAmount = .seconds(10), maxTCPConnections: Int = 1024,
                maxPipelinedRequests: Int = 64, udpReadBatch: Int = 32, maxUDPRequestSize: Int = 4096,
                udpSocketsPerAddress: Int = System.coreCount, maxTCPRequestSize: Int = 65535) {
        self.addresses = addresses
        self.tcpIdleTimeout = tcpIdleTimeout
        self.maxTCPConnections = maxTCPConnections
        self.maxPipelinedRequests = maxPipelinedRequests
        self.udpReadBatch = udpReadBatch
        self.maxUDPRequestSize = maxUDPRequestSize
        self.udpSocketsPerAddress = max(1, udpSocketsPerAddress)
        self.maxTCPRequestSize = maxTCPRequestSize
    }

    /// Parses `ADDR:PORT`, `[v6]:PORT` or `ADDR` (port 53) as the command line gives it.
    public static func parseAddress(_ text: String, defaultPort: Int = 53) throws -> SocketAddress {
        var host = text
        var port = defaultPort
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw AddressError(text) }
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.hasPrefix(":") {
                guard let parsed = Int(rest.dropFirst()), (0...65535).contains(parsed) else { throw AddressError(text) }
                port = parsed
            } else if !rest.isEmpty {
                throw AddressError(text)
            }
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            guard let parsed = Int(text[text.index(after: colon)...]), (0...65535).contains(parsed) else { throw AddressError(text) }
            port = parsed
        }
        do {
            return try SocketAddress(ipAddress: host, port: port)
        } catch {
            throw AddressError(text)
        }
    }

    public struct AddressError: Error, CustomStringConvertible {
        public var text: String
        init(_ text: String) { self.text = text }
        public var description: String { "'\(text)' is not ADDRESS:PORT (IPv6 as [ADDRESS]:PORT)" }
    }
}
