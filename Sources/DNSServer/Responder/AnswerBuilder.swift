import DNSCore

/// The RFC 1034 §4.3.2 algorithm for one question in one `ServingZone`, writing the
/// answer, authority and additional sections straight into a `ResponseWriter`.
///
/// The answer section is written as the lookup goes (through CNAMEs, DNAMEs and
/// wildcards); authority and additional records are noted as it goes and written
/// after it, from small fixed lists, so nothing is allocated. Sizes follow BIND 9.18:
/// when the answer or authority section does not fit, the response is truncated (TC);
/// additional data that does not fit is left out, whole RRsets at a time.
struct AnswerBuilder {
    /// Where an owner name comes from.
    enum Owner {
        /// A compression pointer to a name already written (the question's, at 12).
        case pointer(Int)
        /// Uncompressed wire bytes, stable while the response is built.
        case name(UnsafeBufferPointer<UInt8>)
    }

    /// A CNAME or DNAME record already in the answer (16 octets: no generic fields).
    struct ChainStep {
        var rrset: Int32
        var ownerLength: Int32
        var owner: UnsafePointer<UInt8>
    }

    /// A record set to write in the authority section once the answer is complete.
    struct PendingSet {
        var rrset: Int32
        var owner: Int32
        /// Takes the negative-caching TTL (RFC 2308 §3), as the SOA of a negative answer.
        var negative: Bool
    }

    enum Section { case answer, authority, additional }

    /// At most this many CNAME or DNAME steps are followed (BIND's `max-restarts`);
    /// a chain that goes on is answered SERVFAIL with the records met so far.
    static let maxChainSteps = 11

    let zone: ServingZone
    let data: UnsafeBufferPointer<UInt8>
    let type: RRType
    let dnssecOK: Bool
    /// ANY answered with every RRset (TCP), rather than one (UDP, RFC 8482 §4.1).
    let fullANY: Bool
    /// Name buffers of 256 octets: the first for a wildcard name, then one per
    /// DNAME substitution (each step's name stays valid to the end, for the records
    /// that point at it).
    let scratch: UnsafeMutablePointer<UInt8>
    static let nameBuffers = 2 + maxChainSteps
    static let pendingCapacity = 8
    static let additionalCapacity = 8
    static let chainCapacity = 12

    private(set) var rcode = RCode.noError
    private(set) var authoritative = true
    /// The answer or authority section did not fit.
    private(set) var truncated = false

    private let pending: UnsafeMutablePointer<PendingSet>
    private var pendingCount = 0
    /// RRsets (NS, MX, SRV) whose targets' addresses go in the additional section.
    private let additional: UnsafeMutablePointer<Int32>
    private var additionalCount = 0
    private var isReferral = false
    /// The name was answered from a wildcard that owns nothing (RFC 4592 §2.2.2).
    private var emptyWildcard = false
    /// The CNAME and DNAME records already in the answer (RRset, owner), so a loop
    /// adds each only once.
    private let chain: UnsafeMutablePointer<ChainStep>
    private var chainCount = 0

    init(zone: ServingZone, data: UnsafeBufferPointer<UInt8>, type: RRType, dnssecOK: Bool, fullANY: Bool,
         arena: ResponseArena) {
        self.zone = zone
        self.type = type
        self.data = data
        self.dnssecOK = dnssecOK
        self.fullANY = fullANY
        scratch = arena.names
        pending = arena.pending
        additional = arena.additional
        chain = arena.chain
    }

    // MARK: - The lookup

