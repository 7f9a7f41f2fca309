/// Signature times (RRSIG and SIG inception and expiration, RFC 4034 §3.2) in
/// presentation text: `YYYYMMDDHHmmSS` in UTC, or for RRSIG a plain number of seconds.
///
/// The field is 32 bits of serial arithmetic (RFC 1982), so a written date is reduced
/// modulo 2^32, and a value is shown as the date nearest a reference time, as BIND
/// does. Without a reference the value is read as unsigned (1970 to 2106), which is the
/// same for every date before 2093 from today's clock.
public enum SignatureTimeText {
    public enum Failure: Error, Equatable {
        case syntax
        case outOfRange
    }

    static let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func yearSeconds(_ year: Int) -> Int64 { (isLeap(year) ? 366 : 365) * 86_400 }

    static func monthSeconds(_ month: Int, _ year: Int) -> Int64 {
        Int64(monthDays[month] + (month == 1 && isLeap(year) ? 1 : 0)) * 86_400
    }

    /// `YYYYMMDDHHmmSS` to seconds since 1970 (negative before it), BIND's
    /// `dns_time64_fromtext`: years 0 to 9999, and a leap second 60 is allowed.
    public static func parseCalendar(_ text: some Collection<UInt8>) -> Result<Int64, Failure> {
        guard text.count == 14, text.allSatisfy({ $0 &- 48 < 10 }) else { return .failure(.syntax) }
        let digits = text.map { Int($0 - 48) }
        func field(_ from: Int, _ count: Int) -> Int {
            digits[from..<(from + count)].reduce(0) { $0 * 10 + $1 }
        }
        let year = field(0, 4), month = field(4, 2), day = field(6, 2)
        let hour = field(8, 2), minute = field(10, 2), second = field(12, 2)
        guard (1...12).contains(month),
              day >= 1, day <= monthDays[month - 1] + (month == 2 && isLeap(year) ? 1 : 0),
              hour <= 23, minute <= 59, second <= 60 else { return .failure(.outOfRange) }
        var value = Int64(second + 60 * minute + 3600 * hour + (day - 1) * 86_400)
        for m in 0..<(month - 1) { value += monthSeconds(m, year) }
        if year < 1970 {
            for y in year..<1970 { value -= yearSeconds(y) }
        } else {
            for y in 1970..<year { value += yearSeconds(y) }
        }
        return .success(value)
    }

    /// An RRSIG time field: up to 10 characters not starting with a sign are seconds
    /// (at most 2^32-1); anything else is a calendar date, reduced modulo 2^32.
    public static func parse(_ text: some Collection<UInt8>, allowSeconds: Bool) -> Result<UInt32, Failure> {
        if allowSeconds, text.count <= 10, let first = text.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "+") {
            guard let value = DecimalText.parse(text) else { return .failure(.syntax) }
            guard value <= UInt64(UInt32.max) else { return .failure(.outOfRange) }
            return .success(UInt32(value))
        }
        switch parseCalendar(text) {
        case .success(let seconds): return .success(UInt32(truncatingIfNeeded: seconds))
        case .failure(let failure): return .failure(failure)
        }
    }

    /// The time `value` stands for: the instant nearest `reference` with these low 32
    /// bits (BIND's `dns_time32_totext`), or the unsigned value without a reference.
    public static func instant(of value: UInt32, reference: Int64?) -> Int64 {
        guard let reference else { return Int64(value) }
        let start = UInt32(truncatingIfNeeded: reference)
        if Int32(bitPattern: start &- value) > 0 {
            return reference - Int64(start &- value)
        }
        return reference + Int64(value &- start)
    }

    /// `YYYYMMDDHHmmSS` for seconds since 1970.
    public static func format(_ instant: Int64) -> [UInt8] {
        var t = instant
        var year = 1970
        while t < 0 {
            year -= 1
            t += yearSeconds(year)
        }
        while yearSeconds(year) <= t {
            t -= yearSeconds(year)
            year += 1
        }
        var month = 0
        while monthSeconds(month, year) <= t {
            t -= monthSeconds(month, year)
            month += 1
        }
        let day = Int(t / 86_400) + 1
        t %= 86_400
        var out: [UInt8] = []
        out.reserveCapacity(14)
        func append(_ value: Int, width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(48 + UInt8((value / divisor) % 10))
                divisor /= 10
            }
        }
        append(year, width: 4)
        append(month + 1, width: 2)
        append(day, width: 2)
        append(Int(t / 3600), width: 2)
        append(Int(t / 60 % 60), width: 2)
        append(Int(t % 60), width: 2)
        return out
    }
}
