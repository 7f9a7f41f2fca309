/// The mnemonics and number formats BIND 9.18 prints in message text. They differ from
/// ours in places (class 2 is `CLASS2`, not `CS`; status 17 has no name outside a
/// TSIG), and matching dig and nsupdate exactly is the point of `Message.text`.
enum BINDText {
    /// BIND 9.18.49's type names (`dig` prints every other type as `TYPEnnn`).
    static let typeNames: [UInt16: String] = {
        var names = RRType.mnemonics.filter { bindTypeCodes.contains($0.key) }
        names[66] = "DSYNC"
        names[67] = "HHIT"
        names[68] = "BRID"
        return names
    }()

    static let bindTypeCodes: Set<UInt16> = Set(Array(1...53) + Array(55...68) + Array(99...109)
        + Array(249...262) + [32768, 32769]).subtracting([54])

    static func typeName(_ type: RRType) -> String {
        typeNames[type.rawValue] ?? "TYPE\(type.rawValue)"
    }

    static func className(_ rrClass: RRClass) -> String {
        switch rrClass.rawValue {
        case 0: return "RESERVED0"
        case 1: return "IN"
        case 3: return "CH"
        case 4: return "HS"
        case 254: return "NONE"
        case 255: return "ANY"
        default: return "CLASS\(rrClass.rawValue)"
        }
    }

    /// `dns_rcode_totext`: the header and EDNS response codes.
    static func rcodeName(_ rcode: RCode) -> String? {
        switch rcode.rawValue {
        case 0...10: return RCode.mnemonics[rcode.rawValue]
        case 11...15: return "RESERVED\(rcode.rawValue)"
        case 16: return "BADVERS"
        case 23: return "BADCOOKIE"
        default: return nil
        }
    }

    /// `dns_tsigrcode_totext`: a TSIG record's error field.
    static func tsigErrorName(_ rcode: RCode) -> String {
        switch rcode.rawValue {
        case 16: return "BADSIG"
        case 17: return "BADKEY"
        case 18: return "BADTIME"
        case 19: return "BADMODE"
        case 20: return "BADNAME"
        case 21: return "BADALG"
        case 22: return "BADTRUNC"
        case 0...15: return rcodeName(rcode)!
        default: return "\(rcode.rawValue)"
        }
    }

    /// `dns_ttl_totext` in its verbose form: `2 weeks`, `1 day 3 hours`, `0 seconds`.
    static func verboseDuration(_ seconds: UInt32) -> String {
        var rest = seconds
        let secs = rest % 60; rest /= 60
        let mins = rest % 60; rest /= 60
        let hours = rest % 24; rest /= 24
        let days = rest % 7; rest /= 7
        let weeks = rest
        var parts: [String] = []
        func add(_ value: UInt32, _ unit: String) {
            parts.append("\(value) \(unit)\(value == 1 ? "" : "s")")
        }
        if weeks != 0 { add(weeks, "week") }
        if days != 0 { add(days, "day") }
        if hours != 0 { add(hours, "hour") }
        if mins != 0 { add(mins, "minute") }
        if secs != 0 || parts.isEmpty { add(secs, "second") }
        return parts.joined(separator: " ")
    }

    /// C's `isprint` in the C locale.
    @inline(__always)
    static func isPrintable(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }
}

/// Text with BIND's tab-stop columns (`masterdump.c`'s `indent`): a field moves to its
/// column with tabs of width 8, or one space when the text before it is too long.
struct ColumnText {
    var bytes: [UInt8] = []
    /// The column of the current line, counted from where the line's fields started.
    var column = 0

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        column += text.utf8.count
    }

    mutating func append(bytes text: [UInt8]) {
        bytes.append(contentsOf: text)
        column += text.count
    }

    /// Moves to `target`, or one column on when already there or past it.
    mutating func indent(to target: Int) {
        let to = max(target, column + 1)
        let tabs = to / 8 - column / 8
        var from = column
        if tabs > 0 {
            bytes.append(contentsOf: repeatElement(0x09, count: tabs))
            from = (to / 8) * 8
        }
        bytes.append(contentsOf: repeatElement(0x20, count: to - from))
        column = to
    }

    /// Ends the line; text after a newline inside a line is not counted.
    mutating func newline() {
        bytes.append(0x0A)
        column = 0
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