    /// Answers `qname` (the question's name, written at offset 12) of `type`.
    mutating func answer(_ qname: UnsafeBufferPointer<UInt8>, type: RRType, writer: inout ResponseWriter) {
        var name = qname
        var owner = Owner.pointer(MessageHeader.wireLength)
        var steps = 0
        let originLength = zone.origin.wire.count
        chain: while true {
            let next: UnsafeBufferPointer<UInt8>?
            switch zone.locate(name, originStart: name.count - originLength, type: type) {
            case .node(let id):
                next = answer(at: id, owner: owner, name: name, type: type, wildcard: false, writer: &writer)
            case .wildcard(let source, _):
                // RFC 4035 §3.1.3.3: prove that the name itself does not exist.
                if dnssecOK { noteCoveringNSEC(of: name) }
                next = answer(at: source, owner: owner, name: name, type: type, wildcard: true, writer: &writer)
            case .nxDomain(_, let closestEncloserStart):
                rcode = .nxDomain
                noteSOA()
                if dnssecOK {
                    // RFC 4035 §3.1.3.2: no such name, and no wildcard that could have
                    // made one.
                    noteCoveringNSEC(of: name)
                    let encloser = UnsafeBufferPointer(rebasing: name[closestEncloserStart...])
                    let wildcard = UnsafeMutableBufferPointer(start: scratch, count: encloser.count + 2)
                    wildcard[0] = 1
                    wildcard[1] = UInt8(ascii: "*")
                    _ = UnsafeMutableBufferPointer(rebasing: wildcard[2...]).update(fromContentsOf: encloser)
                    noteCoveringNSEC(of: UnsafeBufferPointer(wildcard))
                }
                next = nil
            case .delegation(let cut):
                noteReferral(cut)
                // A referral is not an answer (RFC 1034 §4.3.2 step 3b); after a CNAME
                // the answer part stays authoritative.
                if steps == 0 { authoritative = false }
                next = nil
            case .dname(let ownerID, let ownerStart):
                next = synthesize(from: ownerID, ownerStart: ownerStart, name: name, owner: owner,
                                  into: scratch + (1 + steps) * 256, writer: &writer)
            }
            // Once truncated nothing more is written, but the chain is still followed:
            // its end decides the RCODE.
            guard let next else { break chain }
            steps += 1
            guard steps <= Self.maxChainSteps else {
                rcode = .servFail
                return
            }
            guard isInZone(next) else { break chain }
            name = next
            owner = .name(next)
        }
        guard !truncated else { return }
        writePendingAuthority(writer: &writer)
        guard !truncated else { return }
        writeAdditional(writer: &writer)
    }

    /// The answer at an existing node (or at the wildcard standing in for the name).
    /// Returns the CNAME target to follow, if any.
    private mutating func answer(at id: Int32, owner: Owner, name: UnsafeBufferPointer<UInt8>, type: RRType,
                                 wildcard: Bool, writer: inout ResponseWriter) -> UnsafeBufferPointer<UInt8>? {
        let node = zone.nodes[Int(id)]
        if node.rrsetCount > 0 {
            switch type {
            case .any:
                writeANY(at: node, owner: owner, writer: &writer)
                return nil
            case .rrsig:
                if node.signatureCount > 0 {
                    var owner = owner
                    let first = Int(node.firstRRSet) + Int(node.rrsetCount)
                    for k in first..<(first + Int(node.signatureCount)) {
                        write(Int32(k), owner: &owner, section: .answer, writer: &writer)
                    }
                    return nil
                }
            default:
                let k = zone.rrset(id, type)
                if k >= 0 {
                    writeAnswer(k, owner: owner, writer: &writer)
                    return nil
                }
                if node.flags.contains(.cname) && type != .cname {
                    let c = zone.rrset(id, .cname)
                    if isNewInChain(c, owner: name) { writeAnswer(c, owner: owner, writer: &writer) }
                    let start = Int(zone.rrsets[Int(c)].start) + 2
                    return UnsafeBufferPointer(rebasing: data[start..<(start + ServingZone.nameLength(data, at: start))])
                }
            }
        }
        // No data of this type (RFC 2308 §2.2).
        if wildcard && node.rrsetCount == 0 { emptyWildcard = true }
        noteSOA()
        if dnssecOK {
            if node.rrsetCount > 0 {
                noteNSEC(at: id)
            } else if !wildcard {
                // An empty non-terminal: the NSEC before it shows names below it.
                noteCoveringNSEC(of: name)
            }
        }
        return nil
    }

