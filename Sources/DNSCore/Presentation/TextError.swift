/// Why presentation text could not be read, and where (1-based line and column).
public struct TextError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case unbalancedParentheses
        case unbalancedQuotes
        case badEscape
        case unexpectedEnd
        case extraTokens
        case badName
        case badNumber
        case badTTL
        case unknownType
        case unknownClass
        case badRData
        case stringTooLong
        case badDirective
    }

    public var kind: Kind
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, _ message: String, line: Int, column: Int) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
    }

    public init(_ kind: Kind, _ message: String, at token: TextToken) {
        self.init(kind, message, line: Int(token.line), column: Int(token.column))
    }

    public var description: String { "\(line):\(column): \(message)" }
}
