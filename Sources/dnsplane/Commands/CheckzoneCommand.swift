import ArgumentParser
import ZoneCompiler

/// `dnsplane checkzone`: a hermetic drop-in for named-checkzone 9.18.
struct CheckzoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkzone",
        abstract: "Check a zone like named-checkzone 9.18: same flags, defaults, exit status; never a network lookup.",
        discussion: """
        Usage: dnsplane checkzone [named-checkzone flags] ZONENAME [FILE|-]
        Flags: -c class -i full|full-sibling|local|local-sibling|none -k/-m/-M/-n/-r/-S fail|warn|ignore
               -T/-W warn|ignore -l max-ttl -o file -s full|relative -w dir -q -D -v
        -i full checks what -i local checks: out-of-zone names are never looked up.
        """
    )

    @Argument(parsing: .allUnrecognized, help: "named-checkzone arguments")
    var arguments: [String] = []

    func run() throws {
        throw ExitCode(Self.runRaw(arguments))
    }

    /// Runs with the arguments as named-checkzone would see them; returns the exit status.
    static func runRaw(_ arguments: [String]) -> Int32 {
        let options: NamedCheckzoneOptions
        do {
            options = try NamedCheckzoneOptions(arguments: arguments)
        } catch {
            if let message = error.message { FileHandleOutput.standardError(message + "\n") }
            if error.showUsage { FileHandleOutput.standardError(NamedCheckzoneOptions.usage + "\n") }
            return 1
        }
        let output = NamedCheckzoneRunner.run(options, toolVersion: DNSPlane.version)
        FileHandleOutput.standardOutput(output.stdout)
        FileHandleOutput.standardError(output.stderr)
        if let dump = output.fileDump, let path = options.outputFile {
            do {
                try FileHandleOutput.writeFile(path, dump)
            } catch {
                FileHandleOutput.standardError("named-checkzone: \(error)\n")
                return 1
            }
        }
        return output.exitStatus
    }
}
