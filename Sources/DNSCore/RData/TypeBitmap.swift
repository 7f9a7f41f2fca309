/// The set of RR types at a name, as NSEC, NSEC3 and CSYNC carry it: windows of up to
/// 256 types, each a window number, a length of 1 to 32 and a bitmap (RFC 4034 §4.1.2).
public struct TypeBitmap: Hashable, Sendable {
    /// The types, ascending and without repeats.
    public private(set) var types: [RRType]

    public init(_ types: some Sequence<RRType>) {
        self.types = Array(Set(types)).sorted()
    }

    public var isEmpty: Bool { types.isEmpty }

    public func contains(_ type: RRType) -> Bool {
        var low = 0, high = types.count
        while low < high {
            let mid = (low + high) / 2
            if types[mid] < type { low = mid + 1 } else { high = mid }
        }
        return low < types.count && types[low] == type
    }

    /// Reads windows up to the end of the RDATA, as strictly as BIND: windows in
    /// ascending order, each 1 to 32 octets long with a non-zero last octet.
    init(wire reader: inout WireReader, allowEmpty: Bool, owner: RRType) throws(WireError) {
        var types: [RRType] = []
        var lastWindow = -1
        while !reader.isAtEnd {
            let start = reader.position
            let window = Int(try reader.readU8())
            let length = Int(try reader.readU8())
            guard window > lastWindow else {
                throw WireError(.badRData, at: start, "\(owner): type bitmap window \(window) out of order")
            }
            guard (1...32).contains(length) else {
                throw WireError(.badRData, at: start, "\(owner): type bitmap window length \(length) not in 1...32")
            }
            let bits = try reader.readBytes(length)
            guard bits[length - 1] != 0 else {
                throw WireError(.badRData, at: start, "\(owner): type bitmap window \(window) ends with a zero octet")
            }
            for (i, byte) in bits.enumerated() where byte != 0 {
                for bit in 0..<8 where byte & (0x80 >> bit) != 0 {
                    types.append(RRType(UInt16(window << 8 | i << 3 | bit)))
                }
            }
            lastWindow = window
        }
        guard allowEmpty || !types.isEmpty else {
            throw WireError(.badRData, at: reader.position, "\(owner): empty type bitmap")
        }
        self.types = types
    }

    func encode(to writer: inout WireWriter) {
        var index = 0
        while index < types.count {
            let window = types[index].rawValue >> 8
            var bits = [UInt8](repeating: 0, count: 32)
            var length = 0
            while index < types.count && types[index].rawValue >> 8 == window {
                let low = Int(types[index].rawValue & 0xFF)
                bits[low >> 3] |= 0x80 >> UInt8(low & 7)
                length = (low >> 3) + 1
                index += 1
            }
            writer.writeU8(UInt8(window))
            writer.writeU8(UInt8(length))
            writer.writeBytes(bits[0..<length])
        }
    }

    /// The remaining tokens as type mnemonics or `TYPEnnn`; repeats are allowed.
    init(text reader: inout RDataTextReader) throws(TextError) {
        var types: [RRType] = []
        while !reader.isAtEnd {
            types.append(try reader.rrType("a type in the bitmap"))
        }
        self.init(types)
    }

    func writeText(to writer: inout RDataTextWriter) {
        for type in types { writer.rrType(type) }
    }
}
