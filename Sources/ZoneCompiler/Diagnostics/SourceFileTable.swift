/// The files a compile read, in the order it opened them, each with where it was
/// `$INCLUDE`d from, so a diagnostic can show the whole include chain.
public struct SourceFileTable: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The path as given (the command line, or the `$INCLUDE` text resolved).
        public var path: String
        /// The `$INCLUDE` directive that opened it; nil for the top file.
        public var includedFrom: SourceLocation?
    }

    public private(set) var entries: [Entry] = []
    /// Where the `$GENERATE` directives are: the location of every record they made.
    public private(set) var generators: Set<SourceLocation> = []

    public init() {}

    public mutating func add(path: String, includedFrom: SourceLocation?) -> Int32 {
        entries.append(Entry(path: path, includedFrom: includedFrom))
        return Int32(entries.count - 1)
    }

    public mutating func addGenerator(at location: SourceLocation) {
        generators.insert(location)
    }

    /// True when the record read at `location` came from a `$GENERATE`.
    public func isGenerated(_ location: SourceLocation?) -> Bool {
        guard let location, !generators.isEmpty else { return false }
        return generators.contains(location)
    }

    public func path(of location: SourceLocation) -> String {
        entries.indices.contains(Int(location.file)) ? entries[Int(location.file)].path : "<unknown>"
    }

    /// The `$INCLUDE` directives leading to `location`, innermost first.
    public func includeChain(of location: SourceLocation) -> [SourceLocation] {
        var chain: [SourceLocation] = []
        var file = Int(location.file)
        while entries.indices.contains(file), let parent = entries[file].includedFrom, chain.count < 64 {
            chain.append(parent)
            file = Int(parent.file)
        }
        return chain
    }
}
