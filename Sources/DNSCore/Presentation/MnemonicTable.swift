/// Names for the values of a small code field (DNSSEC algorithms, CERT types...), read
/// ignoring ASCII case and written in the case given here, as BIND does.
public struct MnemonicTable: Sendable {
    public let entries: [(name: String, value: UInt16)]

    public init(_ entries: [(name: String, value: UInt16)]) {
        self.entries = entries
    }

    /// The value named by `text`, ignoring case; nil for an unknown name.
    public func value(of text: some Collection<UInt8>) -> UInt16? {
        for entry in entries where entry.name.utf8.count == text.count {
            if zip(entry.name.utf8, text).allSatisfy({ asciiLower($0) == asciiLower($1) }) {
                return entry.value
            }
        }
        return nil
    }

    /// The first name listed for `value`.
    public func name(of value: UInt16) -> String? {
        entries.first { $0.value == value }?.name
    }
}

/// BIND's reading of numeric code fields (`maybe_numeric` in lib/dns/rcode.c): a token
/// that starts with a digit and has at most 12 characters is a number; otherwise it is a
/// mnemonic. Numbers are decimal, or hexadecimal (`0x101`, even `1e`) where decimal
/// fails and hex is allowed, as for key flags.
public enum CodeText {
    public enum Result: Equatable {
        case number(UInt64)
        /// Not a number: look the token up as a mnemonic.
        case notNumber
        /// A number too large for the field.
        case outOfRange
    }

    public static func parse(_ text: some Collection<UInt8>, max: UInt64, hexAllowed: Bool = false) -> Result {
        guard let first = text.first, first &- 48 < 10, text.count <= 12 else { return .notNumber }
        var value: UInt64 = 0
        var isDecimal = true
        for byte in text {
            guard byte &- 48 < 10 else { isDecimal = false; break }
            value = value * 10 + UInt64(byte - 48)
        }
        if !isDecimal {
            guard hexAllowed, let hex = parseHex(text) else { return .notNumber }
            value = hex
        }
        guard value <= UInt64(UInt32.max) else { return .outOfRange }
        return value <= max ? .number(value) : .outOfRange
    }

    /// `strtoul(text, 16)` consuming everything: an optional `0x`, then hex digits.
    static func parseHex(_ text: some Collection<UInt8>) -> UInt64? {
        var bytes = Array(text)[...]
        if bytes.count > 2, bytes.first == UInt8(ascii: "0"), bytes.dropFirst().first! | 0x20 == UInt8(ascii: "x") {
            bytes = bytes.dropFirst(2)
        }
        guard !bytes.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard let digit = Base16.value(byte) else { return nil }
            value = value << 4 | UInt64(digit)
        }
        return value
    }
}
