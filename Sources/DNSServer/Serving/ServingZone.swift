import DNSCore
import ZoneCompiler

/// One version of a zone in the form queries are answered from, built once when the
/// version is published and never changed after (DESIGN §8).
///
/// Names are found through the zone's own `NameTable` (a case-insensitive hash over
/// wire bytes, so any suffix of a question name is looked up without allocating) plus
/// a second table for the empty non-terminals. Every name, owner or empty
/// non-terminal, has a `Node` with the flags the RFC 1034 §4.3.2 walk needs (zone cut,
/// DNAME, CNAME, below a cut, below a DNAME, wildcard child). RRsets are kept in wire
/// form in one byte arena, their records back to back as RDLENGTH + uncompressed RDATA,
/// so an answer is a copy; only the names inside the RDATA of the RFC 1035 types are
/// re-written, to compress them. The addresses that NS, MX and SRV targets need in
/// the additional section are found once, here, not per query.
public final class ServingZone: Sendable {
    /// The zone this was built from (for transfers, diffs and checks).
    public let zone: Zone
    public let origin: DomainName
    /// Owner names (node IDs `0 ..< ownerCount`, the zone's own name IDs).
    let names: NameTable
    /// Empty non-terminals: node ID `ownerCount + id`.
    let interior: NameTable
    let ownerCount: Int32
    let nodes: [Node]
    let rrsets: [RRSetEntry]
    /// RDATA of every RRset: per record a 16-bit length and the uncompressed RDATA.
    let data: [UInt8]
    /// Node IDs of NS, MX and SRV targets that own addresses, per RRset
    /// (`RRSetEntry.targetStart`, `targetCount`).
    let targets: [Int32]
    /// Nodes that own an NSEC RRset, in canonical order (RFC 4034 §6.1), for the
    /// records that prove a name or a type absent (RFC 4035 §3.1.3).
    let nsecOwners: [Int32]
    let apex: Int32
    /// The apex SOA RRset, and the TTL it gets in negative answers: the smaller of its
    /// TTL and its MINIMUM field (RFC 2308 §3).
    let soa: Int32
    public let negativeTTL: UInt32

    /// Flags of one name.
    struct Flags: OptionSet, Sendable {
        var rawValue: UInt16
        /// Owns NS and is not the apex: a zone cut (RFC 1034 §4.2.1).
        static let cut = Flags(rawValue: 1 << 0)
        static let dname = Flags(rawValue: 1 << 1)
        static let cname = Flags(rawValue: 1 << 2)
        /// Owns nothing; exists because names below it do.
        static let empty = Flags(rawValue: 1 << 3)
        /// A proper ancestor below the apex is a cut: the data here is glue or occluded.
        static let belowCut = Flags(rawValue: 1 << 4)
        /// A proper ancestor (the apex included) owns a DNAME: the data here is occluded.
        static let belowDNAME = Flags(rawValue: 1 << 5)
        static let apex = Flags(rawValue: 1 << 6)
        static let address = Flags(rawValue: 1 << 7)
    }

    struct Node: Sendable {
        /// The node's RRsets are `rrsets[firstRRSet ..< firstRRSet + rrsetCount]`, by
        /// type; its RRSIG groups (one per covered type) follow them.
        var firstRRSet: Int32
        var rrsetCount: UInt16
        var signatureCount: UInt16
        /// The node `*.<this name>`, or -1.
        var wildcard: Int32
        var flags: Flags
    }

    /// One RRset (or, with type RRSIG, the signatures covering one type at a name).
    struct RRSetEntry: Sendable {
        var type: RRType
        var count: UInt16
        var ttl: UInt32
        /// The records: `data[start ..< end]`.
        var start: UInt32
        var end: UInt32
        /// The RRSIG group covering this RRset, or -1.
        var signatures: Int32
        var targetStart: Int32
        var targetCount: Int32
    }

    public var nodeCount: Int { nodes.count }
    public var rrsetCount: Int { rrsets.count }
    /// Bytes held by the serving tables (not counting the zone itself).
    public var footprint: Int {
        interior.count * 24 + nodes.count * MemoryLayout<Node>.stride + rrsets.count * MemoryLayout<RRSetEntry>.stride
            + data.count + targets.count * 4 + nsecOwners.count * 4
    }

