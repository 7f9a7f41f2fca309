/// TTLs and other durations in presentation text: a plain number of seconds, or
/// numbers with units `w d h m s` in any case (`1h30m`), as BIND reads them.
public enum TTLText {
    /// nil for anything BIND would reject: an empty number, an unknown unit, digits
    /// after a unit without a unit of their own (`1h30`), or a total past 2^32-1.
    @inlinable
    public static func parse(_ text: some Collection<UInt8>) -> UInt32? {
        guard !text.isEmpty, text.count <= 63 else { return nil }
        if text.allSatisfy({ $0 &- 48 < 10 }) {
            guard let value = DecimalText.parse(text), value <= UInt64(UInt32.max) else { return nil }
            return UInt32(value)
        }
        var total: UInt64 = 0
        var number: UInt64 = 0
        var digits = 0
        for byte in text {
            if byte &- 48 < 10 {
                number = number * 10 + UInt64(byte - 48)
                digits += 1
                if number > UInt64(UInt32.max) { return nil }
                continue
            }
            guard digits > 0 else { return nil }
            let unit: UInt64
            switch byte | 0x20 {
            case UInt8(ascii: "w"): unit = 604_800
            case UInt8(ascii: "d"): unit = 86_400
            case UInt8(ascii: "h"): unit = 3_600
            case UInt8(ascii: "m"): unit = 60
            case UInt8(ascii: "s"): unit = 1
            default: return nil
            }
            total += number * unit
            guard total <= UInt64(UInt32.max) else { return nil }
            number = 0
            digits = 0
        }
        // Trailing digits without a unit after a unit.
        guard digits == 0 else { return nil }
        return UInt32(total)
    }

    public static func parse(_ text: String) -> UInt32? { parse(Array(text.utf8)) }
}
