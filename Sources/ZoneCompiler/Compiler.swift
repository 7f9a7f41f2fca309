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
        sorted(ZoneChecker.check(zone, policy: policy, previousSerial: previousSerial))
    }

    private static func finish(_ parser: ZoneParser, options: CompileOptions) -> CompileResult {
        let zone = parser.builder.zone
        var diagnostics = parser.sink.diagnostics
        diagnostics += ZoneChecker.check(zone, policy: options.policy, files: parser.files,
                                         previousSerial: options.previousSerial)
        return CompileResult(zone: zone, diagnostics: sorted(diagnostics), files: parser.files)
    }

    /// By file, line and column; findings about the whole zone last. Stable, so the
    /// order of findings on one line is the order they were made.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (x?, y?):
                if (x.file, x.line, x.column) != (y.file, y.line, y.column) {
                    return (x.file, x.line, x.column) < (y.file, y.line, y.column)
                }
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): break
            }
            if a.element.check != b.element.check { return a.element.check < b.element.check }
            return a.offset < b.offset
        }.map(\.element)
    }
}
