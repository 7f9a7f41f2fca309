/// An IPv4 address, as the RDATA of an A record holds it.
public struct IPv4Address: Hashable, Sendable, Comparable {
    /// The address in host order; the wire form is big-endian.
    public var value: UInt32

    public init(_ value: UInt32) { self.value = value }

    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    public var bytes: [UInt8] {
        [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    /// Dotted-quad text, strictly: four decimal parts from 0 to 255, no leading zeros
    /// (which some parsers read as octal), nothing else.
    @inlinable
    public init?(text: some Collection<UInt8>) {
        var parts = 0
        var current = 0
        var digits = 0
        var result: UInt32 = 0
        var leadingZero = false
        for byte in text {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, parts < 3 else { return nil }
                result = result << 8 | UInt32(current)
                parts += 1
                current = 0
                digits = 0
                continue
            }
            guard byte &- 48 < 10 else { return nil }
            if digits == 1 && leadingZero { return nil }
            if digits == 0 { leadingZero = byte == 48 }
            current = current * 10 + Int(byte - 48)
            digits += 1
            guard current <= 255 else { return nil }
        }
        guard parts == 3, digits > 0 else { return nil }
        value = result << 8 | UInt32(current)
    }

    public init?(_ text: String) { self.init(text: Array(text.utf8)) }

    public static func < (a: IPv4Address, b: IPv4Address) -> Bool { a.value < b.value }
}

extension IPv4Address: CustomStringConvertible {
    public var description: String {
        "\(value >> 24).\((value >> 16) & 0xFF).\((value >> 8) & 0xFF).\(value & 0xFF)"
    }
}
