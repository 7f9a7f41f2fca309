import DNSCore
import ZoneCompiler

/// The last good version of each secondary zone under `--data-dir`, so a restarted
/// secondary serves at once, before any primary answers (DESIGN §5.3).
///
/// Two files per zone, each replaced atomically (`AtomicFile`):
/// - `<zone>.zone`: the version as a canonical master file (`CanonicalZoneWriter`),
///   which the zone parser reads back at about a million records a second;
/// - `<zone>.state`: `key=value` lines with the serial and when a primary last
///   confirmed it (and how long after that it expires, when a primary's EDNS EXPIRE
///   said less than the SOA), rewritten on every successful refresh without touching
///   the zone.
///
/// The zone file is written before the state file. After a crash between the two, the
/// state file still holds the older refresh time, which only makes expiry come sooner.
public struct ZoneStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// What the state file says.
    public struct State: Sendable, Equatable {
        public var serial: UInt32
        /// Seconds since the epoch of the last successful refresh.
        public var lastRefresh: Double
        /// The primary that gave this version, for people reading the directory.
        public var primary: String?
        /// Seconds after `lastRefresh` the zone expires, when a primary's EDNS EXPIRE
        /// made it shorter than the SOA's (RFC 7314 §4); nil for the SOA EXPIRE.
        public var expireWindow: Double?

        public init(serial: UInt32, lastRefresh: Double, primary: String? = nil, expireWindow: Double? = nil) {
            self.serial = serial
            self.lastRefresh = lastRefresh
            self.primary = primary
            self.expireWindow = expireWindow
        }
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// A file name for the zone: its name without the final dot ("root" for the root),
    /// with `/` escaped so a name cannot leave the directory.
    public func baseName(_ origin: DomainName) -> String {
        if origin.isRoot { return "root" }
        var text = origin.description
        text.removeLast()
        text = text.split(separator: "/", omittingEmptySubsequences: false).joined(separator: "%2F")
        if text.hasPrefix(".") { text = "%2E" + text.dropFirst() }
        return text
    }

    public func zonePath(_ origin: DomainName) -> String { directory + "/" + baseName(origin) + ".zone" }
    public func statePath(_ origin: DomainName) -> String { directory + "/" + baseName(origin) + ".state" }

    /// Saves a new version and its refresh time.
    public func save(_ zone: Zone, state: State) throws(Failure) {
        // In the zone's own order: the file is for reading back, and skipping the sort
        // and the String round trip keeps the transient memory of a save small.
        var bytes = Array("; dnsplane secondary: last good version of \(zone.origin), serial \(state.serial)\n".utf8)
        bytes += CanonicalZoneWriter.bytes(zone, sorted: false)
        do {
            try AtomicFile.write(bytes, to: zonePath(zone.origin))
        } catch {
            throw Failure(description: error.description)
        }
        try saveState(state, for: zone.origin)
    }

    /// Records a refresh that found the same serial.
    public func saveState(_ state: State, for origin: DomainName) throws(Failure) {
        var text = "serial=\(state.serial)\nlast-refresh=\(state.lastRefresh)\n"
        if let primary = state.primary { text += "primary=\(primary)\n" }
        if let window = state.expireWindow { text += "expire-window=\(window)\n" }
        do {
            try AtomicFile.write(Array(text.utf8), to: statePath(origin))
        } catch {
            throw Failure(description: error.description)
        }
    }

    public func loadState(_ origin: DomainName) -> State? {
        guard let bytes = AtomicFile.read(statePath(origin)) else { return nil }
        var values: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let serial = values["serial"].flatMap(UInt32.init), let time = values["last-refresh"].flatMap(Double.init) else {
            return nil
        }
        return State(serial: serial, lastRefresh: time, primary: values["primary"],
                     expireWindow: values["expire-window"].flatMap(Double.init))
    }

    /// The saved version, or nil when there is none; throws when the file is there but
    /// does not load cleanly (then the caller starts empty and says why).
    public func load(_ origin: DomainName) throws(Failure) -> (zone: Zone, state: State)? {
        AtomicFile.removeTemporaries(of: [zonePath(origin), statePath(origin)])
        let path = zonePath(origin)
        guard let modified = AtomicFile.modificationTime(path) else { return nil }
        let result = Compiler.compile(file: path, options: CompileOptions(origin: origin, includeBase: .forbidden))
        if result.hasErrors {
            let first = result.diagnostics.first { $0.severity == .error }
            throw Failure(description: "\(path) does not load: [\(first?.check.rawValue ?? "?")] \(first?.message ?? "")")
        }
        guard let soa = result.zone.soa else { throw Failure(description: "\(path) has no SOA") }
        var state = loadState(origin) ?? State(serial: soa.serial, lastRefresh: modified)
        // The state file may be from the version before (a crash between the writes):
        // keep its time, which is then the older, with the zone's serial.
        state.serial = soa.serial
        return (result.zone, state)
    }
}