    public init(_ zone: Zone) {
        self.zone = zone
        origin = zone.origin
        let names = zone.nameTable
        let ownerCount = Int32(names.count)
        let originLength = zone.origin.wire.count

        // The empty non-terminals: ancestors of owner names, below the apex, that own
        // nothing themselves.
        var interior = NameTable()
        for id in 0..<ownerCount {
            names.withWire(id) { wire in
                guard wire.count > originLength else { return }
                var start = 1 + Int(wire[0])
                while wire.count - start > originLength {
                    let suffix = UnsafeBufferPointer(rebasing: wire[start...])
                    if names.find(suffix) != nil { break }
                    if !interior.intern(suffix).inserted { break }
                    start += 1 + Int(wire[start])
                }
            }
        }
        let nodeCount = Int(ownerCount) + interior.count

        var nodes = [Node](repeating: Node(firstRRSet: 0, rrsetCount: 0, signatureCount: 0, wildcard: -1, flags: .empty),
                           count: nodeCount)
        var rrsets: [RRSetEntry] = []
        rrsets.reserveCapacity(Int(ownerCount) * 2)
        var writer = WireWriter(capacity: Int(ownerCount) * 24)
        var scratch: [(type: RRType, covered: RRType, ttl: UInt32, rdata: RData)] = []
        var addressOwners = [Bool](repeating: false, count: nodeCount)
        let apex = names.find(zone.origin) ?? -1

        for id in 0..<ownerCount {
            scratch.removeAll(keepingCapacity: true)
            zone.forEachRecord(ofName: id) { type, ttl, rdata in
                var covered = RRType(0)
                if case .rrsig(let rrsig) = rdata { covered = rrsig.typeCovered }
                scratch.append((type, covered, ttl, rdata))
            }
            // Regular RRsets by type, then RRSIG groups by covered type. An insertion
            // sort: a name has few records, and it is stable, so records keep the
            // zone's order within an RRset.
            func key(_ record: (type: RRType, covered: RRType, ttl: UInt32, rdata: RData)) -> UInt32 {
                record.type == .rrsig ? 0x10000 | UInt32(record.covered.rawValue) : UInt32(record.type.rawValue)
            }
            for i in scratch.indices.dropFirst() {
                let record = scratch[i]
                let recordKey = key(record)
                var j = i
                while j > 0 && key(scratch[j - 1]) > recordKey {
                    scratch[j] = scratch[j - 1]
                    j -= 1
                }
                if j != i { scratch[j] = record }
            }
            let ordered = scratch

            var node = Node(firstRRSet: Int32(rrsets.count), rrsetCount: 0, signatureCount: 0, wildcard: -1, flags: [])
            var index = 0
            while index < ordered.count {
                let first = ordered[index]
                let isSignature = first.type == .rrsig
                var entry = RRSetEntry(type: first.type, count: 0, ttl: first.ttl, start: UInt32(writer.count), end: 0,
                                       signatures: -1, targetStart: 0, targetCount: 0)
                while index < ordered.count, ordered[index].type == first.type,
                      !isSignature || ordered[index].covered == first.covered {
                    let lengthOffset = writer.count
                    writer.writeU16(0)
                    ordered[index].rdata.encode(to: &writer, compress: false)
                    writer.setU16(UInt16(writer.count - lengthOffset - 2), at: lengthOffset)
                    entry.count += 1
                    index += 1
                }
                entry.end = UInt32(writer.count)
                if isSignature {
                    // Attach the group to the RRset it covers.
                    node.signatureCount += 1
                    let groupIndex = Int32(rrsets.count)
                    for k in Int(node.firstRRSet)..<(Int(node.firstRRSet) + Int(node.rrsetCount)) where rrsets[k].type == first.covered {
                        rrsets[k].signatures = groupIndex
                    }
                } else {
                    node.rrsetCount += 1
                    switch first.type {
                    case .ns: if id != apex { node.flags.insert(.cut) }
                    case .dname: node.flags.insert(.dname)
                    case .cname: node.flags.insert(.cname)
                    case .a, .aaaa: node.flags.insert(.address)
                    default: break
                    }
                }
                rrsets.append(entry)
            }
            if id == apex { node.flags.insert(.apex) }
            addressOwners[Int(id)] = node.flags.contains(.address)
            nodes[Int(id)] = node
        }
        let data = writer.bytes

        // Additional-section targets (RFC 1035 §3.3.9, §3.3.11; RFC 2782).
        var targets: [Int32] = []
        data.withUnsafeBufferPointer { bytes in
            for k in rrsets.indices {
                let offsetInRData: Int
                switch rrsets[k].type {
                case .ns: offsetInRData = 0
                case .mx: offsetInRData = 2
                case .srv: offsetInRData = 6
                default: continue
                }
                rrsets[k].targetStart = Int32(targets.count)
                var position = Int(rrsets[k].start)
                let end = Int(rrsets[k].end)
                while position < end {
                    let length = Int(bytes[position]) << 8 | Int(bytes[position + 1])
                    let nameStart = position + 2 + offsetInRData
                    let nameLength = Self.nameLength(bytes, at: nameStart)
                    if let target = names.find(UnsafeBufferPointer(rebasing: bytes[nameStart..<(nameStart + nameLength)])),
                       addressOwners[Int(target)],
                       !targets[Int(rrsets[k].targetStart)...].contains(target) {
                        targets.append(target)
                    }
                    position += 2 + length
                }
                rrsets[k].targetCount = Int32(targets.count) - rrsets[k].targetStart
            }
        }

        // Parents before children: inherit "below a cut" and "below a DNAME", and
        // point each parent at its wildcard child.
        var byDepth: [[Int32]] = []
        for id in 0..<Int32(nodeCount) {
            let depth = Self.withNodeWire(id, names: names, interior: interior, ownerCount: ownerCount) { Self.labelCount($0) }
            while byDepth.count <= depth { byDepth.append([]) }
            byDepth[depth].append(id)
        }
        for level in byDepth {
            for id in level where id != apex {
                Self.withNodeWire(id, names: names, interior: interior, ownerCount: ownerCount) { wire in
                    guard wire.count > originLength else { return }
                    let parentWire = UnsafeBufferPointer(rebasing: wire[(1 + Int(wire[0]))...])
                    let parent = names.find(parentWire) ?? interior.find(parentWire).map { ownerCount + $0 }
                    guard let parent else { return }
                    let parentFlags = nodes[Int(parent)].flags
                    if parentFlags.contains(.belowCut) || (parentFlags.contains(.cut)) {
                        nodes[Int(id)].flags.insert(.belowCut)
                    }
                    if parentFlags.contains(.belowDNAME) || parentFlags.contains(.dname) {
                        nodes[Int(id)].flags.insert(.belowDNAME)
                    }
                    if wire[0] == 1 && wire[1] == UInt8(ascii: "*") {
                        nodes[Int(parent)].wildcard = id
                    }
                }
            }
        }
        self.names = names
        self.interior = interior
        self.ownerCount = ownerCount
        self.apex = apex
        self.nodes = nodes
        self.rrsets = rrsets
        self.data = data
        self.targets = targets

        var nsec: [([UInt8], Int32)] = []
        for id in 0..<ownerCount where nodes[Int(id)].rrsetCount > 0 {
            let node = nodes[Int(id)]
            for k in Int(node.firstRRSet)..<(Int(node.firstRRSet) + Int(node.rrsetCount)) where rrsets[k].type == .nsec {
                nsec.append((names.name(id).canonicalSortKey, id))
            }
        }
        nsec.sort { $0.0.lexicographicallyPrecedes($1.0) }
        nsecOwners = nsec.map(\.1)

        var soa: Int32 = -1
        var negativeTTL: UInt32 = 0
        if apex >= 0 {
            let node = nodes[Int(apex)]
            for k in Int(node.firstRRSet)..<(Int(node.firstRRSet) + Int(node.rrsetCount)) where rrsets[k].type == .soa {
                soa = Int32(k)
                negativeTTL = rrsets[k].ttl
                if let minimum = zone.soa?.minimum { negativeTTL = min(negativeTTL, minimum) }
            }
        }
        self.soa = soa
        self.negativeTTL = negativeTTL
    }

    /// The length of the uncompressed name at `offset`.
    static func nameLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        var index = offset
        while bytes[index] != 0 { index += 1 + Int(bytes[index]) }
        return index + 1 - offset
    }

    static func labelCount(_ wire: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while wire[index] != 0 {
            count += 1
            index += 1 + Int(wire[index])
        }
        return count
    }

    static func withNodeWire<R>(_ id: Int32, names: NameTable, interior: NameTable, ownerCount: Int32,
                                _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        id < ownerCount ? names.withWire(id, body) : interior.withWire(id - ownerCount, body)
    }

    /// Calls `body` with the wire form of node `id`, in the case the zone wrote it.
    func withName<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Self.withNodeWire(id, names: names, interior: interior, ownerCount: ownerCount, body)
    }

    public func name(ofNode id: Int32) -> DomainName {
        withName(id) { DomainName(trustedWire: Array($0)) }
    }
}
