/// One checked zone, as the renderers see it.
public struct ZoneReport: Sendable {
    public var origin: DomainName
    /// The file named on the command line.
    public var path: String
    public var result: CompileResult

    public init(origin: DomainName, path: String, result: CompileResult) {
        self.origin = origin
        self.path = path
        self.result = result
    }

    public var serial: UInt32? { result.zone.soa?.serial }
    public var recordCount: Int { result.zone.recordCount }

    /// The file a diagnostic points into: the included file when there is one.
    public func path(of diagnostic: Diagnostic) -> String {
        guard let location = diagnostic.location else { return path }
        return result.files.path(of: location)
    }
}

/// Totals over every checked zone.
public struct ReportSummary: Sendable, Equatable {
    public var zones: Int
    public var errors: Int
    public var warnings: Int

    public init(_ reports: [ZoneReport]) {
        zones = reports.count
        errors = reports.reduce(0) { $0 + $1.result.errorCount }
        warnings = reports.reduce(0) { $0 + $1.result.warningCount }
    }
}
