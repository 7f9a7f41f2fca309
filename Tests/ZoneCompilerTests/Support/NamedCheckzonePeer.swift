import Foundation
import ZoneCompiler

/// What one run of named-checkzone (real or emulated) produced.
struct CheckzoneOutcome: Sendable {
    var status: Int32
    /// Standard output and standard error, in that order.
    var output: String
}

/// The real named-checkzone, run as a child process.
enum NamedCheckzonePeer {
    static let path: String? = {
        var candidates = ["/usr/bin/named-checkzone", "/usr/sbin/named-checkzone",
                          "/usr/local/bin/named-checkzone", "/usr/local/sbin/named-checkzone"]
        if let search = ProcessInfo.processInfo.environment["PATH"] {
            candidates += search.split(separator: ":").map { "\($0)/named-checkzone" }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// DNSPLANE_REQUIRE_PEERS=1 turns a missing named-checkzone into a failure.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["DNSPLANE_REQUIRE_PEERS"] == "1" }

    /// Run the differential tests when the tool is there, or when it is required (and
    /// then fail for its absence).
    static var shouldRun: Bool { path != nil || isRequired }

    static func run(_ arguments: [String]) throws -> CheckzoneOutcome {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        // The cases never need a lookup (they use -i local or in-zone names); should one
        // slip in, fail it fast rather than wait on resolver timeouts.
        var environment = ProcessInfo.processInfo.environment
        environment["RES_OPTIONS"] = "timeout:1 attempts:1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Outputs are small, but read both ends before waiting so a full pipe can
        // never block the child.
        let errors = ReadAll(err.fileHandleForReading)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CheckzoneOutcome(status: process.terminationStatus,
                                output: String(decoding: output + errors.wait(), as: UTF8.self))
    }
}

/// Reads a file handle to its end on another thread.
private final class ReadAll: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// Our emulation, run in-process the way `dnsplane checkzone` runs it.
enum CheckzoneEmulation {
    static func run(_ arguments: [String]) -> CheckzoneOutcome {
        let options: NamedCheckzoneOptions
        do {
            options = try NamedCheckzoneOptions(arguments: arguments)
        } catch {
            var text = error.message.map { $0 + "\n" } ?? ""
            if error.showUsage { text += NamedCheckzoneOptions.usage + "\n" }
            return CheckzoneOutcome(status: 1, output: text)
        }
        let output = NamedCheckzoneRunner.run(options, toolVersion: "test")
        return CheckzoneOutcome(status: output.exitStatus, output: output.stdout + output.stderr)
    }
}
