/// Unsigned decimal numbers in presentation text.
public enum DecimalText {
    /// Digits only, at least one; nil on anything else or on overflow past 2^63.
    @inlinable
    public static func parse(_ text: some Collection<UInt8>) -> UInt64? {
        guard !text.isEmpty, text.count <= 19 else { return nil }
        var value: UInt64 = 0
        for byte in text {
            guard byte &- 48 < 10 else { return nil }
            value = value * 10 + UInt64(byte - 48)
        }
        return value
    }
}