    /// RFC 8482 §4.1: over UDP one RRset stands for them all; over TCP, all of them,
    /// RRSIGs included whatever DO says (they are records at the name too, and BIND
    /// returns them).
    private mutating func writeANY(at node: ServingZone.Node, owner: Owner, writer: inout ResponseWriter) {
        let first = Int(node.firstRRSet)
        let end = first + Int(node.rrsetCount)
        if fullANY {
            var owner = owner
            for k in first..<(end + Int(node.signatureCount)) {
                guard write(Int32(k), owner: &owner, section: .answer, signatures: false, writer: &writer) else { return }
                noteTargets(of: Int32(k))
            }
            return
        }
        var chosen = first
        for k in first..<end where zone.rrsets[k].type != .nsec {
            chosen = k
            break
        }
        writeAnswer(Int32(chosen), owner: owner, writer: &writer)
    }

    /// DNAME substitution (RFC 6672 §3.3): the DNAME, then a CNAME from the name to
    /// the name with the DNAME's owner replaced by its target. Returns the new name.
    private mutating func synthesize(from ownerID: Int32, ownerStart: Int, name: UnsafeBufferPointer<UInt8>, owner: Owner,
                                     into buffer: UnsafeMutablePointer<UInt8>,
                                     writer: inout ResponseWriter) -> UnsafeBufferPointer<UInt8>? {
        let k = zone.rrset(ownerID, .dname)
        let dname = zone.rrsets[Int(k)]
        let ownerName = UnsafeBufferPointer(rebasing: name[ownerStart...])
        if isNewInChain(k, owner: ownerName) {
            var dnameOwner = Owner.name(ownerName)
            write(k, owner: &dnameOwner, section: .answer, writer: &writer)
        }
        let targetStart = Int(dname.start) + 2
        let target = UnsafeBufferPointer(rebasing: data[targetStart..<(targetStart + ServingZone.nameLength(data, at: targetStart))])
        guard ownerStart + target.count <= DomainName.maxWireLength else {
            rcode = .yxDomain
            return nil
        }
        buffer.update(from: name.baseAddress!, count: ownerStart)
        (buffer + ownerStart).update(from: target.baseAddress!, count: target.count)
        let synthesized = UnsafeBufferPointer(start: UnsafePointer(buffer), count: ownerStart + target.count)

        // The CNAME is made up here, so it has no signature; validators accept it
        // from the signed DNAME (RFC 6672 §5.3.1). It answers a CNAME question, and
        // ANY, by itself: neither follows it.
        let stop = type == .cname || type == .any
        guard isNewInChain(-2 - k, owner: name), !truncated else { return stop ? nil : synthesized }
        let mark = writer.mark
        writeOwner(owner, writer: &writer)
        writer.writeU16(RRType.cname.rawValue)
        writer.writeU16(zone.zone.rrClass.rawValue)
        writer.writeU32(dname.ttl)
        let lengthOffset = writer.count
        writer.writeU16(0)
        writer.writeName(synthesized)
        guard !writer.overflowed else {
            writer.rollback(to: mark)
            truncated = true
            return stop ? nil : synthesized
        }
        writer.setU16(UInt16(writer.count - lengthOffset - 2), at: lengthOffset)
        writer.answerCount += 1
        return stop ? nil : synthesized
    }

    /// Notes a CNAME or DNAME step (`rrset`, or -2 - the DNAME's RRset for the CNAME
    /// made from it) at `owner`; false when the answer already has it.
    private mutating func isNewInChain(_ rrset: Int32, owner: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<chainCount where chain[i].rrset == rrset
            && Self.sameName(UnsafeBufferPointer(start: chain[i].owner, count: Int(chain[i].ownerLength)), owner) {
            return false
        }
        if chainCount < Self.chainCapacity {
            chain[chainCount] = ChainStep(rrset: rrset, ownerLength: Int32(owner.count), owner: owner.baseAddress!)
            chainCount += 1
        }
        return true
    }

    private static func sameName(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where CanonicalOrder.lower(a[i]) != CanonicalOrder.lower(b[i]) { return false }
        return true
    }

    private func isInZone(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let origin = zone.origin.wire
        let start = name.count - origin.count
        guard start >= 0 else { return false }
        var index = 0
        while index < start { index += 1 + Int(name[index]) }
        guard index == start else { return false }
        return origin.withUnsafeBufferPointer { originBytes in
            for i in 0..<originBytes.count where CanonicalOrder.lower(name[start + i]) != CanonicalOrder.lower(originBytes[i]) {
                return false
            }
            return true
        }
    }

