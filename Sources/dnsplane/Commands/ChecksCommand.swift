import ArgumentParser
import ZoneCompiler

/// `dnsplane checks`: the check table, with IDs and default severities.
struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "List every check: ID, default severity, named-checkzone severity, what it means."
    )

    @Flag(help: "Print the table as Markdown (for the README).")
    var markdown = false

    func run() throws {
        var out = ""
        if markdown {
            out += "| check | default | named-checkzone | what it catches | reference |\n|---|---|---|---|---|\n"
            for check in CheckCatalog.all {
                let bind = check.bindSeverity == .off ? "—" : check.bindSeverity.rawValue + (check.bindFlag.map { " (\($0))" } ?? "")
                out += "| `\(check.id)` | \(check.severity.rawValue)\(check.isAdjustable ? "" : " (fixed)") | \(bind) | \(check.summary) | \(check.reference) |\n"
            }
        } else {
            for check in CheckCatalog.all {
                let id = check.id.rawValue.padding(28)
                out += "\(id) \(check.severity.rawValue.padding(8)) \(check.summary)\n"
            }
        }
        FileHandleOutput.standardOutput(out)
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
