import DNSCore

/// Tokenizes the RDATA part of an `update add`, `update delete` or `prereq yxrrset`
/// line as BIND's `isc_lex` does for nsupdate: blanks separate tokens, a `"` at the
/// start of a token opens a quoted string, and a backslash keeps the byte after it in
/// the token. Unlike a master file, `;` starts no comment and parentheses are plain
/// characters (`TXT a ; b` is three strings), because nsupdate's lexer has neither.
///
/// The tokens go into a `TextEntry`, so the type codecs of DNSCore read them with the
/// line and column of the script.
enum RDataLexer {
    struct Failure: Error, Equatable {
        var message: String
        var column: Int
    }

    static func isBlank(_ byte: UInt8) -> Bool {
        // isspace(): blank, tab, newline, vertical tab, form feed, carriage return.
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// `text` is the rest of the line after the type; `column` is where it starts.
    static func entry(_ text: ArraySlice<UInt8>, line: Int, column: Int) throws(Failure) -> TextEntry {
        var entry = TextEntry()
        entry.line = line
        var i = text.startIndex
        let end = text.endIndex
        func columnOf(_ index: Int) -> Int { column + (index - text.startIndex) }
        while i < end {
            let byte = text[i]
            if isBlank(byte) {
                i += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                var j = i + 1
                while j < end && text[j] != UInt8(ascii: "\"") {
                    j += text[j] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard j < end else { throw Failure(message: "unexpected end of input", column: columnOf(i)) }
                append(text[(i + 1)..<j], quoted: true, line: line, column: columnOf(i), to: &entry)
                i = j + 1
                continue
            }
            var j = i
            while j < end && !isBlank(text[j]) {
                if text[j] == UInt8(ascii: "\\") {
                    guard j + 1 < end else { throw Failure(message: "unexpected end of input", column: columnOf(j)) }
                    j += 2
                } else {
                    j += 1
                }
            }
            append(text[i..<min(j, end)], quoted: false, line: line, column: columnOf(i), to: &entry)
            i = j
        }
        return entry
    }

    private static func append(_ bytes: ArraySlice<UInt8>, quoted: Bool, line: Int, column: Int, to entry: inout TextEntry) {
        let start = entry.bytes.count
        entry.bytes.append(contentsOf: bytes)
        entry.tokens.append(TextToken(start: Int32(start), end: Int32(entry.bytes.count), line: Int32(line),
                                      column: Int32(column), isQuoted: quoted))
    }
}
