/// Splits presentation text into entries (RFC 1035 §5.1): blanks separate tokens, `;`
/// starts a comment, parentheses continue an entry across lines, `"` quotes a token,
/// and a backslash escapes the next byte. As in BIND's lexer, CRLF ends a line like
/// LF, and so does a lone CR outside quotes (without counting a line); inside quotes a
/// CR is data and a backslash-newline is an escaped newline.
///
/// It scans a buffer that may hold only part of a file: when an entry runs past the
/// end of the buffer and more input exists, it answers `.needMore` and the caller
/// refills and scans the same entry again. Entries are short, so the rescan is cheap
/// and the scanner keeps no state between calls.
public enum EntryScanner {
    public enum Result: Equatable {
        /// An entry was read; the next one starts at `next` on line `nextLine`.
        case entry(next: Int, nextLine: Int)
        /// The buffer ended inside an entry; refill and scan again from the same place.
        case needMore
        /// Only blanks and comments were left.
        case end
    }

    /// Scans the next non-empty entry starting at `start`, which must begin a line.
    public static func scan(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, line startLine: Int,
        isEndOfInput: Bool, into entry: inout TextEntry
    ) throws(TextError) -> Result {
        let n = buffer.count
        var i = start
        var line = startLine
        var lineStart = start
        var depth = 0
        var parenLine = 0
        var parenColumn = 0
        var checkLeadingBlank = true
        entry.removeAll()
        entry.line = line

        while true {
            guard i < n else {
                if !isEndOfInput { return .needMore }
                if depth > 0 {
                    throw TextError(.unbalancedParentheses, "unbalanced parentheses: '(' is never closed", line: parenLine, column: parenColumn)
                }
                return entry.tokens.isEmpty ? .end : .entry(next: i, nextLine: line)
            }
            let c = buffer[i]
            if checkLeadingBlank {
                entry.leadingBlank = c == 0x20 || c == 0x09
                checkLeadingBlank = false
            }
            switch c {
            case 0x20, 0x09:
                i += 1
            case 0x0D:
                if i + 1 < n {
                    i += 1
                    // CRLF: the LF ends the line.
                    if buffer[i] == 0x0A { continue }
                } else if !isEndOfInput {
                    return .needMore
                } else {
                    i += 1
                }
                lineStart = i
                if depth == 0 {
                    if !entry.tokens.isEmpty { return .entry(next: i, nextLine: line) }
                    entry.line = line
                    entry.leadingBlank = false
                    checkLeadingBlank = true
                }
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
                if depth == 0 {
                    if !entry.tokens.isEmpty { return .entry(next: i, nextLine: line) }
                    entry.line = line
                    entry.leadingBlank = false
                    checkLeadingBlank = true
                }
            case UInt8(ascii: ";"):
                while i < n && buffer[i] != 0x0A { i += 1 }
                if i >= n && !isEndOfInput { return .needMore }
            case UInt8(ascii: "("):
                if depth == 0 {
                    parenLine = line
                    parenColumn = i - lineStart + 1
                }
                depth += 1
                i += 1
            case UInt8(ascii: ")"):
                guard depth > 0 else {
                    throw TextError(.unbalancedParentheses, "unbalanced parentheses: ')' without '('", line: line, column: i - lineStart + 1)
                }
                depth -= 1
                i += 1
            case UInt8(ascii: "\""):
                let column = i - lineStart + 1
                let tokenLine = line
                var j = i + 1
                while true {
                    guard j < n else {
                        if !isEndOfInput { return .needMore }
                        throw TextError(.unbalancedQuotes, "unbalanced quotes", line: line, column: column)
                    }
                    let b = buffer[j]
                    if b == UInt8(ascii: "\"") { break }
                    if b == 0x0A {
                        throw TextError(.unbalancedQuotes, "unbalanced quotes: the line ends inside a quoted string", line: line, column: column)
                    }
                    if b == UInt8(ascii: "\\") {
                        guard j + 1 < n else {
                            if !isEndOfInput { return .needMore }
                            throw TextError(.unbalancedQuotes, "unbalanced quotes", line: line, column: column)
                        }
                        j += 2
                        if buffer[j - 1] == 0x0A {
                            // An escaped newline is part of the string.
                            line += 1
                            lineStart = j
                        }
                    } else {
                        j += 1
                    }
                }
                append(buffer, i + 1, j, quoted: true, line: tokenLine, column: column, to: &entry)
                i = j + 1
            default:
                let column = i - lineStart + 1
                var j = i
                scanning: while j < n {
                    switch buffer[j] {
                    case 0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""):
                        break scanning
                    case UInt8(ascii: "\\"):
                        guard j + 1 < n else {
                            if !isEndOfInput { return .needMore }
                            throw TextError(.badEscape, "backslash at end of input", line: line, column: j - lineStart + 1)
                        }
                        if buffer[j + 1] == 0x0A || buffer[j + 1] == 0x0D {
                            throw TextError(.badEscape, "backslash at end of line", line: line, column: j - lineStart + 1)
                        }
                        j += 2
                    default:
                        j += 1
                    }
                }
                if j >= n && !isEndOfInput { return .needMore }
                append(buffer, i, j, quoted: false, line: line, column: column, to: &entry)
                i = j
            }
        }
    }

    @inline(__always)
    private static func append(
        _ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, quoted: Bool,
        line: Int, column: Int, to entry: inout TextEntry
    ) {
        let start = entry.bytes.count
        entry.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[from..<to]))
        entry.tokens.append(TextToken(
            start: Int32(start), end: Int32(entry.bytes.count),
            line: Int32(line), column: Int32(column), isQuoted: quoted))
    }

    /// Scans a complete text (a single record, an nsupdate line) into entries.
    public static func entries(in text: [UInt8]) throws(TextError) -> [TextEntry] {
        var result: [TextEntry] = []
        var position = 0
        var line = 1
        var entry = TextEntry()
        try text.withUnsafeBufferPointer { buffer throws(TextError) in
            while true {
                switch try scan(buffer, from: position, line: line, isEndOfInput: true, into: &entry) {
                case .entry(let next, let nextLine):
                    result.append(entry)
                    position = next
                    line = nextLine
                case .end, .needMore:
                    return
                }
            }
        }
        return result
    }
}
