/// Backslash escapes in presentation text (RFC 1035 §5.1): `\DDD` is the octet with
/// that decimal value, `\X` is X itself.
public enum EscapedText {
    /// Resolves escapes; nil for a malformed one (`\25`, `\256`, a trailing `\`).
    @inlinable
    public static func unescape(_ text: some Collection<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var iterator = text.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                continue
            }
            guard let first = iterator.next() else { return nil }
            guard first &- 48 < 10 else {
                out.append(first)
                continue
            }
            guard let second = iterator.next(), second &- 48 < 10,
                  let third = iterator.next(), third &- 48 < 10 else { return nil }
            let value = Int(first - 48) * 100 + Int(second - 48) * 10 + Int(third - 48)
            guard value <= 255 else { return nil }
            out.append(UInt8(value))
        }
        return out
    }

    /// Appends a character-string as a quoted string with BIND's escaping: `"` and `\`
    /// escaped, bytes outside printable ASCII as `\DDD`.
    public static func appendQuoted(_ data: some Collection<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in data {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x20...0x7E:
                out.append(byte)
            default:
                appendDecimalEscape(byte, to: &out)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends a token that must stay one word: blanks and specials escaped too.
    public static func appendUnquoted(_ data: some Collection<UInt8>, to out: inout [UInt8]) {
        for byte in data {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: ";"), UInt8(ascii: "@"), UInt8(ascii: "$"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x21...0x7E:
                out.append(byte)
            default:
                appendDecimalEscape(byte, to: &out)
            }
        }
    }

    @inline(__always)
    static func appendDecimalEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(48 + byte / 100)
        out.append(48 + (byte / 10) % 10)
        out.append(48 + byte % 10)
    }
}
