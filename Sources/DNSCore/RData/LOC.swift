/// Location (RFC 1876 §2): size and precisions as mantissa-exponent centimetres,
/// latitude and longitude in thousandths of an arc second offset by 2^31, altitude in
/// centimetres above 100 000 m below the reference spheroid.
///
/// Only version 0 has a meaning; other versions are kept opaque and written in the
/// RFC 3597 generic form, as BIND does.
public struct LOC: RDataFormat {
    public static let rrType = RRType.loc
    public var version: UInt8
    public var size: UInt8
    public var horizontalPrecision: UInt8
    public var verticalPrecision: UInt8
    public var latitude: UInt32
    public var longitude: UInt32
    public var altitude: UInt32
    /// The octets after the version octet when `version` is not 0.
    public var opaque: [UInt8]

    static let equator: UInt32 = 0x8000_0000

    public init(size: UInt8 = 0x12, horizontalPrecision: UInt8 = 0x16, verticalPrecision: UInt8 = 0x13,
                latitude: UInt32, longitude: UInt32, altitude: UInt32) {
        version = 0
        self.size = size
        self.horizontalPrecision = horizontalPrecision
        self.verticalPrecision = verticalPrecision
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
        opaque = []
    }

    /// A LOC of another version than 0, kept as it came.
    public init(version: UInt8, opaque: [UInt8]) {
        precondition(version != 0)
        self.version = version
        size = 0
        horizontalPrecision = 0
        verticalPrecision = 0
        latitude = 0
        longitude = 0
        altitude = 0
        self.opaque = opaque
    }

    /// A size or precision octet: 0, or a mantissa 1-9 and an exponent 0-9.
    static func isValidPrecision(_ c: UInt8) -> Bool {
        c == 0 || (c & 0x0F <= 9 && c >> 4 <= 9 && c >> 4 != 0)
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        let version = try reader.readU8()
        guard version == 0 else {
            self.init(version: version, opaque: reader.readRemaining())
            return
        }
        guard reader.remaining >= 15 else { throw WireError(.truncated, at: reader.position) }
        let size = try reader.readU8()
        let horizontalPrecision = try reader.readU8()
        let verticalPrecision = try reader.readU8()
        guard Self.isValidPrecision(size), Self.isValidPrecision(horizontalPrecision), Self.isValidPrecision(verticalPrecision) else {
            throw Self.malformed(reader, "size or precision out of range")
        }
        let latitude = try reader.readU32()
        let longitude = try reader.readU32()
        let altitude = try reader.readU32()
        guard latitude >= Self.equator - 90 * 3_600_000, latitude <= Self.equator + 90 * 3_600_000 else {
            throw Self.malformed(reader, "latitude beyond 90 degrees")
        }
        guard longitude >= Self.equator - 180 * 3_600_000, longitude <= Self.equator + 180 * 3_600_000 else {
            throw Self.malformed(reader, "longitude beyond 180 degrees")
        }
        self.init(size: size, horizontalPrecision: horizontalPrecision, verticalPrecision: verticalPrecision,
                  latitude: latitude, longitude: longitude, altitude: altitude)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU8(version)
        guard version == 0 else {
            writer.writeBytes(opaque)
            return
        }
        writer.writeU8(size)
        writer.writeU8(horizontalPrecision)
        writer.writeU8(verticalPrecision)
        writer.writeU32(latitude)
        writer.writeU32(longitude)
        writer.writeU32(altitude)
    }

    /// `d1 [m1 [s1]] N|S d2 [m2 [s2]] E|W alt[m] [siz[m] [hp[m] [vp[m]]]]`, with
    /// BIND's defaults of 1m, 10000m and 10m for the optional sizes.
    public init(text reader: inout RDataTextReader) throws(TextError) {
        latitude = try Self.readCoordinate(&reader, directions: (UInt8(ascii: "S"), UInt8(ascii: "N")), maxDegrees: 90)
        longitude = try Self.readCoordinate(&reader, directions: (UInt8(ascii: "W"), UInt8(ascii: "E")), maxDegrees: 180)
        altitude = try Self.readAltitude(&reader)
        version = 0
        size = 0x12
        horizontalPrecision = 0x16
        verticalPrecision = 0x13
        opaque = []
        if reader.isAtEnd { return }
        size = try Self.readPrecision(&reader, "size")
        if reader.isAtEnd { return }
        horizontalPrecision = try Self.readPrecision(&reader, "horizontal precision")
        if reader.isAtEnd { return }
        verticalPrecision = try Self.readPrecision(&reader, "vertical precision")
    }

