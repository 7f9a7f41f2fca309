import CTestSupport
import Foundation

/// A Linux network namespace for a test that needs several hosts: its loopback is up
/// and carries the given 127.0.0.0/8 addresses, so servers inside can each listen on
/// port 53 of their own address (BIND listens only on addresses that exist, DESIGN
/// §7). Commands run inside with `ip netns exec`, which execs them, so a process
/// started that way is stopped by its own pid. `delete()` removes the namespace.
public final class NetworkNamespace: @unchecked Sendable {
    public let name: String
    public let addresses: [String]
    private var deleted = false

    static var ip: String? { Peers.find("ip") }

    /// Creates the namespace; throws when `ip netns` is missing or not permitted.
    public init(addresses: [String], prefix: String = "dnsplane") throws {
        guard let ip = Self.ip else { throw Peers.Missing(name: "ip (iproute2)") }
        name = "\(prefix)-\(getpid())-\(UInt32.random(in: 0...0xFFFFFF))"
        self.addresses = addresses
        try Self.check(try CommandRunner.run(ip, ["netns", "add", name], timeout: 10), "ip netns add \(name)")
        do {
            try Self.check(try CommandRunner.run(ip, ["netns", "exec", name, ip, "link", "set", "lo", "up"], timeout: 10), "link up")
            for address in addresses {
                try Self.check(try CommandRunner.run(ip, ["netns", "exec", name, ip, "addr", "add", "\(address)/8", "dev", "lo"], timeout: 10),
                               "addr add \(address)")
            }
        } catch {
            delete()
            throw error
        }
    }

    static func check(_ result: CommandRunner.Result, _ what: String) throws {
        guard result.status == 0 else {
            throw DNSProbe.Failure(description: "\(what) failed (\(result.status)): \(result.stderr)")
        }
    }

    /// Whether this machine lets the test create namespaces (root and iproute2).
    public static var isAvailable: Bool {
        guard let namespace = try? NetworkNamespace(addresses: [], prefix: "dnsplane-probe") else { return false }
        namespace.delete()
        return true
    }

    /// The executable and arguments that run `executable` inside the namespace.
    public func wrap(_ executable: String, _ arguments: [String]) -> (String, [String]) {
        (Self.ip ?? "/usr/sbin/ip", ["netns", "exec", name, executable] + arguments)
    }

    /// Runs a command inside the namespace to completion.
    public func run(_ executable: String, _ arguments: [String], input: String? = nil, timeout: TimeInterval = 60) throws -> CommandRunner.Result {
        let (tool, args) = wrap(executable, arguments)
        return try CommandRunner.run(tool, args, input: input, timeout: timeout)
    }

    /// Removes the namespace (processes inside must be stopped first).
    public func delete() {
        guard !deleted, let ip = Self.ip else { return }
        deleted = true
        _ = try? CommandRunner.run(ip, ["netns", "del", name], timeout: 10)
    }

    deinit { delete() }
}

extension NetworkNamespace {
    /// Runs `body` on a thread of its own that has joined the namespace, so sockets it
    /// makes live there (a thread cannot leave again, so it ends with `body`).
    public func onThreadInside<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let path = "/var/run/netns/\(name)"
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                guard cts_join_network_namespace(path) == 0 else {
                    continuation.resume(throwing: DNSProbe.Failure(description: "setns \(path): \(String(cString: strerror(errno)))"))
                    return
                }
                continuation.resume(with: Result { try body() })
            }
            thread.start()
        }
    }
}
