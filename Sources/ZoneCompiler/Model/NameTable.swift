/// Domain names interned in one byte arena, found through an open-addressing hash
/// index that ignores ASCII case.
///
/// A million owner names cost a million small allocations and a million SipHash runs
/// as `[DomainName: …]`; here they are one growing byte array, an `Int32` per name
/// and a cheap hash. Lookups take any wire-form byte range, so a suffix of a name
/// (a parent, the zone cut above it) is found without building a new name.
public struct NameTable: Sendable {
    /// Wire forms back to back, in the case they were first written.
    private var arena: [UInt8] = []
    /// Name `i` is `arena[starts[i] ..< starts[i + 1]]`; one sentinel at the end.
    private var starts: [UInt32] = [0]
    /// Open addressing, linear probing. A slot holds the name's hash in its high half
    /// and its ID + 1 in the low half (0 is empty), so a probe reads one slot and only
    /// touches the name's bytes when the hashes match — one cache miss per lookup, not
    /// three. The count is a power of two and at least twice the number of names.
    private var slots: [UInt64] = []

    public init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        starts.reserveCapacity(capacity + 1)
    }

    public var count: Int { starts.count - 1 }

    /// The wire form of name `id`.
    public func wire(_ id: Int32) -> ArraySlice<UInt8> {
        arena[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])]
    }

    public func name(_ id: Int32) -> DomainName {
        DomainName(trustedWire: Array(wire(id)))
    }

    /// Calls `body` with the wire bytes of `id` without copying them.
    public func withWire<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = Int(starts[Int(id)])
        let end = Int(starts[Int(id) + 1])
        return try arena.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<end]))
        }
    }

    public func find(_ name: DomainName) -> Int32? {
        name.wire.withUnsafeBufferPointer { find($0) }
    }

    public func find(_ wire: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(wire)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        return arena.withUnsafeBufferPointer { bytes in
            slots.withUnsafeBufferPointer { table in
                while true {
                    let value = table[slot]
                    if value == 0 { return nil }
                    if UInt32(truncatingIfNeeded: value >> 32) == hash {
                        let id = Int32(truncatingIfNeeded: value) - 1
                        if equal(bytes, id, wire) { return id }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The ID of `wire`, adding it when it is new.
    @discardableResult
    public mutating func intern(_ wire: UnsafeBufferPointer<UInt8>) -> (id: Int32, inserted: Bool) {
        let hash = Self.hash(wire)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        let found: Int32? = arena.withUnsafeBufferPointer { bytes in
            slots.withUnsafeBufferPointer { table in
                while true {
                    let value = table[slot]
                    if value == 0 { return nil }
                    if UInt32(truncatingIfNeeded: value >> 32) == hash {
                        let id = Int32(truncatingIfNeeded: value) - 1
                        if equal(bytes, id, wire) { return id }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        if let found { return (found, false) }
        let id = Int32(count)
        arena.append(contentsOf: wire)
        starts.append(UInt32(arena.count))
        slots[slot] = UInt64(hash) << 32 | UInt64(id + 1)
        if count * 2 > slots.count { rehash(into: slots.count * 2) }
        return (id, true)
    }

    public mutating func intern(_ name: DomainName) -> (id: Int32, inserted: Bool) {
        name.wire.withUnsafeBufferPointer { intern($0) }
    }

    /// Moves every slot into a table of `size` slots; the hashes are in the slots, so
    /// this reads the old table in order and never touches the names.
    private mutating func rehash(into size: Int) {
        var fresh = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        fresh.withUnsafeMutableBufferPointer { table in
            for value in slots where value != 0 {
                var slot = Int(value >> 32) & mask
                while table[slot] != 0 { slot = (slot + 1) & mask }
                table[slot] = value
            }
        }
        slots = fresh
    }

    @inline(__always)
    private func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ id: Int32, _ wire: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[Int(id)])
        let length = Int(starts[Int(id) + 1]) - start
        guard length == wire.count else { return false }
        for i in 0..<length where lower(bytes[start + i]) != lower(wire[i]) { return false }
        return true
    }

    @inline(__always)
    private func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// FNV-1a over the lower-cased bytes, folded to 32 bits. Not keyed, so crafted
    /// names could collide; every name here comes from a zone file, an authenticated
    /// UPDATE or an authenticated transfer, and a collision costs a probe, not a wrong
    /// answer.
    @inline(__always)
    static func hash(_ wire: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in wire {
            let folded = byte &- 0x41 < 26 ? byte | 0x20 : byte
            h = (h ^ UInt64(folded)) &* 0x0000_0100_0000_01b3
        }
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }
}
