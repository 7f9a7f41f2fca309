import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds a port that is free for both UDP and TCP on a loopback address, so a server
/// under test can bind both. There is a window between finding and binding; callers
/// that lose the race retry with another port.
public enum FreePort {
    /// Below Linux's ephemeral range (32768–60999): a port that must stay free between
    /// finding it and binding it (one written into a peer's configuration) is not
    /// taken meanwhile by some socket bound to port 0.
    public static let belowEphemeral: ClosedRange<UInt16> = 20000...32767

    /// Searches below the ephemeral range by default: a server restarted on the same
    /// port (the kill -9 durability test) lost it now and then to a client socket of
    /// another test bound to port 0 in the moment between.
    public static func find(on address: String = "127.0.0.1", in range: ClosedRange<UInt16> = belowEphemeral) -> UInt16 {
        for _ in 0..<200 {
            let candidate = UInt16.random(in: range)
            if isFree(candidate, address: address, type: Int32(SOCK_STREAM.rawValue))
                && isFree(candidate, address: address, type: Int32(SOCK_DGRAM.rawValue)) {
                return candidate
            }
        }
        fatalError("no free port on \(address)")
    }

    static func isFree(_ port: UInt16, address: String, type: Int32) -> Bool {
        let fd = socket(AF_INET, type, 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        return IPv4Socket.bind(fd, address, port) == 0
    }
}
