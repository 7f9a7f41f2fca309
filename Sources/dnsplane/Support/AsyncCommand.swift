import ArgumentParser

/// Commands that run asynchronously (the daemons). Calling `run()` on an
/// `AsyncParsableCommand` existential picks the synchronous default, which prints help;
/// this protocol's one method calls the command's own `run() async`.
protocol AsyncCommand {
    mutating func runAsync() async throws
}

extension PrimaryCommand: AsyncCommand {
    mutating func runAsync() async throws { try await run() }
}
