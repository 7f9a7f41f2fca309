import DNSCore

/// Resource records in the journal's and snapshot's binary form: the owner's wire
/// name, type, class, TTL and length-prefixed uncompressed RDATA — the DNS wire form
/// of one record, so decoding reuses the RDATA codecs and their checks.
enum RecordCodec {
    static func append(_ record: ResourceRecord, to writer: inout WireWriter) {
        writer.writeName(record.owner, compress: false)
        writer.writeU16(record.type.rawValue)
        writer.writeU16(record.rrClass.rawValue)
        writer.writeU32(record.ttl)
        let data = record.rdata.wireBytes
        writer.writeU16(UInt16(data.count))
        writer.writeBytes(data)
    }

    static func read(from reader: inout WireReader) throws(WireError) -> ResourceRecord {
        let owner = try reader.readName(allowCompression: false)
        let type = RRType(try reader.readU16())
        let rrClass = RRClass(try reader.readU16())
        let ttl = try reader.readU32()
        let length = Int(try reader.readU16())
        guard length <= reader.remaining else { throw WireError(.truncated, at: reader.position) }
        let saved = reader.limit
        reader.limit = reader.position + length
        let rdata = try RData.decode(type: type, from: &reader)
        reader.limit = saved
        return ResourceRecord(owner: owner, type: type, rrClass: rrClass, ttl: ttl, rdata: rdata)
    }

    static func appendList(_ records: [ResourceRecord], to writer: inout WireWriter) {
        writer.writeU32(UInt32(records.count))
        for record in records { append(record, to: &writer) }
    }

    static func readList(from reader: inout WireReader) throws(WireError) -> [ResourceRecord] {
        let count = Int(try reader.readU32())
        // Each record takes at least 11 octets: never trust a count over the bytes left.
        guard count <= reader.remaining / 11 else { throw WireError(.tooManyRecords, at: reader.position) }
        var records: [ResourceRecord] = []
        records.reserveCapacity(count)
        for _ in 0..<count { records.append(try read(from: &reader)) }
        return records
    }
}
