import ArgumentParser

/// The `dnsplane` command: a thin layer that parses flags, builds configuration and
/// hands it to the library modules.
struct DNSPlane: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dnsplane",
        abstract: "A hidden-primary DNS control plane with a validating zone pipeline.",
        version: version,
        subcommands: [CheckCommand.self, CheckzoneCommand.self, CompileCommand.self, ChecksCommand.self, KeygenCommand.self,
                      PrimaryCommand.self, ReloadCommand.self, ExportCommand.self, SecondaryCommand.self, UpCommand.self]
    )
}
