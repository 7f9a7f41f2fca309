/// The `nameserver` lines of a resolv.conf, which is where nsupdate asks for a zone's
/// SOA when no `server` is given. `-C` names another file (BIND: "only intended for
/// testing"), which is how the tests point discovery at a named of their own.
public enum ResolvConf {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The servers, in order, on `port`. A missing file gives none (BIND then uses
    /// localhost); a `nameserver` line that is not an address is an error, as
    /// `irs_resconf_load` makes it one.
    public static func nameservers(in text: String, port: UInt16) throws(Failure) -> [SocketAddress] {
        var servers: [SocketAddress] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let keyword = words.first, !keyword.hasPrefix("#"), !keyword.hasPrefix(";") else { continue }
            guard keyword == "nameserver" else { continue }
            guard words.count >= 2, let address = SocketAddress(literal: String(words[1]), port: port) else {
                throw Failure(message: "line \(lineNumber): nameserver needs an IP address")
            }
            // irs_resconf keeps at most three, as the C library does.
            if servers.count < 3 { servers.append(address) }
        }
        return servers
    }
}
