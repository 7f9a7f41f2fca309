import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A process a test started: output goes to a log file, and `stop()` ends it by pid
/// (SIGTERM, then SIGKILL after a grace period). Tests must call `stop()`; `deinit`
/// does it too, so a failed test does not leave servers behind.
public final class ManagedProcess: @unchecked Sendable {
    public let process: Process
    public let logPath: String
    private let log: FileHandle

    public init(_ executable: String, _ arguments: [String], logPath: String, environment: [String: String]? = nil,
                directory: String? = nil) throws {
        FileManager.default.createFile(atPath: logPath, contents: nil)
        log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = log
        process.standardError = log
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        self.logPath = logPath
        try process.run()
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    /// SIGTERM, wait up to `grace` seconds, then SIGKILL. Returns the exit status.
    @discardableResult
    public func stop(grace: TimeInterval = 5) -> Int32 {
        if process.isRunning {
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(grace)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning {
                kill(pid, SIGKILL)
                process.waitUntilExit()
            }
        }
        try? log.close()
        return process.terminationStatus
    }

    /// Ends the process at once with SIGKILL (crash tests).
    public func kill9() {
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
    }

    public var output: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    deinit { stop(grace: 1) }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes.
public func waitUntil(timeout: TimeInterval, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        usleep(20_000)
    }
    return try condition()
}
