/// Splits one nsupdate input line into words the way BIND's `nsu_strsep` does: skip
/// delimiters, take bytes up to the next delimiter, and step over that one delimiter.
/// What is left after the words a command reads (RDATA, a key's secret) is taken
/// verbatim, so it is kept as byte offsets into the line, not re-joined words.
struct CommandLineCursor {
    let line: [UInt8]
    /// Where the unread rest starts; nil once a word ran to the end of the line (BIND's
    /// `*stringp = NULL`).
    private(set) var position: Int?

    static let blanks: [UInt8] = [0x20, 0x09, 0x0D, 0x0A]

    init(_ line: [UInt8]) {
        self.line = line
        self.position = 0
    }

    /// A word and the column (1-based) it starts at; nil at the end of the line.
    mutating func nextWord(delimiters: [UInt8] = Self.blanks) -> (word: ArraySlice<UInt8>, column: Int)? {
        guard var start = position else { return nil }
        while start < line.count && delimiters.contains(line[start]) { start += 1 }
        var end = start
        while end < line.count && !delimiters.contains(line[end]) { end += 1 }
        position = end < line.count ? end + 1 : nil
        guard end > start else { return nil }
        return (line[start..<end], start + 1)
    }

    /// The unread rest of the line, or nil after a word that ended the line.
    var rest: ArraySlice<UInt8>? {
        guard let position else { return nil }
        return line[min(position, line.count)...]
    }

    /// The column (1-based) where `rest` starts.
    var restColumn: Int { (position ?? line.count) + 1 }
}

extension ArraySlice where Element == UInt8 {
    /// ASCII case-insensitive comparison with a lower-case keyword (`strcasecmp`).
    func equalsKeyword(_ keyword: StaticString) -> Bool {
        guard count == keyword.utf8CodeUnitCount else { return false }
        return keyword.withUTF8Buffer { buffer in
            zip(self, buffer).allSatisfy { a, b in (a &- 0x41 < 26 ? a | 0x20 : a) == b }
        }
    }

    var text: String { String(decoding: self, as: UTF8.self) }
}
