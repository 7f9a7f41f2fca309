extension Message {
    /// The message in wire form, names compressed (owners always, RDATA names where the
    /// type allows), OPT after the additional data and TSIG last.
    ///
    /// Section counts above 65535 or an RCODE above 15 without EDNS cannot be
    /// represented; the first is a programming error, the second loses the upper bits.
    public func encode() -> [UInt8] {
        encode(limit: nil)
    }

    /// The message cut to at most `maxSize` octets for a datagram (RFC 1035 §4.2.1,
    /// RFC 6891 §7). Whole records are dropped from the end: additional data first (by
    /// whole RRsets, so no partial RRset is offered as glue), then authority, then
    /// answer. TC is set only when answer or authority records had to go (RFC 2181 §9):
    /// a client can do without additional data but not without the rest.
    ///
    /// The header, the question, the OPT record and a TSIG record are always kept, so
    /// the result exceeds `maxSize` only when they alone do. A signer that truncates
    /// must MAC the truncated message: encode without `tsig` (with `maxSize` reduced by
    /// the TSIG's length), sign, then `appendTSIG`.
    public func encode(maxSize: Int) -> [UInt8] {
        encode(limit: maxSize)
    }

    private func encode(limit: Int?) -> [UInt8] {
        precondition(questions.count <= 0xFFFF && answers.count <= 0xFFFF && authorities.count <= 0xFFFF
                     && wireCounts.additionals <= 0xFFFF, "section with more than 65535 records")
        let trailerLength = (edns?.wireLength ?? 0) + (tsig?.wireLength ?? 0)
        var writer = WireWriter(capacity: limit.map { min(max($0, MessageHeader.wireLength), 0xFFFF) } ?? estimatedLength(trailer: trailerLength),
                                remembersUncompressedNames: true)

        writer.writeU16(header.id)
        writer.writeU16(0)  // flags, set once TC is known
        for _ in 0..<4 { writer.writeU16(0) }  // counts, set once known
        for question in questions { question.encode(to: &writer) }

        let budget = limit.map { $0 - trailerLength } ?? Int.max
        var counts = [answers.count, authorities.count, additionals.count]
        var truncated = false
        sections: for (index, records) in [answers, authorities, additionals].enumerated() {
            let isAdditional = index == 2
            var rrsetStart = writer.count
            var rrsetFirstIndex = 0
            for (recordIndex, record) in records.enumerated() {
                if isAdditional, recordIndex > 0, !record.isSameRRset(as: records[recordIndex - 1]) {
                    rrsetStart = writer.count
                    rrsetFirstIndex = recordIndex
                }
                let start = writer.count
                record.encode(to: &writer, compress: true)
                guard writer.count > budget else { continue }
                if isAdditional {
                    writer.truncate(to: rrsetStart)
                    counts[2] = rrsetFirstIndex
                } else {
                    writer.truncate(to: start)
                    counts[index] = recordIndex
                    for later in (index + 1)..<3 { counts[later] = 0 }
                    truncated = true
                }
                break sections
            }
        }

        if let edns {
            edns.encode(to: &writer, extendedRCode: UInt8(truncatingIfNeeded: header.rcode.rawValue >> 4))
        }
        tsig?.encode(to: &writer)

        var finalHeader = header
        if truncated { finalHeader.isTruncated = true }
        writer.setU16(finalHeader.flagsWord, at: 2)
        writer.setU16(UInt16(questions.count), at: 4)
        writer.setU16(UInt16(counts[0]), at: 6)
        writer.setU16(UInt16(counts[1]), at: 8)
        writer.setU16(UInt16(counts[2] + (edns == nil ? 0 : 1) + (tsig == nil ? 0 : 1)), at: 10)
        return writer.bytes
    }

    /// A size to reserve so that an unlimited encode rarely grows its buffer: exact for
    /// names and opaque RDATA, a guess for typed RDATA (which compression shrinks).
    private func estimatedLength(trailer: Int) -> Int {
        var length = MessageHeader.wireLength + trailer
        for question in questions { length += question.name.wire.count + 4 }
        for section in [answers, authorities, additionals] {
            for record in section {
                length += record.owner.wire.count + 10
                if case .unknown(let unknown) = record.rdata { length += unknown.data.count } else { length += 32 }
            }
        }
        return min(length, 0xFFFF)
    }

    /// Appends `tsig` to an encoded message as its last record and adds one to ARCOUNT:
    /// the signer's last step, after computing the MAC over `wire` (RFC 8945 §5.3).
    public static func appendTSIG(_ tsig: TSIGRecord, to wire: inout [UInt8]) {
        precondition(wire.count >= MessageHeader.wireLength, "not an encoded message")
        let count = UInt16(wire[10]) << 8 | UInt16(wire[11])
        precondition(count < 0xFFFF, "additional section full")
        var writer = WireWriter(capacity: tsig.wireLength)
        tsig.encode(to: &writer)
        wire.append(contentsOf: writer.bytes)
        wire[10] = UInt8((count + 1) >> 8)
        wire[11] = UInt8(truncatingIfNeeded: count + 1)
    }
}
