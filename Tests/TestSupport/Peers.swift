import Foundation

/// Finding and running the real peers (BIND, Knot…). A missing peer skips the test
/// with a message, unless DNSPLANE_REQUIRE_PEERS=1 (as in CI), when it fails.
public enum Peers {
    public static func find(_ name: String) -> String? {
        for directory in ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin", "/usr/local/sbin"] {
            let path = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    public struct Missing: Error, CustomStringConvertible {
        public var name: String
        public init(name: String) { self.name = name }
        public var description: String { "\(name) is required (DNSPLANE_REQUIRE_PEERS=1) but not installed" }
    }

    /// Skips (returns) when `DNSPLANE_REQUIRE_PEERS` is unset; throws when it is 1.
    public static func skip(_ name: String) throws {
        if ProcessInfo.processInfo.environment["DNSPLANE_REQUIRE_PEERS"] == "1" { throw Missing(name: name) }
        print("skipped: \(name) is not installed")
    }

    @discardableResult
    public static func run(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
