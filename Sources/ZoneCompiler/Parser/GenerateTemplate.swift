/// A `$GENERATE` template (BIND syntax): `$` is the iterator, `${offset,width,base}`
/// formats it (base d, o, x, X, or n/N for reversed nibbles), `$$` and `\$` are a
/// literal `$`. Parsed once, expanded for every iteration.
struct GenerateTemplate: Sendable {
    enum Piece: Sendable {
        case literal([UInt8])
        case iterator(offset: Int, width: Int, base: UInt8)
    }

    let pieces: [Piece]

    init?(_ text: some Collection<UInt8>) {
        let bytes = Array(text)
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\\") {
                // Keep the escape for the name or RDATA parser, except for `\$`.
                guard i + 1 < bytes.count else { return nil }
                literal.append(c)
                literal.append(bytes[i + 1])
                i += 2
                continue
            }
            guard c == UInt8(ascii: "$") else {
                literal.append(c)
                i += 1
                continue
            }
            i += 1
            if i < bytes.count && bytes[i] == UInt8(ascii: "$") {
                literal.append(c)
                i += 1
                continue
            }
            if !literal.isEmpty {
                pieces.append(.literal(literal))
                literal = []
            }
            guard i < bytes.count && bytes[i] == UInt8(ascii: "{") else {
                pieces.append(.iterator(offset: 0, width: 0, base: UInt8(ascii: "d")))
                continue
            }
            guard let close = bytes[i...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
            let fields = bytes[(i + 1)..<close].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard (1...3).contains(fields.count) else { return nil }
            guard let offset = Self.signedNumber(fields[0]) else { return nil }
            var width = 0
            if fields.count >= 2 {
                guard let w = DecimalText.parse(fields[1]), w <= 255 else { return nil }
                width = Int(w)
            }
            var base = UInt8(ascii: "d")
            if fields.count == 3 {
                guard fields[2].count == 1, let b = fields[2].first,
                      [UInt8(ascii: "d"), UInt8(ascii: "o"), UInt8(ascii: "x"), UInt8(ascii: "X"),
                       UInt8(ascii: "n"), UInt8(ascii: "N")].contains(b) else { return nil }
                base = b
            }
            pieces.append(.iterator(offset: offset, width: width, base: base))
            i = close + 1
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    private static func signedNumber(_ text: ArraySlice<UInt8>) -> Int? {
        var digits = text
        var negative = false
        if digits.first == UInt8(ascii: "-") {
            negative = true
            digits = digits.dropFirst()
        } else if digits.first == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        guard let value = DecimalText.parse(digits), value <= UInt64(Int32.max) else { return nil }
        return negative ? -Int(value) : Int(value)
    }

    func expand(_ iterator: Int, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        for piece in pieces {
            switch piece {
            case .literal(let bytes):
                out.append(contentsOf: bytes)
            case .iterator(let offset, let width, let base):
                Self.format(iterator + offset, width: width, base: base, into: &out)
            }
        }
    }

    static func format(_ value: Int, width: Int, base: UInt8, into out: inout [UInt8]) {
        switch base {
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            // Reversed nibbles, each followed by a dot while width or value remain;
            // `width` counts characters, dots included (BIND's nibble mode).
            let digits = base == UInt8(ascii: "n") ? Array("0123456789abcdef".utf8) : Array("0123456789ABCDEF".utf8)
            var v = UInt64(UInt32(truncatingIfNeeded: value))
            var w = width
            repeat {
                out.append(digits[Int(v & 0xF)])
                v >>= 4
                if w > 0 { w -= 1 }
                if w > 0 || v != 0 {
                    out.append(UInt8(ascii: "."))
                    if w > 0 { w -= 1 }
                }
            } while v != 0 || w > 0
        default:
            let radix: Int
            var uppercase = false
            switch base {
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "X"): radix = 16; uppercase = true
            default: radix = 10
            }
            // Like printf: hex and octal print the value as unsigned.
            let text: String
            if radix == 10 {
                text = String(value)
            } else {
                text = String(UInt32(truncatingIfNeeded: value), radix: radix, uppercase: uppercase)
            }
            let negative = text.hasPrefix("-")
            let digits = negative ? text.dropFirst() : Substring(text)
            if negative { out.append(UInt8(ascii: "-")) }
            let padding = width - digits.utf8.count - (negative ? 1 : 0)
            if padding > 0 { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: padding)) }
            out.append(contentsOf: digits.utf8)
        }
    }
}
