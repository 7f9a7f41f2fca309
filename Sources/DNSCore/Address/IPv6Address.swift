/// An IPv6 address, as the RDATA of an AAAA record holds it.
public struct IPv6Address: Hashable, Sendable, Comparable {
    /// The first and last 64 bits, in host order: inline storage, no allocation.
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(words: [UInt16]) {
        precondition(words.count == 8)
        high = 0
        low = 0
        for i in 0..<4 { high = high << 16 | UInt64(words[i]) }
        for i in 4..<8 { low = low << 16 | UInt64(words[i]) }
    }

    public init(bytes: some Collection<UInt8>) {
        precondition(bytes.count == 16)
        high = 0
        low = 0
        for (i, byte) in bytes.enumerated() {
            if i < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
    }

    /// The eight 16-bit groups.
    public var words: [UInt16] {
        (0..<4).map { UInt16(truncatingIfNeeded: high >> UInt64(48 - 16 * $0)) }
            + (0..<4).map { UInt16(truncatingIfNeeded: low >> UInt64(48 - 16 * $0)) }
    }

    public var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> UInt64(56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> UInt64(56 - 8 * $0)) }
    }

    /// RFC 4291 §2.2 text: groups of one to four hex digits, at most one `::`, and an
    /// optional dotted-quad tail. Parses without allocating.
    @inlinable
    public init?(text: some Collection<UInt8>) {
        guard text.count >= 2, text.count <= 45 else { return nil }
        // Up to 46 bytes copied to the stack, so the scan below indexes plainly.
        var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        let parsed: (UInt64, UInt64)? = withUnsafeMutableBytes(of: &buffer) { raw in
            var n = 0
            for byte in text { raw[n] = byte; n += 1 }
            return IPv6Address.parseWords(UnsafeRawBufferPointer(rebasing: raw[0..<n]))
        }
        guard let (high, low) = parsed else { return nil }
        self.init(high: high, low: low)
    }

    @usableFromInline
    static func parseWords(_ input: UnsafeRawBufferPointer) -> (UInt64, UInt64)? {
        var words: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &words) { raw -> (UInt64, UInt64)? in
            let out = raw.bindMemory(to: UInt16.self)
            var count = 0            // groups written
            var gap = -1             // where '::' was, in groups
            var i = 0
            let n = input.count
            if input[0] == UInt8(ascii: ":") {
                guard input[1] == UInt8(ascii: ":") else { return nil }
                gap = 0
                i = 2
                if i == n { return (0, 0) }
            }
            while i < n {
                var j = i
                var value: UInt32 = 0
                var sawDot = false
                while j < n && input[j] != UInt8(ascii: ":") {
                    if input[j] == UInt8(ascii: ".") { sawDot = true }
                    j += 1
                }
                if sawDot {
                    // An IPv4 tail: must end the text and leave room for two groups.
                    guard j == n, count <= 6,
                          let v4 = IPv4Address(text: UnsafeRawBufferPointer(rebasing: input[i..<j])) else { return nil }
                    out[count] = UInt16(v4.value >> 16)
                    out[count + 1] = UInt16(truncatingIfNeeded: v4.value)
                    count += 2
                    i = j
                    break
                }
                guard j > i, j - i <= 4, count < 8 else { return nil }
                for k in i..<j {
                    guard let digit = Base16.value(input[k]) else { return nil }
                    value = value << 4 | UInt32(digit)
                }
                out[count] = UInt16(value)
                count += 1
                i = j
                if i == n { break }
                i += 1  // the colon
                if i < n && input[i] == UInt8(ascii: ":") {
                    guard gap < 0 else { return nil }
                    gap = count
                    i += 1
                    if i == n { break }
                } else if i == n {
                    return nil  // a single trailing colon
                }
            }
            if gap >= 0 {
                guard count <= 7 else { return nil }
                // Move the groups after '::' to the end.
                let tail = count - gap
                var k = tail - 1
                while k >= 0 {
                    out[8 - tail + k] = out[gap + k]
                    k -= 1
                }
                for z in gap..<(8 - tail) { out[z] = 0 }
            } else {
                guard count == 8 else { return nil }
            }
            var high: UInt64 = 0
            var low: UInt64 = 0
            for w in 0..<4 { high = high << 16 | UInt64(out[w]) }
            for w in 4..<8 { low = low << 16 | UInt64(out[w]) }
            return (high, low)
        }
    }

    public init?(_ text: String) { self.init(text: Array(text.utf8)) }

    public static func < (a: IPv6Address, b: IPv6Address) -> Bool { (a.high, a.low) < (b.high, b.low) }
}

extension IPv6Address: CustomStringConvertible {
    /// The text `inet_ntop` prints, which is what BIND and dig print: the longest run
    /// of two or more zero groups as `::`, lower-case hex, and a dotted-quad tail for
    /// IPv4-compatible and IPv4-mapped addresses.
    public var description: String {
        let words = self.words
        var bestStart = -1, bestLength = 0
        var runStart = -1
        for i in 0...8 {
            if i < 8 && words[i] == 0 {
                if runStart < 0 { runStart = i }
            } else if runStart >= 0 {
                if i - runStart > bestLength {
                    bestStart = runStart
                    bestLength = i - runStart
                }
                runStart = -1
            }
        }
        if bestLength < 2 { bestStart = -1 }
        var out = ""
        var i = 0
        while i < 8 {
            if i == bestStart {
                out += "::"
                i += bestLength
                continue
            }
            if i > 0 && !out.hasSuffix(":") { out += ":" }
            if i == 6 && bestStart == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF)) {
                out += "\(words[6] >> 8).\(words[6] & 0xFF).\(words[7] >> 8).\(words[7] & 0xFF)"
                break
            }
            out += String(words[i], radix: 16)
            i += 1
        }
        return out
    }
}
