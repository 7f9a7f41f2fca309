/// One JSON object on one line, for `--json` (one per send) and `--check --json`.
/// Small and dependency-free, like ZoneCompiler's writer.
public struct JSONLine {
    private var fields: [String] = []

    public init() {}

    public var text: String { "{" + fields.joined(separator: ",") + "}" }

    public mutating func field(_ name: String, _ value: String?) {
        fields.append("\(Self.quote(name)):\(value.map(Self.quote) ?? "null")")
    }

    public mutating func field(_ name: String, _ value: Int?) {
        fields.append("\(Self.quote(name)):\(value.map(String.init) ?? "null")")
    }

    public mutating func field(_ name: String, _ value: Double) {
        fields.append("\(Self.quote(name)):\((value * 1000).rounded() / 1000)")
    }

    public mutating func field(_ name: String, _ value: Bool) {
        fields.append("\(Self.quote(name)):\(value)")
    }

    public mutating func object(_ name: String, _ build: (inout JSONLine) -> Void) {
        var inner = JSONLine()
        build(&inner)
        fields.append("\(Self.quote(name)):\(inner.text)")
    }

    public mutating func array<T>(_ name: String, _ items: [T], _ build: (inout JSONLine, T) -> Void) {
        let parts = items.map { item -> String in
            var inner = JSONLine()
            build(&inner, item)
            return inner.text
        }
        fields.append("\(Self.quote(name)):[\(parts.joined(separator: ","))]")
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
