/// One token of presentation text: a range of `TextEntry.bytes`, with where it was.
///
/// The bytes are the token as written, escapes included, without the quotes of a
/// quoted string; each field parser decides what an escape means for it.
public struct TextToken: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    public var line: Int32
    public var column: Int32
    public var isQuoted: Bool

    /// Public so other tokenizers (nsupdate's, whose lexer knows no comments or
    /// parentheses) can hand their tokens to the same RDATA readers.
    public init(start: Int32, end: Int32, line: Int32, column: Int32, isQuoted: Bool) {
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.isQuoted = isQuoted
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// One logical entry of presentation text (RFC 1035 §5.1): the tokens of one line, or
/// of several lines joined by parentheses, with comments removed.
///
/// An entry is reused from one line to the next (`removeAll` keeps its capacity), so
/// scanning a large zone allocates almost nothing per record.
public struct TextEntry: Sendable {
    /// The bytes of all tokens, back to back.
    public var bytes: [UInt8] = []
    public var tokens: [TextToken] = []
    /// The entry started with a blank, so its owner is omitted (RFC 1035 §5.1).
    public var leadingBlank = false
    /// The line the entry starts on (1-based).
    public var line = 1

    public init() {}

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        leadingBlank = false
    }

    public func bytes(of token: TextToken) -> ArraySlice<UInt8> { bytes[token.range] }

    public func text(of token: TextToken) -> String { String(decoding: bytes[token.range], as: UTF8.self) }

    /// True when the token, unquoted, equals `word` ignoring ASCII case.
    public func token(_ token: TextToken, equalsIgnoringCase word: StaticString) -> Bool {
        guard !token.isQuoted, Int(token.end - token.start) == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { expected in
            var i = Int(token.start)
            for byte in expected {
                if asciiLower(bytes[i]) != asciiLower(byte) { return false }
                i += 1
            }
            return true
        }
    }
}
