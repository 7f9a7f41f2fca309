/// Field verbs for the RDATA types past RFC 1035: code fields with mnemonics, single
/// encoded tokens, signature times, and free text that is not a character-string.
extension RDataTextReader {
    /// The bytes of the next token, which must not be quoted.
    public mutating func word(_ what: @autoclosure () -> String) throws(TextError) -> ArraySlice<UInt8> {
        bytes(try nextUnquoted(what()))
    }

    /// A code field written as a number or as a mnemonic from `table`, BIND's way (see
    /// `CodeText`): DNSSEC algorithms, digest types, CERT types, key protocols.
    public mutating func code(_ what: String, max: UInt64, table: MnemonicTable, hexAllowed: Bool = false) throws(TextError) -> UInt64 {
        let token = try nextUnquoted(what)
        let text = bytes(token)
        switch CodeText.parse(text, max: max, hexAllowed: hexAllowed) {
        case .number(let value):
            return value
        case .outOfRange:
            throw TextError(.badNumber, "\(what) '\(entry.text(of: token))' out of range: at most \(max)", at: token)
        case .notNumber:
            guard let value = table.value(of: text) else {
                throw TextError(.badRData, "unknown \(what) '\(entry.text(of: token))'", at: token)
            }
            return UInt64(value)
        }
    }

    /// One token of base64 (HIP's public key is a single token).
    public mutating func base64Token(_ what: String) throws(TextError) -> [UInt8] {
        let token = try nextUnquoted(what)
        guard let data = Base64.decode(bytes(token)) else {
            throw TextError(.badRData, "bad base64 in \(what) '\(entry.text(of: token))'", at: token)
        }
        return data
    }

    /// One token of unpadded base32hex (RFC 4648 §7), as NSEC3 next hashed owners.
    public mutating func base32HexToken(_ what: String) throws(TextError) -> [UInt8] {
        let token = try nextUnquoted(what)
        guard let data = Base32Hex.decode(bytes(token)), !data.isEmpty else {
            throw TextError(.badRData, "bad base32hex in \(what) '\(entry.text(of: token))'", at: token)
        }
        return data
    }

    /// An RRSIG or SIG time (`SignatureTimeText`); SIG takes only the calendar form.
    public mutating func signatureTime(_ what: String, allowSeconds: Bool) throws(TextError) -> UInt32 {
        let token = try nextUnquoted(what)
        switch SignatureTimeText.parse(bytes(token), allowSeconds: allowSeconds) {
        case .success(let value):
            return value
        case .failure(.outOfRange):
            throw TextError(.badRData, "\(what) '\(entry.text(of: token))' out of range", at: token)
        case .failure(.syntax):
            throw TextError(.badRData, "bad \(what) '\(entry.text(of: token))': expected YYYYMMDDHHmmSS\(allowSeconds ? " or seconds" : "")", at: token)
        }
    }

    /// A quoted or unquoted string with escapes resolved and no 255-octet limit (CAA
    /// value); `requireQuotes` where BIND wants a quoted string (URI target).
    public mutating func text(_ what: String, requireQuotes: Bool = false) throws(TextError) -> [UInt8] {
        let token = try next(what)
        if requireQuotes && !token.isQuoted {
            throw TextError(.badRData, "\(what) must be a quoted string: '\(entry.text(of: token))'", at: token)
        }
        guard let value = EscapedText.unescape(bytes(token)) else {
            throw TextError(.badEscape, "bad escape in '\(entry.text(of: token))'", at: token)
        }
        return value
    }
}
