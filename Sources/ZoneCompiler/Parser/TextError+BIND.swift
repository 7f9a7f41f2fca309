extension TextError {
    /// BIND's result text for the same failure (what named-checkzone prints after
    /// "near 'TOKEN':" and in "loading from master file F failed: RESULT").
    ///
    /// DNSCore's errors say what is wrong in our words; BIND names the failure by its
    /// isc_result_t, so this maps kinds, and within a kind the field that failed.
    func bindResult(near token: String?) -> String {
        switch kind {
        case .unbalancedParentheses: return "unbalanced parentheses"
        case .unbalancedQuotes: return "unbalanced quotes"
        case .badEscape: return "syntax error"
        case .unexpectedEnd: return "unexpected end of input"
        case .extraTokens: return "extra input text"
        case .badNumber:
            if let token, !token.isEmpty, token.utf8.allSatisfy({ $0 &- 48 < 10 }) { return "out of range" }
            return "not a valid number"
        case .badTTL: return "bad ttl"
        case .unknownType, .unknownClass: return "unknown class/type"
        case .stringTooLong, .badDirective: return "syntax error"
        case .badName:
            if message.contains("empty label") { return "empty label" }
            if message.contains("label longer") { return "label too long" }
            if message.contains("name longer") { return "ran out of space" }
            if message.contains("escape") { return "bad escape" }
            return "bad name"
        case .badRData:
            if message.contains("IPv4") { return "bad dotted quad" }
            if message.contains("IPv6") { return "bad IPv6 address" }
            if message.contains("base64") { return "bad base64 encoding" }
            // BIND reads generic data to the end of the line before it finds it short.
            if message.contains("generic RDATA") { return "unexpected end of input" }
            if message.contains("hexadecimal") { return "bad hex encoding" }
            if message.contains("quoted string") { return "unexpected token" }
            if message.contains("generic RDATA length") { return "unexpected end of input" }
            return "syntax error"
        }
    }
}
