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
    /// optional dotted-quad tail.
    public init?(text: some Collection<UInt8>) {
        let input = Array(text)
        guard input.count >= 2, input.count <= 45 else { return nil }
        var head: [UInt16] = []
        var tail: [UInt16] = []
        var sawDoubleColon = false
        var i = 0
        if input[0] == UInt8(ascii: ":") {
            guard input[1] == UInt8(ascii: ":") else { return nil }
            sawDoubleColon = true
            i = 2
        }
        while i < input.count {
            // Find the end of this group.
            var j = i
            while j < input.count && input[j] != UInt8(ascii: ":") { j += 1 }
            let group = input[i..<j]
            if group.contains(UInt8(ascii: ".")) {
                // Embedded IPv4 must be last.
                guard j == input.count, let v4 = IPv4Address(text: group) else { return nil }
                if sawDoubleColon {
                    tail.append(UInt16(v4.value >> 16))
                    tail.append(UInt16(truncatingIfNeeded: v4.value))
                } else {
                    head.append(UInt16(v4.value >> 16))
                    head.append(UInt16(truncatingIfNeeded: v4.value))
                }
                i = j
                break
            }
            guard !group.isEmpty, group.count <= 4 else { return nil }
            var value: UInt16 = 0
            for c in group {
                guard let digit = Base16.value(c) else { return nil }
                value = value << 4 | UInt16(digit)
            }
            if sawDoubleColon { tail.append(value) } else { head.append(value) }
            i = j
            if i == input.count { break }
            // At a colon.
            i += 1
            if i < input.count && input[i] == UInt8(ascii: ":") {
                guard !sawDoubleColon else { return nil }
                sawDoubleColon = true
                i += 1
            } else if i == input.count {
                return nil  // a single trailing colon
            }
        }
        if sawDoubleColon {
            guard head.count + tail.count <= 7 else { return nil }
            self.init(words: head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail)
        } else {
            guard head.count == 8 else { return nil }
            self.init(words: head)
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
