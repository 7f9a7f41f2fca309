/// `file:line:col: error|warning: message [check-id]`, the form compilers use, so
/// editors and CI logs link each finding to its line. An `$INCLUDE` chain follows as
/// "included from" lines.
public enum TextRenderer {
    public static func render(_ reports: [ZoneReport]) -> String {
        var out = ""
        for report in reports {
            for diagnostic in report.result.diagnostics {
                out += line(for: diagnostic, in: report)
            }
        }
        let summary = ReportSummary(reports)
        out += "\(summary.zones) zone\(summary.zones == 1 ? "" : "s") checked: "
        out += "\(summary.errors) error\(summary.errors == 1 ? "" : "s"), "
        out += "\(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")\n"
        return out
    }

    public static func line(for diagnostic: Diagnostic, in report: ZoneReport) -> String {
        var text = ""
        if let location = diagnostic.location, location.line > 0 {
            text += "\(report.result.files.path(of: location)):\(location.line):\(location.column): "
        } else {
            text += "\(report.path): "
        }
        text += "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.check)]\n"
        if let location = diagnostic.location {
            for parent in report.result.files.includeChain(of: location) {
                text += "    included from \(report.result.files.path(of: parent)):\(parent.line):\(parent.column)\n"
            }
        }
        return text
    }
}
