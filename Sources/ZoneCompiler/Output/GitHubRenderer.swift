/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=ID::message`,
/// which the Actions runner turns into annotations on the pull request.
public enum GitHubRenderer {
    public static func render(_ reports: [ZoneReport]) -> String {
        var out = ""
        for report in reports {
            for diagnostic in report.result.diagnostics {
                let command = diagnostic.severity == .error ? "error" : "warning"
                var properties = ["file=\(escapeProperty(report.path(of: diagnostic)))"]
                if let location = diagnostic.location, location.line > 0 {
                    properties.append("line=\(location.line)")
                    properties.append("col=\(location.column)")
                }
                properties.append("title=\(escapeProperty(diagnostic.check.rawValue))")
                out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(diagnostic.message))\n"
            }
        }
        return out
    }

    /// The runner's escaping for message data.
    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// Property values also escape the separators `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation in this module).
    func replacingAll(_ target: Character, _ replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