    // MARK: - Noting authority and additional data

    private mutating func note(_ rrset: Int32, owner: Int32, negative: Bool = false) {
        guard rrset >= 0 else { return }
        for i in 0..<pendingCount where pending[i].rrset == rrset { return }
        guard pendingCount < Self.pendingCapacity else { return }
        pending[pendingCount] = PendingSet(rrset: rrset, owner: owner, negative: negative)
        pendingCount += 1
    }

    private mutating func noteSOA() {
        note(zone.soa, owner: zone.apex, negative: true)
    }

    private mutating func noteNSEC(at id: Int32) {
        note(zone.rrset(id, .nsec), owner: id)
    }

    private mutating func noteCoveringNSEC(of name: UnsafeBufferPointer<UInt8>) {
        if let id = zone.coveringNSEC(name) { noteNSEC(at: id) }
    }

    private mutating func noteReferral(_ cut: Int32) {
        isReferral = true
        let ns = zone.rrset(cut, .ns)
        note(ns, owner: cut)
        noteTargets(of: ns)
        if dnssecOK {
            // RFC 4035 §3.1.4: the DS RRset, or the proof that there is none.
            let ds = zone.rrset(cut, .ds)
            if ds >= 0 { note(ds, owner: cut) } else { noteNSEC(at: cut) }
        }
    }

    private mutating func noteTargets(of rrset: Int32) {
        guard rrset >= 0, zone.rrsets[Int(rrset)].targetCount > 0, additionalCount < Self.additionalCapacity else { return }
        additional[additionalCount] = rrset
        additionalCount += 1
    }

    // MARK: - Writing

    private mutating func writeAnswer(_ k: Int32, owner: Owner, writer: inout ResponseWriter) {
        var owner = owner
        guard write(k, owner: &owner, section: .answer, writer: &writer) else { return }
        noteTargets(of: k)
    }

    /// RFC 2308 §3: the smaller of the SOA's TTL and its MINIMUM. An NXDOMAIN answer
    /// to an SOA question (or the NODATA of an empty wildcard, BIND's other
    /// "no such name") gets 0, as from BIND (`zero-no-soa-ttl`): a stub can find the
    /// zone a name is in without the SOA being cached.
    private var negativeTTL: UInt32 {
        (rcode == .nxDomain || emptyWildcard) && type == .soa ? 0 : zone.negativeTTL
    }

    private mutating func writePendingAuthority(writer: inout ResponseWriter) {
        for i in 0..<pendingCount {
            let item = pending[i]
            let ok = zone.withName(item.owner) { ownerName -> Bool in
                var owner = Owner.name(ownerName)
                return write(item.rrset, owner: &owner, section: .authority,
                             ttl: item.negative ? negativeTTL : nil, writer: &writer)
            }
            guard ok else { return }
        }
    }

    /// Addresses of NS, MX and SRV targets (RFC 1034 §4.3.2 step 6), whole RRsets
    /// while they fit. Glue (data below a cut) only goes with a referral.
    private mutating func writeAdditional(writer: inout ResponseWriter) {
        for i in 0..<additionalCount {
            let entry = zone.rrsets[Int(additional[i])]
            for t in Int(entry.targetStart)..<Int(entry.targetStart + entry.targetCount) {
                let target = zone.targets[t]
                if !isReferral && zone.nodes[Int(target)].flags.contains(.belowCut) { continue }
                for address in 0..<2 {
                    let k = zone.rrset(target, address == 0 ? .a : .aaaa)
                    guard k >= 0 else { continue }
                    let mark = writer.mark
                    let ok = zone.withName(target) { targetName -> Bool in
                        var owner = Owner.name(targetName)
                        return write(k, owner: &owner, section: .additional, writer: &writer)
                    }
                    guard ok else {
                        writer.rollback(to: mark)
                        return
                    }
                }
            }
        }
    }

