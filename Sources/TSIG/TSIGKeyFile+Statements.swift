import DNSCore

extension TSIGKeyFile {
    /// One `key` statement as written, before its algorithm and secret are checked.
    ///
    /// `parse` rejects a file at its first problem; a tool that must mimic BIND's
    /// reactions (nsupdate goes on unsigned after a bad secret but exits on an unknown
    /// algorithm) needs the fields as text, each with its line, to decide itself.
    public struct Statement: Sendable, Equatable {
        public var name: String
        public var algorithm: String?
        public var secret: String?
        /// The line of the `key` keyword, and of each field.
        public var line: Int
        public var algorithmLine: Int?
        public var secretLine: Int?
    }

    /// The `key` statements of a file, in order; throws on what is not a well-formed
    /// statement (unknown keywords, missing braces or semicolons, bad comments).
    public static func statements(_ text: String) throws(ParseError) -> [Statement] {
        var tokens = try tokenize(Array(text.utf8))
        tokens.reverse()
        let lastLine = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        var result: [Statement] = []
        func next(_ what: String) throws(ParseError) -> Token {
            guard let token = tokens.popLast() else { throw ParseError(line: lastLine, message: "unexpected end of file: expected \(what)") }
            return token
        }
        func expect(_ symbol: String) throws(ParseError) {
            let token = try next("'\(symbol)'")
            guard !token.quoted, token.text == symbol else {
                throw ParseError(line: token.line, message: "expected '\(symbol)', found '\(token.text)'")
            }
        }
        while let keyword = tokens.popLast() {
            guard !keyword.quoted, keyword.text == "key" else {
                throw ParseError(line: keyword.line, message: "unknown option '\(keyword.text)': expected 'key'")
            }
            let nameToken = try next("a key name")
            var statement = Statement(name: nameToken.text, algorithm: nil, secret: nil, line: keyword.line)
            try expect("{")
            while true {
                let field = try next("'algorithm', 'secret' or '}'")
                if !field.quoted && field.text == "}" { break }
                let value = try next("a value for '\(field.text)'")
                switch field.text {
                case "algorithm":
                    statement.algorithm = value.text
                    statement.algorithmLine = value.line
                case "secret":
                    statement.secret = value.text
                    statement.secretLine = value.line
                default:
                    throw ParseError(line: field.line, message: "unknown key option '\(field.text)'")
                }
                try expect(";")
            }
            try expect(";")
            result.append(statement)
        }
        return result
    }
}
