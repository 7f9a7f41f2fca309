#if canImport(Glibc)
import Glibc
#endif

/// Where the program's text goes: standard output (show, answer, --json) and standard
/// error (BIND's messages). A protocol so tests can capture both.
public protocol ProgramOutput: AnyObject {
    func out(_ text: String)
    func err(_ text: String)
}

/// Unbuffered writes to file descriptors 1 and 2, so stdout and stderr interleave as
/// they are written, the way BIND's `fflush` after each message makes them.
public final class StandardStreams: ProgramOutput {
    public init() {}

    public func out(_ text: String) { Self.write(1, text) }
    public func err(_ text: String) { Self.write(2, text) }

    static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }
}

/// Collects output in memory (tests).
public final class CapturedOutput: ProgramOutput {
    public private(set) var standardOutput = ""
    public private(set) var standardError = ""
    public init() {}
    public func out(_ text: String) { standardOutput += text }
    public func err(_ text: String) { standardError += text }
}