    /// Writes the records of RRset `k`, then, with DO, the RRSIGs covering it. Returns
    /// false when a record did not fit: in the answer and authority sections that
    /// truncates the response; the records already written stay (the caller keeps or
    /// drops them). `owner` becomes a pointer to the owner once written.
    @discardableResult
    private mutating func write(_ k: Int32, owner: inout Owner, section: Section, ttl: UInt32? = nil,
                                signatures: Bool = true, writer: inout ResponseWriter) -> Bool {
        guard !truncated else { return false }
        let entry = zone.rrsets[Int(k)]
        var position = Int(entry.start)
        let end = Int(entry.end)
        let rrClass = zone.zone.rrClass.rawValue
        let recordTTL = ttl ?? entry.ttl
        var written = 0
        while position < end {
            let length = Int(data[position]) << 8 | Int(data[position + 1])
            let rdata = UnsafeBufferPointer(rebasing: data[(position + 2)..<(position + 2 + length)])
            let mark = writer.mark
            writeOwner(owner, writer: &writer)
            if written == 0, case .name = owner, mark.count < 0x4000 {
                // Later records of the set point at the first one's owner (or copy its
                // pointer when it was one).
                if writer.count - mark.count == 2 {
                    owner = .pointer(Int(writer.buffer[mark.count] & 0x3F) << 8 | Int(writer.buffer[mark.count + 1]))
                } else {
                    owner = .pointer(mark.count)
                }
            }
            writer.writeU16(entry.type.rawValue)
            writer.writeU16(rrClass)
            writer.writeU32(recordTTL)
            let lengthOffset = writer.count
            writer.writeU16(0)
            writeRData(rdata, type: entry.type, writer: &writer)
            if writer.overflowed {
                writer.rollback(to: mark)
                if section != .additional { truncated = true }
                return false
            }
            writer.setU16(UInt16(writer.count - lengthOffset - 2), at: lengthOffset)
            switch section {
            case .answer: writer.answerCount += 1
            case .authority: writer.authorityCount += 1
            case .additional: writer.additionalCount += 1
            }
            written += 1
            position += 2 + length
        }
        if signatures && dnssecOK && entry.signatures >= 0 {
            return write(entry.signatures, owner: &owner, section: section, ttl: ttl, writer: &writer)
        }
        return true
    }

    private func writeOwner(_ owner: Owner, writer: inout ResponseWriter) {
        switch owner {
        case .pointer(let offset): writer.writePointer(offset)
        case .name(let name): writer.writeName(name)
        }
    }

    /// RDATA as stored, with the names of the RFC 1035 types compressed (RFC 3597 §4)
    /// and the names of a few later types left whole but offered as pointer targets,
    /// as BIND does.
    private func writeRData(_ rdata: UnsafeBufferPointer<UInt8>, type: RRType, writer: inout ResponseWriter) {
        switch type.rawValue {
        case 2, 3, 4, 5, 7, 8, 9, 12:  // NS MD MF CNAME MB MG MR PTR
            writer.writeName(rdata)
        case 15:  // MX
            writer.writeBytes(UnsafeBufferPointer(rebasing: rdata[0..<2]))
            writer.writeName(UnsafeBufferPointer(rebasing: rdata[2...]))
        case 6, 14:  // SOA, MINFO: two names, then SOA's five counters
            let first = ServingZone.nameLength(rdata, at: 0)
            let second = ServingZone.nameLength(rdata, at: first)
            writer.writeName(UnsafeBufferPointer(rebasing: rdata[0..<first]))
            writer.writeName(UnsafeBufferPointer(rebasing: rdata[first..<(first + second)]))
            writer.writeBytes(UnsafeBufferPointer(rebasing: rdata[(first + second)...]))
        case 39:  // DNAME: never compressed (RFC 6672 §2.5)
            writer.writeName(rdata, compress: false)
        case 33 where rdata.count > 6:  // SRV: never compressed (RFC 2782)
            writer.writeBytes(UnsafeBufferPointer(rebasing: rdata[0..<6]))
            writer.writeName(UnsafeBufferPointer(rebasing: rdata[6...]), compress: false)
        default:
            writer.writeBytes(rdata)
        }
    }
}
