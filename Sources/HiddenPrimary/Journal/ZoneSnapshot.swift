import DNSCore
import ZoneCompiler

/// The state a journal replays onto: the effective zone at one serial, the UPDATE
/// overlay at that point, and a digest of the source file it was built from. One
/// binary file, written atomically, CRC-checked.
public struct ZoneSnapshot: Sendable, Equatable {
    public var origin: DomainName
    public var records: [ResourceRecord]
    /// Records UPDATEs added that the source does not have.
    public var overlayAdded: [ResourceRecord]
    /// Source records UPDATEs deleted.
    public var overlayDeleted: [ResourceRecord]
    /// CRC-32C of the source text the effective zone was last built from, to notice an
    /// edit made while the primary was down.
    public var sourceDigest: UInt32

    public init(origin: DomainName, records: [ResourceRecord], overlayAdded: [ResourceRecord],
                overlayDeleted: [ResourceRecord], sourceDigest: UInt32) {
        self.origin = origin
        self.records = records
        self.overlayAdded = overlayAdded
        self.overlayDeleted = overlayDeleted
        self.sourceDigest = sourceDigest
    }

    static let magic: [UInt8] = Array("DPS1".utf8)

    public func encode() -> [UInt8] {
        var writer = WireWriter(capacity: records.count * 40 + 64)
        writer.writeName(origin, compress: false)
        writer.writeU32(sourceDigest)
        RecordCodec.appendList(records, to: &writer)
        RecordCodec.appendList(overlayAdded, to: &writer)
        RecordCodec.appendList(overlayDeleted, to: &writer)
        let payload = writer.bytes
        let crc = CRC32C.checksum(payload)
        return Self.magic + [UInt8(crc >> 24), UInt8(truncatingIfNeeded: crc >> 16), UInt8(truncatingIfNeeded: crc >> 8),
                             UInt8(truncatingIfNeeded: crc)] + payload
    }

    public struct Corrupt: Error, CustomStringConvertible {
        public var description: String
    }

    public static func decode(_ bytes: [UInt8]) throws(Corrupt) -> ZoneSnapshot {
        guard bytes.count >= 8, Array(bytes[0..<4]) == magic else { throw Corrupt(description: "not a dnsplane snapshot") }
        let crc = UInt32(bytes[4]) << 24 | UInt32(bytes[5]) << 16 | UInt32(bytes[6]) << 8 | UInt32(bytes[7])
        let payload = Array(bytes[8...])
        guard CRC32C.checksum(payload) == crc else { throw Corrupt(description: "snapshot checksum mismatch") }
        do {
            var reader = WireReader(bytes: payload)
            let origin = try reader.readName(allowCompression: false)
            let digest = try reader.readU32()
            let records = try RecordCodec.readList(from: &reader)
            let added = try RecordCodec.readList(from: &reader)
            let deleted = try RecordCodec.readList(from: &reader)
            return ZoneSnapshot(origin: origin, records: records, overlayAdded: added, overlayDeleted: deleted, sourceDigest: digest)
        } catch {
            throw Corrupt(description: "snapshot does not decode: \(error)")
        }
    }

    /// The zone the snapshot holds.
    public func zone() -> Zone {
        var builder = ZoneBuilder(origin: origin)
        for record in records { builder.add(record) }
        return builder.zone
    }
}
