/// Reads the fields of one record's RDATA from the tokens of a `TextEntry`.
///
/// Each RR type's text codec is written against these verbs, so every type reports
/// errors the same way: with the line and column of the token at fault.
public struct RDataTextReader {
    public let entry: TextEntry
    public private(set) var index: Int
    public let endIndex: Int
    /// Completes relative names; nil where every name must be absolute.
    public let origin: DomainName?

    public init(entry: TextEntry, from index: Int, origin: DomainName?) {
        self.entry = entry
        self.index = index
        self.endIndex = entry.tokens.count
        self.origin = origin
    }

    public var isAtEnd: Bool { index >= endIndex }

    /// The token after the last one read, or the last token, for error positions.
    public var currentToken: TextToken {
        if index < endIndex { return entry.tokens[index] }
        if let last = entry.tokens.last { return last }
        return TextToken(start: 0, end: 0, line: Int32(entry.line), column: 1, isQuoted: false)
    }

    public func error(_ kind: TextError.Kind, _ message: String) -> TextError {
        TextError(kind, message, at: currentToken)
    }

    public func error(_ kind: TextError.Kind, _ message: String, at token: TextToken) -> TextError {
        TextError(kind, message, at: token)
    }

    /// The next token, or an error naming what was expected.
    public mutating func next(_ what: @autoclosure () -> String) throws(TextError) -> TextToken {
        guard index < endIndex else {
            throw TextError(.unexpectedEnd, "unexpected end of input: expected \(what())", at: currentToken)
        }
        defer { index += 1 }
        return entry.tokens[index]
    }

    /// The next token, which must not be quoted: BIND accepts a quoted string only
    /// where a character-string is expected, and rejects `MX "10" mail.` or
    /// `A "192.0.2.1"` as an unexpected token.
    public mutating func nextUnquoted(_ what: @autoclosure () -> String) throws(TextError) -> TextToken {
        let token = try next(what())
        guard !token.isQuoted else {
            throw TextError(.badRData, "unexpected quoted string '\(entry.text(of: token))': expected \(what())", at: token)
        }
        return token
    }

    public func peek() -> TextToken? { index < endIndex ? entry.tokens[index] : nil }

    /// Steps back one token, after looking at it (an optional field that is absent).
    public mutating func unread() { index -= 1 }

    public mutating func skip() { index += 1 }

    public func bytes(_ token: TextToken) -> ArraySlice<UInt8> { entry.bytes[token.range] }

    /// Fails when tokens are left over after the RDATA.
    public func expectEnd() throws(TextError) {
        if index < endIndex {
            throw TextError(.extraTokens, "extra input text '\(entry.text(of: entry.tokens[index]))'", at: entry.tokens[index])
        }
    }

    // MARK: Field verbs

    public mutating func name(_ what: String = "a domain name") throws(TextError) -> DomainName {
        let token = try nextUnquoted(what)
        do {
            return try DomainName(text: bytes(token), origin: origin)
        } catch {
            throw TextError(.badName, "bad name '\(entry.text(of: token))': \(error)", at: token)
        }
    }

    /// An unsigned decimal number no larger than `max`.
    public mutating func number(max: UInt64, _ what: String) throws(TextError) -> UInt64 {
        let token = try nextUnquoted(what)
        guard let value = DecimalText.parse(bytes(token)), value <= max else {
            throw TextError(.badNumber, "bad \(what) '\(entry.text(of: token))': expected a number from 0 to \(max)", at: token)
        }
        return value
    }

    public mutating func u8(_ what: String) throws(TextError) -> UInt8 {
        UInt8(try number(max: UInt64(UInt8.max), what))
    }

    public mutating func u16(_ what: String) throws(TextError) -> UInt16 {
        UInt16(try number(max: UInt64(UInt16.max), what))
    }

    public mutating func u32(_ what: String) throws(TextError) -> UInt32 {
        UInt32(try number(max: UInt64(UInt32.max), what))
    }

    /// A TTL-like duration with optional units (`1h30m`), as in SOA timers.
    public mutating func duration(_ what: String) throws(TextError) -> UInt32 {
        let token = try nextUnquoted(what)
        guard let value = TTLText.parse(bytes(token)) else {
            throw TextError(.badTTL, "bad \(what) '\(entry.text(of: token))'", at: token)
        }
        return value
    }

