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
