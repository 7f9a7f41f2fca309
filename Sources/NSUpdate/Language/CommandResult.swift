/// What one input line asks the program to do next (BIND's STATUS_MORE, _SEND, _QUIT
/// and _SYNTAX), with the text `show`, `answer`, `help` and `version` print.
public enum CommandResult: Equatable, Sendable {
    case more
    /// Print this on standard output, then read on.
    case print(String)
    /// Print this on standard error, then read on.
    case warn(String)
    /// Send the message built so far (`send` or a blank line).
    case send
    case quit
    case syntaxError(CommandError)
}

/// Why a line was rejected: BIND's message for it (nsupdate prints some errors with no
/// message at all; we always say what is wrong), and the column it points at.
public struct CommandError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var column: Int

    public init(_ message: String, column: Int = 1) {
        self.message = message
        self.column = column
    }

    public var description: String { message }
}
