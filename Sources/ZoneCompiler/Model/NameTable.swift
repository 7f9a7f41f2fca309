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
    private var hashes: [UInt32] = []
    /// Open addressing, linear probing; -1 is empty. The count is a power of two and
    /// at least twice the number of names.
    private var slots: [Int32] = []

    public init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity + 1)
    }

    public var count: Int { hashes.count }

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
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                if hashes[Int(id)] == hash && equal(bytes, id, wire) { return id }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The ID of `wire`, adding it when it is new.
    @discardableResult
    public mutating func intern(_ wire: UnsafeBufferPointer<UInt8>) -> (id: Int32, inserted: Bool) {
        let hash = Self.hash(wire)
        var mask = slots.count - 1
        var slot = Int(hash) & mask
        let found: Int32? = arena.withUnsafeBufferPointer { bytes in
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                if hashes[Int(id)] == hash && equal(bytes, id, wire) { return id }
                slot = (slot + 1) & mask
            }
        }
        if let found { return (found, false) }
        let id = Int32(hashes.count)
        arena.append(contentsOf: wire)
        starts.append(UInt32(arena.count))
        hashes.append(hash)
        if hashes.count * 2 > slots.count {
            grow()
            mask = slots.count - 1
            slot = Int(hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
        }
        slots[slot] = id
        return (id, true)
    }

    public mutating func intern(_ name: DomainName) -> (id: Int32, inserted: Bool) {
        name.wire.withUnsafeBufferPointer { intern($0) }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for id in 0..<Int32(hashes.count - 1) {
            var slot = Int(hashes[Int(id)]) & mask
            while fresh[slot] >= 0 { slot = (slot + 1) & mask }
            fresh[slot] = id
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
