import DNSCore
import ZoneCompiler

/// Builds the messages of outbound zone transfers, without I/O: AXFR (RFC 5936) and
/// IXFR (RFC 1995) from the journal's changesets, falling back to the whole zone when
/// the history does not reach the client's serial.
public enum TransferResponder {
    /// Octets per message before starting the next one; well under 64 KiB so TSIG and
    /// compression differences never push a message over.
    public static let messageBudget = 16_000

    /// AXFR: SOA, every other record, SOA.
    public static func axfr(_ request: Message, version: PrimaryZone.PublishedVersion) -> [Message] {
        var records = [soa(version.zone)]
        for record in version.zone.records() where !(record.type == .soa && record.owner == version.zone.origin) {
            records.append(record)
        }
        records.append(soa(version.zone))
        return pack(records, answering: request)
    }

    /// IXFR: the current SOA, then for each changeset its old SOA, the records removed,
    /// its new SOA and the records added, then the current SOA again. A client already
    /// current gets the SOA alone; one the history does not reach gets the whole zone.
    /// Over UDP only the SOA alone fits the protocol: it tells the client to use TCP.
    public static func ixfr(_ request: Message, clientSerial: UInt32, version: PrimaryZone.PublishedVersion,
                            overUDP: Bool) -> [Message] {
        let current = soa(version.zone)
        let relation = SerialNumber(clientSerial).compare(to: SerialNumber(version.serial))
        if relation == .equal || relation == .greater || overUDP {
            return pack([current], answering: request)
        }
        guard let changes = version.changes(since: clientSerial), !changes.isEmpty else {
            return axfr(request, version: version)
        }
        var records = [current]
        for changeset in changes {
            records.append(changeset.soaFrom)
            records.append(contentsOf: changeset.removed)
            records.append(changeset.soaTo)
            records.append(contentsOf: changeset.added)
        }
        records.append(current)
        return pack(records, answering: request)
    }

    /// How `ixfr` answers, in words, for the log: whether the answer was incremental
    /// is what operators (and tests) look for.
    public static func ixfrForm(clientSerial: UInt32, version: PrimaryZone.PublishedVersion, overUDP: Bool) -> String {
        let relation = SerialNumber(clientSerial).compare(to: SerialNumber(version.serial))
        if relation == .equal || relation == .greater { return "client at serial \(clientSerial), up to date" }
        if overUDP { return "over UDP from serial \(clientSerial), SOA only (use TCP)" }
        guard let changes = version.changes(since: clientSerial), !changes.isEmpty else {
            return "history does not reach serial \(clientSerial), full zone"
        }
        return "incremental from serial \(clientSerial), \(changes.count) changeset\(changes.count == 1 ? "" : "s")"
    }

    static func soa(_ zone: Zone) -> ResourceRecord {
        ResourceRecord(owner: zone.origin, type: .soa, rrClass: zone.rrClass, ttl: zone.soaTTL ?? 0, rdata: .soa(zone.soa!))
    }

    /// Splits records into messages of about `messageBudget` octets. The first message
    /// carries the question (RFC 5936 §2.2); all carry the request's ID and AA.
    static func pack(_ records: [ResourceRecord], answering request: Message) -> [Message] {
        var messages: [Message] = []
        var current = response(to: request, withQuestion: true)
        var size = 12 + (request.questions.first.map { $0.name.wire.count + 4 } ?? 0)
        for record in records {
            let length = record.owner.wire.count + 10 + record.rdata.wireBytes.count
            if size + length > messageBudget && !current.answers.isEmpty {
                messages.append(current)
                current = response(to: request, withQuestion: false)
                size = 12
            }
            current.answers.append(record)
            size += length
        }
        messages.append(current)
        return messages
    }

    static func response(to request: Message, withQuestion: Bool) -> Message {
        var header = MessageHeader(id: request.header.id)
        header.isResponse = true
        header.isAuthoritative = true
        header.opcode = .query
        return Message(header: header, questions: withQuestion ? request.questions : [])
    }
}