    /// Degrees, then optional minutes and seconds, then the direction; the value in
    /// thousandths of a second offset from 2^31.
    static func readCoordinate(_ reader: inout RDataTextReader, directions: (negative: UInt8, positive: UInt8), maxDegrees: UInt64) throws(TextError) -> UInt32 {
        func direction(_ reader: inout RDataTextReader) throws(TextError) -> UInt8? {
            let token = try reader.nextUnquoted("a direction")
            let text = reader.bytes(token)
            if text.count == 1, let c = text.first, c == directions.negative || c == directions.positive { return c }
            reader.unread()
            return nil
        }
        func check(_ d: UInt64, _ m: UInt64, _ s: UInt64, _ token: TextToken, _ reader: RDataTextReader) throws(TextError) {
            if d > maxDegrees || m > 59 || (d == maxDegrees && (m != 0 || s != 0)) {
                throw reader.error(.badRData, "coordinate out of range", at: token)
            }
        }
        let degreesToken = reader.currentToken
        let degrees = try reader.number(max: UInt64(UInt32.max), "degrees")
        try check(degrees, 0, 0, degreesToken, reader)
        var minutes: UInt64 = 0
        var seconds: UInt64 = 0
        var dir = try direction(&reader)
        if dir == nil {
            let minutesToken = reader.currentToken
            minutes = try reader.number(max: UInt64(UInt32.max), "minutes")
            try check(degrees, minutes, 0, minutesToken, reader)
            dir = try direction(&reader)
            if dir == nil {
                let secondsToken = try reader.nextUnquoted("seconds")
                guard let value = LOCDecimal.parse(reader.bytes(secondsToken), max: 59, precision: 3, unit: nil) else {
                    throw reader.error(.badRData, "bad seconds '\(reader.entry.text(of: secondsToken))'", at: secondsToken)
                }
                seconds = value
                try check(degrees, minutes, seconds, secondsToken, reader)
                dir = try direction(&reader)
                guard dir != nil else { throw reader.error(.badRData, "expected \(Character(UnicodeScalar(directions.positive))) or \(Character(UnicodeScalar(directions.negative)))") }
            }
        }
        let offset = UInt32((degrees * 3600 + minutes * 60) * 1000 + seconds)
        return dir == directions.positive ? equator + offset : equator - offset
    }

    static func readAltitude(_ reader: inout RDataTextReader) throws(TextError) -> UInt32 {
        let token = try reader.nextUnquoted("the altitude")
        let text = reader.bytes(token)
        if text.first == UInt8(ascii: "-") {
            guard let cm = LOCDecimal.parse(text.dropFirst(), max: 100_000, precision: 2, unit: UInt8(ascii: "m")), cm <= 10_000_000 else {
                throw reader.error(.badRData, "bad altitude '\(reader.entry.text(of: token))': from -100000.00m", at: token)
            }
            return UInt32(10_000_000 - cm)
        }
        guard let cm = LOCDecimal.parse(text, max: 42_849_672, precision: 2, unit: UInt8(ascii: "m")), cm <= 4_284_967_295 else {
            throw reader.error(.badRData, "bad altitude '\(reader.entry.text(of: token))': up to 42849672.95m", at: token)
        }
        return UInt32(10_000_000 + cm)
    }

    /// A size in metres as the RFC 1876 mantissa-exponent octet. Like BIND, whole
    /// metres keep only their leading digit and centimetres count only below 1m.
    static func readPrecision(_ reader: inout RDataTextReader, _ what: String) throws(TextError) -> UInt8 {
        let token = try reader.nextUnquoted(what)
        guard let (metres, cm) = LOCDecimal.parsePrecision(reader.bytes(token)) else {
            throw reader.error(.badRData, "bad \(what) '\(reader.entry.text(of: token))': 0 to 90000000m", at: token)
        }
        if metres > 0 {
            var exponent = 0
            var power: UInt64 = 1
            while exponent < 7 && metres >= power * 10 {
                power *= 10
                exponent += 1
            }
            return UInt8(metres / power) << 4 | UInt8(exponent + 2)
        }
        if cm >= 10 { return UInt8(cm / 10) << 4 | 1 }
        return UInt8(cm) << 4
    }

