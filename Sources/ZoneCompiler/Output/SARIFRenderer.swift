/// SARIF 2.1.0, in the shape GitHub code scanning accepts: one run, the check table as
/// `rules`, every finding as a result with a physical location (findings about a whole
/// zone point at line 1 of its file).
public enum SARIFRenderer {
    public static func render(_ reports: [ZoneReport], toolVersion: String) -> String {
        let rules = CheckCatalog.all
        var ruleIndex: [CheckID: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }

        var json = JSONWriter()
        json.beginObject()
        json.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        json.field("version", "2.1.0")
        json.beginArray("runs")
        json.beginObject()
        json.beginObject("tool")
        json.beginObject("driver")
        json.field("name", "dnsplane")
        json.field("version", toolVersion)
        json.field("semanticVersion", toolVersion)
        json.beginArray("rules")
        for rule in rules {
            json.beginObject()
            json.field("id", rule.id.rawValue)
            json.field("name", camelCase(rule.id.rawValue))
            json.beginObject("shortDescription")
            json.field("text", rule.summary)
            json.endObject()
            json.beginObject("fullDescription")
            json.field("text", "\(rule.summary) (\(rule.reference))")
            json.endObject()
            json.beginObject("defaultConfiguration")
            json.field("level", level(rule.severity))
            json.endObject()
            json.beginObject("properties")
            json.beginArray("tags")
            json.value("dns")
            json.endArray()
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
        json.beginArray("results")
        for report in reports {
            for diagnostic in report.result.diagnostics {
                json.beginObject()
                json.field("ruleId", diagnostic.check.rawValue)
                json.field("ruleIndex", ruleIndex[diagnostic.check] ?? 0)
                json.field("level", level(diagnostic.severity))
                json.beginObject("message")
                json.field("text", diagnostic.message)
                json.endObject()
                json.beginArray("locations")
                json.beginObject()
                json.beginObject("physicalLocation")
                json.beginObject("artifactLocation")
                json.field("uri", uri(report.path(of: diagnostic)))
                json.endObject()
                json.beginObject("region")
                let line = diagnostic.location.map { max(Int($0.line), 1) } ?? 1
                json.field("startLine", line)
                if let location = diagnostic.location, location.line > 0 {
                    json.field("startColumn", max(Int(location.column), 1))
                }
                json.endObject()
                json.endObject()
                json.endObject()
                json.endArray()
                json.endObject()
            }
        }
        json.endArray()
        json.field("columnKind", "utf16CodeUnits")
        json.endObject()
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .off: return "none"
        }
    }

    /// Relative paths as URI references (SARIF §3.10); `./` dropped, spaces escaped.
    static func uri(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        var out = ""
        for scalar in trimmed.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~", "/", ":":
                out.unicodeScalars.append(scalar)
            default:
                for byte in String(scalar).utf8 {
                    let hex = String(byte, radix: 16, uppercase: true)
                    out += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            }
        }
        return out
    }

    static func camelCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
