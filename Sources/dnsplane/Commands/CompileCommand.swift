import ArgumentParser
import ZoneCompiler

/// `dnsplane compile`: a checked zone in canonical form, like named-compilezone.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Check a zone and write it in canonical order, one record per line (like named-compilezone).",
        discussion: "Nothing is written when the zone has errors. `dnsplane checkzone` accepts the output unchanged."
    )

    enum Style: String, ExpressibleByArgument, CaseIterable { case full, relative }

    @Argument(help: "The zone's origin.")
    var zoneName: String

    @Argument(help: "The zone file, or - for standard input.")
    var file: String

    @Option(name: .short, help: "Where to write the result (- for standard output).")
    var output: String

    @Option(name: .short, help: "Names in full or relative to the origin.")
    var style: Style = .full

    @Option(name: .customLong("severity"), help: ArgumentHelp("Set a check's severity. Repeatable.", valueName: "ID=error|warning|off"))
    var severities: [String] = []

    func run() throws {
        guard let origin = try? DomainName(zoneName, origin: .root) else {
            throw ValidationError("bad zone name '\(zoneName)'")
        }
        var policy = CheckPolicy.dnsplane
        for override in severities {
            do { try policy.apply(override: override) } catch { throw ValidationError(error.description) }
        }
        let result = Compiler.compile(file: file, options: CompileOptions(origin: origin, policy: policy))
        let report = ZoneReport(origin: origin, path: file, result: result)
        var messages = ""
        for diagnostic in result.diagnostics { messages += TextRenderer.line(for: diagnostic, in: report) }
        FileHandleOutput.standardError(messages)
        guard !result.hasErrors else { throw ExitCode(1) }
        let text = CanonicalZoneWriter.write(result.zone, style: style == .full ? .full : .relative)
        if output == "-" {
            FileHandleOutput.standardOutput(text)
        } else {
            do { try FileHandleOutput.writeFile(output, text) } catch {
                FileHandleOutput.standardError("dnsplane: \(error)\n")
                throw ExitCode(2)
            }
        }
    }
}
