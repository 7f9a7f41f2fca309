extension DomainName: Comparable {
    /// RFC 4034 §6.1 canonical order: compare labels from the rightmost, each as a
    /// lower-cased octet string, a label that is a prefix of another sorting first.
    public static func < (lhs: DomainName, rhs: DomainName) -> Bool {
        canonicalCompare(lhs, rhs) < 0
    }

    /// Negative, zero or positive as `lhs` sorts before, with or after `rhs`.
    public static func canonicalCompare(_ lhs: DomainName, _ rhs: DomainName) -> Int {
        lhs.wire.withUnsafeBufferPointer { a in
            rhs.wire.withUnsafeBufferPointer { b in canonicalCompare(wire: a, b) }
        }
    }

    /// The same over wire-form names in caller-owned memory (a server's name table),
    /// with no `DomainName` built.
    public static func canonicalCompare(wire a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        // At most 128 labels fit in 255 octets.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { offsets in
            let countA = labelOffsets(a, into: offsets, base: 0)
            let countB = labelOffsets(b, into: offsets, base: 128)
            var i = countA - 1
            var j = countB - 1
            while i >= 0 && j >= 0 {
                let startA = Int(offsets[i])
                let startB = Int(offsets[128 + j])
                let lengthA = Int(a[startA])
                let lengthB = Int(b[startB])
                let common = min(lengthA, lengthB)
                var k = 1
                while k <= common {
                    let x = asciiLower(a[startA + k])
                    let y = asciiLower(b[startB + k])
                    if x != y { return Int(x) - Int(y) }
                    k += 1
                }
                if lengthA != lengthB { return lengthA - lengthB }
                i -= 1
                j -= 1
            }
            return countA - countB
        }
    }

    private static func labelOffsets(_ wire: UnsafeBufferPointer<UInt8>, into offsets: UnsafeMutableBufferPointer<UInt8>, base: Int) -> Int {
        var count = 0
        var index = 0
        while wire[index] != 0 {
            offsets[base + count] = UInt8(index)
            count += 1
            index += 1 + Int(wire[index])
        }
        return count
    }

    /// A byte string whose plain lexicographic order is the canonical order of the
    /// names: labels from the rightmost, lower-cased, each followed by a 0 separator,
    /// with 0 and 1 octets inside labels escaped as 1,1 and 1,2 so the separator
    /// still sorts first. Sorting many names by key is several times faster than
    /// comparing them label by label.
    public var canonicalSortKey: [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(wire.count + 4)
        wire.withUnsafeBufferPointer { Self.appendCanonicalSortKey(of: $0, to: &key) }
        return key
    }

    /// Appends the sort key of a wire-form name, for callers that keep many keys in one
    /// buffer.
    public static func appendCanonicalSortKey(of wire: UnsafeBufferPointer<UInt8>, to key: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { offsets in
            var count = 0
            var index = 0
            while wire[index] != 0 {
                offsets[count] = index
                count += 1
                index += 1 + Int(wire[index])
            }
            var k = count - 1
            while k >= 0 {
                let start = offsets[k]
                let length = Int(wire[start])
                for i in (start + 1)...(start + length) {
                    let byte = asciiLower(wire[i])
                    if byte <= 1 {
                        key.append(1)
                        key.append(byte + 1)
                    } else {
                        key.append(byte)
                    }
                }
                key.append(0)
                k -= 1
            }
        }
    }
}
