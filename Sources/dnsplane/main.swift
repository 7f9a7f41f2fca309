import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

// `checkzone` takes named-checkzone's getopt-style flags (`-ilocal`, `-qD`) verbatim,
// which ArgumentParser would split differently, so it bypasses the parser.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "checkzone" {
    exit(CheckzoneCommand.runRaw(Array(arguments.dropFirst())))
}

do {
    var command = try DNSPlane.parseAsRoot(arguments)
    if var asynchronous = command as? AsyncCommand {
        try await asynchronous.runAsync()
    } else {
        try command.run()
    }
} catch {
    // Usage errors exit 2 (DESIGN §6), not ArgumentParser's 64.
    if DNSPlane.exitCode(for: error) == .validationFailure {
        FileHandleOutput.standardError(DNSPlane.fullMessage(for: error) + "\n")
        exit(2)
    }
    DNSPlane.exit(withError: error)
}
