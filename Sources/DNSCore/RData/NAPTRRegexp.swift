/// The check BIND applies to a NAPTR regexp field (RFC 3403 §4.1): empty, or
/// `delim ERE delim replacement delim flags`, where the delimiter is not a digit, a
/// backslash or `i`, the only flag is `i`, the extended regular expression is valid in
/// the C locale, and back-references in the replacement name existing groups.
///
/// A port of `txt_valid_regex` (lib/dns/rdata/generic/naptr_35.c) and
/// `isc_regex_validate` (lib/isc/regex.c), so the same regexps are accepted as there.
enum NAPTRRegexp {
    static func isValid(_ field: [UInt8]) -> Bool {
        guard let delimiter = field.first else { return true }
        switch delimiter {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "\\"), UInt8(ascii: "i"), 0:
            return false
        default:
            break
        }
        var regex: [UInt8] = []
        var inReplacement = false
        var inFlags = false
        var backReference = 0
        var i = 1
        while i < field.count {
            var c = field[i]
            i += 1
            if c == 0 { return false }
            if c == delimiter {
                if !inReplacement { inReplacement = true; continue }
                if !inFlags { inFlags = true; continue }
                return false
            }
            if inFlags {
                guard c == UInt8(ascii: "i") else { return false }
                continue
            }
            if !inReplacement { regex.append(c) }
            if c == UInt8(ascii: "\\") {
                guard i < field.count else { return false }
                c = field[i]
                i += 1
                if c == 0 { return false }
                if inReplacement {
                    if c == UInt8(ascii: "0") { return false }
                    if c &- 49 < 9 { backReference = max(backReference, Int(c - 48)) }
                } else {
                    regex.append(c)
                }
            }
        }
        guard inFlags, let groups = subexpressionCount(regex), backReference <= groups else { return false }
        return true
    }

    /// `isc_regex_validate`: the number of parenthesised groups in a POSIX extended
    /// regular expression, or nil when it is not one.
    static func subexpressionCount(_ c: [UInt8]) -> Int? {
        enum State { case none, bracket, bound, collatingElement, equivalenceClass, characterClass }
        let classes: [[UInt8]] = [":alnum:", ":digit:", ":punct:", ":alpha:", ":graph:", ":space:",
                                  ":blank:", ":lower:", ":upper:", ":cntrl:", ":print:", ":xdigit:"].map { Array($0.utf8) }
        var state = State.none
        var seenComma = false, seenHigh = false, seenChar = false, seenEC = false, seenCE = false
        var haveAtom = false, emptyOK = false, negated = false, wasMultiple = false
        var group = 0, range = 0, sub = 0
        var low = 0, high = 0
        var classStart = 0
        var rangeStart = 0
        var i = 0
        func at(_ k: Int) -> UInt8 { k < c.count ? c[k] : 0 }
        guard !c.isEmpty else { return nil }
        while i < c.count {
            switch state {
            case .none:
                switch c[i] {
                case UInt8(ascii: "\\"):
                    i += 1
                    let e = at(i)
                    if e &- 49 < 9 {
                        if Int(e - 48) > sub { return nil }
                        haveAtom = true
                        wasMultiple = false
                        i += 1
                    } else if e == 0 {
                        return nil
                    } else {
                        haveAtom = true
                        wasMultiple = false
                        i += 1
                    }
                case UInt8(ascii: "["):
                    i += 1
                    negated = false
                    wasMultiple = false
                    seenChar = false
                    state = .bracket
                case UInt8(ascii: "{"):
                    if at(i + 1) &- 48 < 10 {
                        if !haveAtom || wasMultiple { return nil }
                        seenComma = false
                        seenHigh = false
                        low = 0
                        high = 0
                        state = .bound
                        i += 1
                        haveAtom = true
                        wasMultiple = true
                    } else {
                        haveAtom = true
                        wasMultiple = false
                        i += 1
                    }
                case UInt8(ascii: "("):
                    haveAtom = false
                    wasMultiple = false
                    emptyOK = true
                    group += 1
                    sub += 1
                    i += 1
                case UInt8(ascii: ")"):
                    if group != 0 && !haveAtom && !emptyOK { return nil }
                    haveAtom = true
                    wasMultiple = false
                    if group != 0 { group -= 1 }
                    i += 1
                case UInt8(ascii: "|"):
                    if !haveAtom { return nil }
                    haveAtom = false
                    emptyOK = false
                    wasMultiple = false
                    i += 1
                case UInt8(ascii: "^"), UInt8(ascii: "$"):
                    haveAtom = true
                    wasMultiple = true
                    i += 1
                case UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "?"):
                    if wasMultiple || !haveAtom { return nil }
                    haveAtom = true
                    wasMultiple = true
                    i += 1
                default:
                    haveAtom = true
                    wasMultiple = false
                    i += 1
                }
            case .bound:
                switch c[i] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if !seenComma {
                        low = low * 10 + Int(c[i] - 48)
                        if low > 255 { return nil }
                    } else {
                        seenHigh = true
                        high = high * 10 + Int(c[i] - 48)
                        if high > 255 { return nil }
                    }
                    i += 1
                case UInt8(ascii: ","):
                    if seenComma { return nil }
                    seenComma = true
                    i += 1
                case UInt8(ascii: "}"):
                    if seenHigh && low > high { return nil }
                    seenComma = false
                    state = .none
                    i += 1
                default:
                    return nil
                }
            case .bracket:
                func inside() -> Bool {
                    seenChar = true
                    if range == 2 && Int(c[i]) < rangeStart { return false }
                    if range != 0 { range -= 1 }
                    rangeStart = Int(c[i])
                    i += 1
                    return true
                }
                switch c[i] {
                case UInt8(ascii: "^"):
                    if seenChar || negated {
                        if !inside() { return nil }
                    } else {
                        negated = true
                        i += 1
                    }
                case UInt8(ascii: "-"):
                    if range == 2 || !seenChar {
                        if !inside() { return nil }
                    } else {
                        if range == 1 { return nil }
                        range = 2
                        i += 1
                    }
                case UInt8(ascii: "["):
                    i += 1
                    switch at(i) {
                    case UInt8(ascii: "."):
                        if range != 0 { range -= 1 }
                        i += 1
                        state = .collatingElement
                        seenCE = false
                    case UInt8(ascii: "="):
                        if range == 2 { return nil }
                        i += 1
                        state = .equivalenceClass
                        seenEC = false
                    case UInt8(ascii: ":"):
                        if range == 2 { return nil }
                        classStart = i
                        i += 1
                        state = .characterClass
                    default:
                        break
                    }
                    seenChar = true
                case UInt8(ascii: "]"):
                    if at(i + 1) == 0 && !seenChar { return nil }
                    if !seenChar {
                        if !inside() { return nil }
                    } else {
                        i += 1
                        range = 0
                        haveAtom = true
                        state = .none
                    }
                default:
                    if !inside() { return nil }
                }
            case .collatingElement:
                if c[i] == UInt8(ascii: ".") {
                    i += 1
                    if at(i) == UInt8(ascii: "]") {
                        if !seenCE { return nil }
                        i += 1
                        state = .bracket
                    } else {
                        rangeStart = seenCE ? 256 : Int(UInt8(ascii: "."))
                        seenCE = true
                    }
                } else {
                    rangeStart = seenCE ? 256 : Int(c[i])
                    seenCE = true
                    i += 1
                }
            case .equivalenceClass:
                if c[i] == UInt8(ascii: "=") {
                    i += 1
                    if at(i) == UInt8(ascii: "]") {
                        if !seenEC { return nil }
                        i += 1
                        state = .bracket
                    } else {
                        seenEC = true
                    }
                } else {
                    seenEC = true
                    i += 1
                }
            case .characterClass:
                if c[i] == UInt8(ascii: ":") {
                    i += 1
                    if at(i) == UInt8(ascii: "]") {
                        let name = Array(c[classStart..<i])
                        if !classes.contains(name) { return nil }
                        i += 1
                        state = .bracket
                    }
                } else {
                    i += 1
                }
            }
        }
        if group != 0 || state != .none || !haveAtom { return nil }
        return sub
    }
}
