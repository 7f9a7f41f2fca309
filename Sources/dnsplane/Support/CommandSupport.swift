import ArgumentParser
import DNSServer
import HiddenPrimary
import Logging
import NIOCore
import NIOConcurrencyHelpers
import TSIG

/// Logging to standard error (DESIGN §6), set up once per process.
enum LoggingSetup {
    private static let done = NIOLockedValueBox(false)

    static func bootstrap(level: String, label: String) throws -> Logger {
        guard let parsed = Logger.Level(rawValue: level) else {
            throw ValidationError("--log-level: use trace, debug, info, notice, warning, error or critical")
        }
        let first = done.withLockedValue { done -> Bool in
            defer { done = true }
            return !done
        }
        if first { LoggingSystem.bootstrap(StreamLogHandler.standardError) }
        var logger = Logger(label: label)
        logger.logLevel = parsed
        return logger
    }
}

/// Reading the small text files the commands take (keys, policies, pid files).
enum TextFile {
    static func read(_ path: String, what: String) throws -> String {
        let bytes: [UInt8]?
        do { bytes = try DurableFile.read(path) } catch { throw ValidationError("cannot read \(what) \(path): \(error)") }
        guard let bytes else { throw ValidationError("cannot read \(what) \(path): no such file") }
        return String(decoding: bytes, as: UTF8.self)
    }
}

enum KeyFiles {
    /// The keys of a BIND key file; errors name the file and line.
    static func read(_ path: String) throws -> [TSIGKey] {
        let text = try TextFile.read(path, what: "key file")
        do {
            let keys = try TSIGKeyFile.parse(text)
            guard !keys.isEmpty else { throw ValidationError("\(path): no key statement in the file") }
            return keys
        } catch let error as TSIGKeyFile.ParseError {
            throw ValidationError("\(path):\(error.line): \(error.message)")
        }
    }
}

enum Addresses {
    static func parse(_ text: String) throws -> SocketAddress {
        try parse(text, defaultPort: 53)
    }

    static func parse(_ text: String, defaultPort: Int) throws -> SocketAddress {
        do { return try ListenerConfiguration.parseAddress(text, defaultPort: defaultPort) } catch {
            throw ValidationError("\(error)")
        }
    }
}
