import DNSCore

/// BIND's key statements, as `tsig-keygen`, `rndc-confgen` and `dnsplane keygen`
/// write them and `named.conf`, `nsupdate -k` and `dnsplane --key-file` read them:
///
///     key "name" {
///         algorithm hmac-sha256;
///         secret "base64";
///     };
///
/// `#`, `//` and `/* */` comments are allowed; a file may hold several keys.
public enum TSIGKeyFile {
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "\(line): \(message)" }
    }

    public static func parse(_ text: String) throws(ParseError) -> [TSIGKey] {
        var tokens = try tokenize(Array(text.utf8))
        tokens.reverse()
        var keys: [TSIGKey] = []
        func next(_ what: String) throws(ParseError) -> Token {
            guard let token = tokens.popLast() else { throw ParseError(line: lastLine(keys: keys, text: text), message: "unexpected end of file: expected \(what)") }
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
                throw ParseError(line: keyword.line, message: "expected 'key', found '\(keyword.text)'")
            }
            let nameToken = try next("a key name")
            let name: DomainName
            do {
                name = try DomainName(nameToken.text.hasSuffix(".") ? nameToken.text : nameToken.text + ".", origin: nil)
            } catch {
                throw ParseError(line: nameToken.line, message: "bad key name '\(nameToken.text)': \(error)")
            }
            try expect("{")
            var algorithm: TSIGAlgorithm?
            var secret: [UInt8]?
            while true {
                let field = try next("'algorithm', 'secret' or '}'")
                if !field.quoted && field.text == "}" { break }
                let value = try next("a value for '\(field.text)'")
                switch field.text {
                case "algorithm":
                    guard let parsed = TSIGAlgorithm(bindName: value.text) else {
                        throw ParseError(line: value.line, message: "unknown algorithm '\(value.text)': use hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, hmac-sha384 or hmac-sha512")
                    }
                    algorithm = parsed
                case "secret":
                    guard let decoded = Base64.decode(value.text), !decoded.isEmpty else {
                        throw ParseError(line: value.line, message: "secret is not valid base64")
                    }
                    secret = decoded
                default:
                    throw ParseError(line: field.line, message: "unknown key option '\(field.text)'")
                }
                try expect(";")
            }
            try expect(";")
            guard let algorithm else { throw ParseError(line: nameToken.line, message: "key \(nameToken.text) has no algorithm") }
            guard let secret else { throw ParseError(line: nameToken.line, message: "key \(nameToken.text) has no secret") }
            keys.append(TSIGKey(name: name, algorithm: algorithm, secret: secret))
        }
        return keys
    }

    private static func lastLine(keys: [TSIGKey], text: String) -> Int {
        text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    struct Token {
        var text: String
        var quoted: Bool
        var line: Int
    }

    static func tokenize(_ bytes: [UInt8]) throws(ParseError) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        var line = 1
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case 0x0A:
                line += 1
                i += 1
            case 0x20, 0x09, 0x0D:
                i += 1
            case UInt8(ascii: "#"):
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            case UInt8(ascii: "/") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/"):
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            case UInt8(ascii: "/") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "*"):
                let start = line
                i += 2
                while i + 1 < bytes.count && !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) {
                    if bytes[i] == 0x0A { line += 1 }
                    i += 1
                }
                guard i + 1 < bytes.count else { throw ParseError(line: start, message: "unterminated /* comment") }
                i += 2
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ";"):
                tokens.append(Token(text: String(UnicodeScalar(c)), quoted: false, line: line))
                i += 1
            case UInt8(ascii: "\""):
                let start = line
                var j = i + 1
                while j < bytes.count && bytes[j] != UInt8(ascii: "\"") {
                    if bytes[j] == 0x0A { line += 1 }
                    j += 1
                }
                guard j < bytes.count else { throw ParseError(line: start, message: "unterminated quoted string") }
                tokens.append(Token(text: String(decoding: bytes[(i + 1)..<j], as: UTF8.self), quoted: true, line: start))
                i = j + 1
            default:
                var j = i
                while j < bytes.count, ![0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ";"), UInt8(ascii: "\"")].contains(bytes[j]) {
                    j += 1
                }
                tokens.append(Token(text: String(decoding: bytes[i..<j], as: UTF8.self), quoted: false, line: line))
                i = j
            }
        }
        return tokens
    }
}
