import DNSCore
import ZoneCompiler

/// One published version: the changeset that made it, why, and when.
public struct JournalEntry: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        /// A dynamic update: its records belong to the overlay (DESIGN §4).
        case update = 1
        /// A reload of the source file: the overlay is unchanged.
        case reload = 2
    }

    public var kind: Kind
    /// Seconds since the epoch.
    public var time: UInt64
    public var changeset: Changeset

    public init(kind: Kind, time: UInt64, changeset: Changeset) {
        self.kind = kind
        self.time = time
        self.changeset = changeset
    }

    func encode() -> [UInt8] {
        var writer = WireWriter(capacity: 256)
        writer.writeU8(kind.rawValue)
        writer.writeU32(UInt32(truncatingIfNeeded: time >> 32))
        writer.writeU32(UInt32(truncatingIfNeeded: time))
        RecordCodec.append(changeset.soaFrom, to: &writer)
        RecordCodec.append(changeset.soaTo, to: &writer)
        RecordCodec.appendList(changeset.removed, to: &writer)
        RecordCodec.appendList(changeset.added, to: &writer)
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) throws(WireError) -> JournalEntry {
        var reader = WireReader(bytes: bytes)
        guard let kind = Kind(rawValue: try reader.readU8()) else { throw WireError(.badRData, at: 0, "unknown journal entry kind") }
        let time = UInt64(try reader.readU32()) << 32 | UInt64(try reader.readU32())
        let soaFrom = try RecordCodec.read(from: &reader)
        let soaTo = try RecordCodec.read(from: &reader)
        let removed = try RecordCodec.readList(from: &reader)
        let added = try RecordCodec.readList(from: &reader)
        guard reader.isAtEnd else { throw WireError(.trailingBytes, at: reader.position) }
        return JournalEntry(kind: kind, time: time,
                            changeset: Changeset(soaFrom: soaFrom, soaTo: soaTo, removed: removed, added: added))
    }
}
