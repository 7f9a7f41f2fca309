import Logging
import NIOConcurrencyHelpers

/// Keeps every log line a test's secondary writes, so the test can check what it said
/// ("transferred by IXFR", "refused serial N … [check-id]"), and echoes them to
/// stderr for whoever reads a failed run.
struct RecordingLogHandler: LogHandler {
    final class Lines: Sendable {
        private let box = NIOLockedValueBox<[String]>([])
        func append(_ line: String) { box.withLockedValue { $0.append(line) } }
        var all: [String] { box.withLockedValue { $0 } }
        func contains(_ text: String) -> Bool { all.contains { $0.contains(text) } }
        func first(containing text: String) -> String? { all.first { $0.contains(text) } }
    }

    let lines: Lines
    let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let line = "\(event.level) \(event.message)"
        lines.append(line)
        FileHandleStandardError.write("[\(label)] \(line)\n")
    }

    static func logger(_ label: String) -> (Logger, Lines) {
        let lines = Lines()
        let logger = Logger(label: label) { label in RecordingLogHandler(lines: lines, label: label) }
        return (logger, lines)
    }
}

enum FileHandleStandardError {
    static func write(_ text: String) {
        #if canImport(Glibc)
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
