/// What compiling one zone produced: the zone as loaded (every record that read), and
/// every finding, sorted by where it is.
public struct CompileResult: Sendable {
    public var zone: Zone
    public var diagnostics: [Diagnostic]
    public var files: SourceFileTable
    /// BIND's result text for the first load-time error, for `checkzone` output.
    public var loadFailure: String? {
        diagnostics.first { $0.severity == .error && $0.bindResult != nil }?.bindResult
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    public var warningCount: Int { diagnostics.reduce(0) { $0 + ($1.severity == .warning ? 1 : 0) } }
}

/// parse → check → Zone. The entry point for `dnsplane check`, the primary's source
/// loading, and (through `check`) UPDATE and transfer validation.
public enum Compiler {
    /// Reads and checks a master file; `-` reads standard input.
    public static func compile(file path: String, options: CompileOptions) -> CompileResult {
        var parser = ZoneParser(options: options)
        parser.parseFile(path: path)
        return finish(parser, options: options)
    }

    /// Reads and checks master-file text held in memory, named `name` in diagnostics.
    public static func compile(bytes: [UInt8], name: String, options: CompileOptions) -> CompileResult {
        var parser = ZoneParser(options: options)
        parser.parse(bytes: bytes, name: name)
        return finish(parser, options: options)
    }

    public static func compile(text: String, name: String = "<text>", options: CompileOptions) -> CompileResult {
        compile(bytes: Array(text.utf8), name: name, options: options)
    }

    /// Checks a zone that did not come from text (a transfer, an UPDATE result).
    public static func check(_ zone: Zone, policy: CheckPolicy = .dnsplane, previousSerial: UInt32? = nil) -> [Diagnostic] {
        sorted(ZoneChecker.check(zone, policy: policy, previousSerial: previousSerial), files: SourceFileTable())
    }

    private static func finish(_ parser: ZoneParser, options: CompileOptions) -> CompileResult {
        let zone = parser.builder.zone
        var diagnostics = parser.sink.diagnostics
        diagnostics += ZoneChecker.check(zone, policy: options.policy, files: parser.files,
                                         previousSerial: options.previousSerial)
        return CompileResult(zone: zone, diagnostics: sorted(diagnostics, files: parser.files), files: parser.files)
    }

    /// In reading order: a finding inside an `$INCLUDE`d file sorts where the
    /// `$INCLUDE` is. Findings about the whole zone come last. Stable, so findings on
    /// one line keep the order they were made in.
    static func sorted(_ diagnostics: [Diagnostic], files: SourceFileTable) -> [Diagnostic] {
        func key(_ location: SourceLocation) -> [Int64] {
            var chain = [location] + files.includeChain(of: location)
            chain.reverse()
            return chain.flatMap { [Int64($0.line), Int64($0.column)] }
        }
        let keyed = diagnostics.enumerated().map { ($0.offset, $0.element, $0.element.location.map(key)) }
        return keyed.sorted { a, b in
            switch (a.2, b.2) {
            case let (x?, y?):
                if x != y { return x.lexicographicallyPrecedes(y) }
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): break
            }
            if a.1.check != b.1.check { return a.1.check < b.1.check }
            return a.0 < b.0
        }.map(\.1)
    }
}
