/// Base64 (RFC 4648 §4) with padding, as DNS presentation form uses it.
public enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    public static func encode(_ data: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((data.count + 2) / 3 * 4)
        var iterator = data.makeIterator()
        while let a = iterator.next() {
            let b = iterator.next()
            let c = iterator.next()
            out.append(alphabet[Int(a >> 2)])
            out.append(alphabet[Int((a & 0x03) << 4 | (b ?? 0) >> 4)])
            out.append(b.map { alphabet[Int(($0 & 0x0F) << 2 | (c ?? 0) >> 6)] } ?? UInt8(ascii: "="))
            out.append(c.map { alphabet[Int($0 & 0x3F)] } ?? UInt8(ascii: "="))
        }
        return out
    }

    public static func encodeString(_ data: some Collection<UInt8>) -> String {
        String(decoding: encode(data), as: UTF8.self)
    }

    /// Decodes padded base64; nil on a bad character, bad padding or a length that is
    /// not a multiple of four.
    public static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        let input = Array(text)
        guard input.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 4 * 3)
        var i = 0
        while i < input.count {
            let isLast = i + 4 == input.count
            let c0 = decodeTable[Int(input[i])]
            let c1 = decodeTable[Int(input[i + 1])]
            guard c0 != 0xFF, c1 != 0xFF else { return nil }
            out.append(c0 << 2 | c1 >> 4)
            if input[i + 2] == UInt8(ascii: "=") {
                guard isLast, input[i + 3] == UInt8(ascii: "="), c1 & 0x0F == 0 else { return nil }
                break
            }
            let c2 = decodeTable[Int(input[i + 2])]
            guard c2 != 0xFF else { return nil }
            out.append((c1 & 0x0F) << 4 | c2 >> 2)
            if input[i + 3] == UInt8(ascii: "=") {
                guard isLast, c2 & 0x03 == 0 else { return nil }
                break
            }
            let c3 = decodeTable[Int(input[i + 3])]
            guard c3 != 0xFF else { return nil }
            out.append((c2 & 0x03) << 6 | c3)
            i += 4
        }
        return out
    }

    public static func decode(_ text: String) -> [UInt8]? { decode(Array(text.utf8)) }
}
