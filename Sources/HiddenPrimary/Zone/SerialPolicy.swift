#if canImport(Glibc)
import Glibc
#endif
import ZoneCompiler

/// How the primary picks each new version's serial (DESIGN §4). Nobody bumps serials by
/// hand: a serial written in the source, or sent in an UPDATE, is only a floor, and the
/// published serial always increases in RFC 1982 terms.
public enum SerialPolicy: String, Sendable, CaseIterable {
    /// The previous serial plus one.
    case increment
    /// Seconds since the epoch, or the previous plus one if that is not greater.
    case unixtime
    /// YYYYMMDDnn for today (UTC), or the previous plus one if that is not greater.
    case date

    /// The serial after `current`: at least `floor` when that is greater, and always
    /// greater than `current`.
    public func next(after current: UInt32, floor: UInt32? = nil, now: UInt64) -> UInt32 {
        let successor = current &+ 1
        var candidate = successor
        switch self {
        case .increment:
            break
        case .unixtime:
            let time = UInt32(truncatingIfNeeded: now)
            if SerialNumber(time).compare(to: SerialNumber(current)) == .greater { candidate = time }
        case .date:
            let today = Self.dateSerial(now)
            if SerialNumber(today).compare(to: SerialNumber(current)) == .greater { candidate = today }
        }
        if let floor, SerialNumber(floor).compare(to: SerialNumber(candidate)) == .greater {
            candidate = floor
        }
        // A floor more than 2^31 ahead is not "greater" in serial arithmetic either way;
        // whatever we pick must be.
        if SerialNumber(candidate).compare(to: SerialNumber(current)) != .greater { candidate = successor }
        return candidate
    }

    /// YYYYMMDD00 for the UTC day of `now`.
    static func dateSerial(_ now: UInt64) -> UInt32 {
        var seconds = time_t(now)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let day = UInt32(parts.tm_year + 1900) * 10000 + UInt32(parts.tm_mon + 1) * 100 + UInt32(parts.tm_mday)
        return day * 100
    }
}
