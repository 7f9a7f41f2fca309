import Foundation

/// The `dnsplane` executable built next to the test bundle, for tests that need it as a
/// separate process (a `kill -9`, signals, the command line as users run it).
public enum DNSPlaneBinary {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "the dnsplane binary is not built next to the test bundle (\(DNSPlaneBinary.searched))" }
    }

    static var searched: String { URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path }

    public static func path() throws -> String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [here, here.deletingLastPathComponent(), here.deletingLastPathComponent().deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("dnsplane")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
        }
        throw Missing()
    }

    /// Runs `dnsplane ARGUMENTS` to the end; status and both outputs.
    public static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var stderr = Data()
        group.enter()
        DispatchQueue.global().async {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
