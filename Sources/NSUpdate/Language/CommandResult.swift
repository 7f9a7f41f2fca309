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
