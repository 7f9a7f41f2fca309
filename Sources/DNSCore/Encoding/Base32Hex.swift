/// Base32 with the extended hex alphabet and no padding (RFC 4648 §7), as NSEC3 hashed
/// owner names use it (RFC 5155 §3.3). Read in either case, written in upper case.
public enum Base32Hex {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUV".utf8)

    public static func encode(_ data: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var buffer: UInt64 = 0
        var bits = 0
        for byte in data {
            buffer = buffer << 8 | UInt64(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int((buffer >> UInt64(bits)) & 0x1F)])
            }
        }
        if bits > 0 {
            out.append(alphabet[Int((buffer << UInt64(5 - bits)) & 0x1F)])
        }
        return out
    }

    /// nil on a bad character, on a length no byte string encodes to, or on non-zero
    /// trailing bits.
    public static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt64 = 0
        var bits = 0
        for c in text {
            let value: UInt8
            switch c {
            case 0x30...0x39: value = c - 0x30
            case 0x41...0x56: value = c - 0x41 + 10
            case 0x61...0x76: value = c - 0x61 + 10
            default: return nil
            }
            buffer = buffer << 5 | UInt64(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt64(bits)))
            }
        }
        // Leftover bits must be fewer than 5 and zero.
        guard bits < 5, buffer & ((1 << UInt64(bits)) - 1) == 0 else { return nil }
        return out
    }
}
