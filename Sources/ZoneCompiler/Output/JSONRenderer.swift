/// One JSON document for a whole run. The schema is documented in docs/json-output.md
/// and is stable: fields may be added, never renamed or removed, within a
/// `schemaVersion`.
public enum JSONRenderer {
    public static let schemaVersion = 1

    public static func render(_ reports: [ZoneReport]) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("schemaVersion", schemaVersion)
        json.field("tool", "dnsplane")
        json.beginArray("zones")
        for report in reports {
            json.beginObject()
            json.field("origin", report.origin.description)
            json.field("file", report.path)
            json.field("records", report.recordCount)
            json.field("serial", report.serial)
            json.field("errors", report.result.errorCount)
            json.field("warnings", report.result.warningCount)
            json.beginArray("diagnostics")
            for diagnostic in report.result.diagnostics {
                json.beginObject()
                json.field("check", diagnostic.check.rawValue)
                json.field("severity", diagnostic.severity.rawValue)
                json.field("message", diagnostic.message)
                json.field("file", report.path(of: diagnostic))
                if let location = diagnostic.location, location.line > 0 {
                    json.field("line", Int(location.line))
                    json.field("column", Int(location.column))
                } else {
                    json.field("line", nil as UInt32?)
                    json.field("column", nil as UInt32?)
                }
                json.field("owner", diagnostic.owner?.description)
                json.beginArray("includedFrom")
                if let location = diagnostic.location {
                    for parent in report.result.files.includeChain(of: location) {
                        json.beginObject()
                        json.field("file", report.result.files.path(of: parent))
                        json.field("line", Int(parent.line))
                        json.field("column", Int(parent.column))
                        json.endObject()
                    }
                }
                json.endArray()
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        let summary = ReportSummary(reports)
        json.beginObject("summary")
        json.field("zones", summary.zones)
        json.field("errors", summary.errors)
        json.field("warnings", summary.warnings)
        json.endObject()
        json.endObject()
        return json.text + "\n"
    }
}