    /// One character-string (RFC 1035 §3.3), quoted or not, with escapes resolved.
    public mutating func characterString(_ what: String = "a character string") throws(TextError) -> [UInt8] {
        let token = try next(what)
        return try characterString(of: token)
    }

    public func characterString(of token: TextToken) throws(TextError) -> [UInt8] {
        guard let value = EscapedText.unescape(bytes(token)) else {
            throw TextError(.badEscape, "bad escape in '\(entry.text(of: token))'", at: token)
        }
        guard value.count <= 255 else {
            throw TextError(.stringTooLong, "character string longer than 255 octets", at: token)
        }
        return value
    }

    /// All remaining tokens as character-strings (TXT, SPF).
    public mutating func remainingCharacterStrings() throws(TextError) -> [[UInt8]] {
        var strings: [[UInt8]] = []
        while index < endIndex {
            strings.append(try characterString())
        }
        return strings
    }

    public mutating func ipv4(_ what: String = "an IPv4 address") throws(TextError) -> IPv4Address {
        let token = try nextUnquoted(what)
        guard let address = IPv4Address(text: bytes(token)) else {
            throw TextError(.badRData, "bad IPv4 address '\(entry.text(of: token))'", at: token)
        }
        return address
    }

    public mutating func ipv6(_ what: String = "an IPv6 address") throws(TextError) -> IPv6Address {
        let token = try nextUnquoted(what)
        guard let address = IPv6Address(text: bytes(token)) else {
            throw TextError(.badRData, "bad IPv6 address '\(entry.text(of: token))'", at: token)
        }
        return address
    }

    /// The remaining tokens joined and decoded as base64 (RFC 4648 §4). BIND reads
    /// keys and signatures this way, so a value may be split anywhere.
    public mutating func base64Remaining(_ what: String, allowEmpty: Bool = false) throws(TextError) -> [UInt8] {
        guard index < endIndex else {
            if allowEmpty { return [] }
            throw TextError(.unexpectedEnd, "unexpected end of input: expected \(what)", at: currentToken)
        }
        let first = entry.tokens[index]
        let joined = try joinedRemaining(what)
        guard let data = Base64.decode(joined) else {
            throw TextError(.badRData, "bad base64 in \(what)", at: first)
        }
        return data
    }

    /// The remaining tokens joined and decoded as hexadecimal.
    public mutating func hexRemaining(_ what: String, allowEmpty: Bool = false) throws(TextError) -> [UInt8] {
        guard index < endIndex else {
            if allowEmpty { return [] }
            throw TextError(.unexpectedEnd, "unexpected end of input: expected \(what)", at: currentToken)
        }
        let first = entry.tokens[index]
        let joined = try joinedRemaining(what)
        guard let data = Base16.decode(joined) else {
            throw TextError(.badRData, "bad hexadecimal in \(what)", at: first)
        }
        return data
    }

    /// The bytes of every remaining token, back to back; none may be quoted.
    mutating func joinedRemaining(_ what: String) throws(TextError) -> [UInt8] {
        var joined: [UInt8] = []
        while index < endIndex {
            let token = try nextUnquoted(what)
            joined.append(contentsOf: bytes(token))
        }
        return joined
    }

    /// One token decoded as hexadecimal (`-` for empty where `dashIsEmpty`).
    public mutating func hexToken(_ what: String, dashIsEmpty: Bool = false) throws(TextError) -> [UInt8] {
        let token = try nextUnquoted(what)
        let text = bytes(token)
        if dashIsEmpty && text.count == 1 && text.first == UInt8(ascii: "-") { return [] }
        guard let data = Base16.decode(Array(text)) else {
            throw TextError(.badRData, "bad hexadecimal in \(what) '\(entry.text(of: token))'", at: token)
        }
        return data
    }

    /// An RR type mnemonic or `TYPEnnn`.
    public mutating func rrType(_ what: String = "a record type") throws(TextError) -> RRType {
        let token = try nextUnquoted(what)
        guard let type = RRType(mnemonic: bytes(token)) else {
            throw TextError(.unknownType, "unknown RR type '\(entry.text(of: token))'", at: token)
        }
        return type
    }
}
