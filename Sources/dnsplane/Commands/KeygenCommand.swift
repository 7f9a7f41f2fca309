import ArgumentParser
import DNSCore
import TSIG

/// `dnsplane keygen NAME`: a new TSIG key in BIND's `key {}` form, like tsig-keygen.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Print a new TSIG key in BIND's key \"NAME\" { algorithm …; secret …; }; form.",
        discussion: "The secret is as long as the algorithm's digest, from the system's secure random source."
    )

    @Option(name: .shortAndLong, help: "hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, hmac-sha384 or hmac-sha512.")
    var algorithm: String = "hmac-sha256"

    @Argument(help: "The key's name, e.g. update.home.arpa.")
    var name: String

    func run() throws {
        guard let algorithm = TSIGAlgorithm(bindName: algorithm) else {
            throw ValidationError("unknown algorithm '\(algorithm)': use hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, hmac-sha384 or hmac-sha512")
        }
        guard let keyName = try? DomainName(name, origin: .root) else {
            throw ValidationError("'\(name)' is not a valid key name")
        }
        FileHandleOutput.standardOutput(KeyGenerator.generate(name: keyName, algorithm: algorithm).bindConfiguration)
    }
}