    static let powersOfTen: [UInt64] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000]

    static func precisionText(_ c: UInt8) -> String {
        let mantissa = UInt64(c >> 4), exponent = Int(c & 0x0F)
        if exponent > 1 { return "\(mantissa * powersOfTen[exponent - 2])m" }
        let cm = mantissa * powersOfTen[exponent]
        return cm < 10 ? "0.0\(cm)m" : "0.\(cm)m"
    }

    static func coordinateText(_ value: UInt32, _ directions: (negative: String, positive: String)) -> String {
        let positive = value >= equator
        var v = positive ? value - equator : equator - value
        let fraction = v % 1000
        v /= 1000
        let seconds = v % 60
        v /= 60
        let minutes = v % 60
        let degrees = v / 60
        let pad = fraction < 10 ? "00" : fraction < 100 ? "0" : ""
        return "\(degrees) \(minutes) \(seconds).\(pad)\(fraction) \(positive ? directions.positive : directions.negative)"
    }

    public func writeText(to writer: inout RDataTextWriter) {
        guard version == 0 else {
            var wire = WireWriter(capacity: opaque.count + 1)
            encode(to: &wire, compress: false)
            writer.generic(wire.bytes)
            return
        }
        writer.word(Self.coordinateText(latitude, ("S", "N")))
        writer.word(Self.coordinateText(longitude, ("W", "E")))
        let below = altitude < 10_000_000
        let cm = below ? 10_000_000 - altitude : altitude - 10_000_000
        writer.word("\(below ? "-" : "")\(cm / 100).\(cm % 100 < 10 ? "0" : "")\(cm % 100)m")
        writer.word(Self.precisionText(size))
        writer.word(Self.precisionText(horizontalPrecision))
        writer.word(Self.precisionText(verticalPrecision))
    }

    public var rdata: RData { .loc(self) }
}

/// BIND's LOC number reading (`loc_getdecimal`): `strtoul` digits with an optional
/// sign, a fraction of up to `precision` digits, an optional unit letter; the value
/// scaled by 10^precision.
enum LOCDecimal {
    /// `strtoul`: optional `+` or `-` (which wraps), then decimal digits. Returns the
    /// value and the index after the digits; the index is the start if none were read.
    static func strtoul(_ text: ArraySlice<UInt8>) -> (UInt64, Int) {
        var i = text.startIndex
        var negative = false
        if i < text.endIndex, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var value: UInt64 = 0
        var any = false
        var overflow = false
        while i < text.endIndex, text[i] &- 48 < 10 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(UInt64(text[i] - 48))
            overflow = overflow || o1 || o2
            value = a
            any = true
            i += 1
        }
        guard any else { return (0, text.startIndex) }
        if overflow { return (UInt64.max, i) }
        return (negative ? 0 &- value : value, i)
    }

    static func parse(_ text: ArraySlice<UInt8>, max: UInt64, precision: Int, unit: UInt8?) -> UInt64? {
        let (whole, end) = strtoul(text)
        var i = end
        func at(_ i: Int) -> UInt8? { i < text.endIndex ? text[i] : nil }
        if let c = at(i), c != UInt8(ascii: "."), c != unit { return nil }
        guard whole <= max else { return nil }
        var ok = end != text.startIndex
        var value = whole
        var digits = 0
        if at(i) == UInt8(ascii: ".") {
            i += 1
            while digits < precision, let c = at(i), c != unit {
                guard c &- 48 < 10 else { return nil }
                value = value * 10 + UInt64(c - 48)
                ok = true
                digits += 1
                i += 1
            }
        }
        while digits < precision {
            value *= 10
            digits += 1
        }
        if let c = at(i), c == unit { i += 1 }
        guard ok, i == text.endIndex else { return nil }
        return value
    }

    /// `loc_getprecision`: whole metres (at most 90000000) and centimetres apart.
    static func parsePrecision(_ text: ArraySlice<UInt8>) -> (UInt64, UInt64)? {
        let (metres, end) = strtoul(text)
        var i = end
        func at(_ i: Int) -> UInt8? { i < text.endIndex ? text[i] : nil }
        if let c = at(i), c != UInt8(ascii: "."), c != UInt8(ascii: "m") { return nil }
        guard metres <= 90_000_000 else { return nil }
        var cm: UInt64 = 0
        var ok = end != text.startIndex
        var digits = 0
        if at(i) == UInt8(ascii: ".") {
            i += 1
            while digits < 2, let c = at(i), c != UInt8(ascii: "m") {
                guard c &- 48 < 10 else { return nil }
                cm = cm * 10 + UInt64(c - 48)
                ok = true
                digits += 1
                i += 1
            }
            while digits < 2 {
                cm *= 10
                digits += 1
            }
        }
        if at(i) == UInt8(ascii: "m") { i += 1 }
        guard ok, i == text.endIndex else { return nil }
        return (metres, cm)
    }
}
