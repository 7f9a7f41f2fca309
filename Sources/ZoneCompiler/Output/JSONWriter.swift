/// A minimal JSON writer: enough for our reports, with correct string escaping, and
/// no dependency (ZoneCompiler uses no package, and Foundation's encoder would force
/// Codable models on every type).
struct JSONWriter {
    private(set) var text = ""
    private var needsComma = [false]
    private let indentUnit: String
    private var pretty: Bool { !indentUnit.isEmpty }

    init(pretty: Bool = true) {
        indentUnit = pretty ? "  " : ""
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        if pretty && needsComma.count > 1 {
            text += "\n" + String(repeating: indentUnit, count: needsComma.count - 1)
        }
    }

    private mutating func open(_ bracket: String) {
        text += bracket
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        if pretty && hadItems { text += "\n" + String(repeating: indentUnit, count: needsComma.count - 1) }
        text += bracket
    }

    mutating func beginObject(_ key: String? = nil) {
        separator()
        if let key { text += Self.quote(key) + (pretty ? ": " : ":") }
        open("{")
    }

    mutating func endObject() { close("}") }

    mutating func beginArray(_ key: String? = nil) {
        separator()
        if let key { text += Self.quote(key) + (pretty ? ": " : ":") }
        open("[")
    }

    mutating func endArray() { close("]") }

    mutating func field(_ key: String, _ value: String?) {
        separator()
        text += Self.quote(key) + (pretty ? ": " : ":") + (value.map(Self.quote) ?? "null")
    }

    mutating func field(_ key: String, _ value: Int) {
        separator()
        text += Self.quote(key) + (pretty ? ": " : ":") + String(value)
    }

    mutating func field(_ key: String, _ value: UInt32?) {
        separator()
        text += Self.quote(key) + (pretty ? ": " : ":") + (value.map { String($0) } ?? "null")
    }

    mutating func field(_ key: String, _ value: Bool) {
        separator()
        text += Self.quote(key) + (pretty ? ": " : ":") + (value ? "true" : "false")
    }

    mutating func value(_ string: String) {
        separator()
        text += Self.quote(string)
    }

    static func quote(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
