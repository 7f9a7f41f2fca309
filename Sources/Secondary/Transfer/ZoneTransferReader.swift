import DNSCore
import ZoneCompiler

/// Reads the record stream of an AXFR (RFC 5936 §2.2) or IXFR (RFC 1995 §4) answer,
/// message by message, and says when it is complete. Sans-I/O: it sees decoded
/// messages, never sockets, so every shape of answer is testable from bytes.
///
/// An IXFR answer comes in one of three forms, told apart by its first records:
/// - one SOA with a serial not newer than ours: nothing to transfer;
/// - SOA(new), then a SOA that is not the new one: difference sequences
///   (SOA(from) deletions SOA(to) additions)…, ended by SOA(new);
/// - SOA(new), then anything else: the whole zone, as in AXFR, ended by SOA(new).
public struct ZoneTransferReader: Sendable {
    public enum Request: Sendable, Equatable {
        case axfr
        /// IXFR from the version we hold.
        case ixfr(currentSerial: UInt32)
    }

    private enum Phase: Sendable {
        case start
        /// The first SOA read; the next record decides the form.
        case afterFirst
        case full
        case deletions
        case additions
        case done
    }

    public let origin: DomainName
    public let request: Request
    public let maxRecords: Int
    private var phase: Phase = .start
    private var first: ResourceRecord?
    private var newSerial: UInt32 = 0
    /// The zone of a full transfer, built as records arrive: a transfer never holds
    /// the whole zone twice (as records and as a zone).
    private var builder: ZoneBuilder?
    private var changesets: [Changeset] = []
    private var current: Changeset?
    private var isUpToDate = false
    public private(set) var recordCount = 0
    public private(set) var messageCount = 0

    public init(origin: DomainName, request: Request, maxRecords: Int = 10_000_000) {
        self.origin = origin
        self.request = request
        self.maxRecords = maxRecords
    }

    public var isComplete: Bool {
        if case .done = phase { return true }
        return false
    }

    private var transferName: String {
        switch request {
        case .axfr: return "AXFR"
        case .ixfr: return "IXFR"
        }
    }

    /// Takes the next message of the answer; true once the transfer is complete.
    /// Throws on anything that makes the answer unusable.
    @discardableResult
    public mutating func consume(_ message: Message) throws(TransferError) -> Bool {
        guard !isComplete else { throw TransferError(.malformed, "\(transferName) of \(origin): a message after the final SOA") }
        messageCount += 1
        guard message.header.isResponse else { throw TransferError(.malformed, "\(transferName) of \(origin): a message that is not a response") }
        guard message.header.rcode == .noError else {
            throw TransferError(.refused, "\(transferName) of \(origin) answered \(message.header.rcode)")
        }
        guard !message.header.isTruncated else {
            throw TransferError(.malformed, "\(transferName) of \(origin): a truncated message")
        }
        if let question = message.questions.first {
            let expected: RRType = request == .axfr ? .axfr : .ixfr
            guard message.questions.count == 1, question.name == origin, question.type == expected else {
                throw TransferError(.malformed, "\(transferName) of \(origin): answer for another question (\(question))")
            }
        }
        for record in message.answers {
            try read(record)
        }
        // A lone SOA no newer than ours, and nothing after it in the message: the
        // primary has nothing for us (RFC 1995 §4).
        if case .afterFirst = phase, case .ixfr(let ours) = request, messageCount == 1,
           SerialNumber(newSerial).compare(to: SerialNumber(ours)) != .greater {
            phase = .done
            isUpToDate = true
        }
        return isComplete
    }

    private mutating func read(_ record: ResourceRecord) throws(TransferError) {
        recordCount += 1
        guard recordCount <= maxRecords else {
            throw TransferError(.tooLarge, "\(transferName) of \(origin) has more than \(maxRecords) records")
        }
        guard record.owner.isSubdomain(of: origin) else {
            throw TransferError(.malformed, "\(transferName) of \(origin) carries \(record.owner), outside the zone")
        }
        guard record.rrClass == .in else {
            throw TransferError(.malformed, "\(transferName) of \(origin) carries a record of class \(record.rrClass)")
        }
        let soaSerial: UInt32?
        if case .soa(let soa) = record.rdata {
            guard record.owner == origin else {
                throw TransferError(.malformed, "\(transferName) of \(origin) carries a SOA at \(record.owner), not at the apex")
            }
            soaSerial = soa.serial
        } else {
            soaSerial = nil
        }

        switch phase {
        case .start:
            guard let soaSerial else {
                throw TransferError(.malformed, "\(transferName) of \(origin) does not start with the SOA")
            }
            first = record
            newSerial = soaSerial
            phase = .afterFirst
        case .afterFirst:
            if let soaSerial, case .ixfr = request, soaSerial != newSerial {
                current = Changeset(soaFrom: record, soaTo: record, removed: [], added: [])
                phase = .deletions
            } else if soaSerial != nil {
                // A zone of one SOA, or the first SOA repeated: the end of a full transfer.
                phase = .done
            } else {
                builder = ZoneBuilder(origin: origin)
                builder!.add(first!)
                builder!.add(record)
                phase = .full
            }
        case .full:
            if let soaSerial {
                guard soaSerial == newSerial else {
                    throw TransferError(.malformed, "\(transferName) of \(origin): a second SOA with serial \(soaSerial) inside the zone")
                }
                phase = .done
            } else {
                builder!.add(record)
            }
        case .deletions:
            if soaSerial != nil {
                current!.soaTo = record
                phase = .additions
            } else {
                current!.removed.append(record)
            }
        case .additions:
            guard let soaSerial else {
                current!.added.append(record)
                return
            }
            let finished = current!
            changesets.append(finished)
            current = nil
            if soaSerial == newSerial && finished.serialTo == newSerial {
                phase = .done
            } else {
                guard soaSerial == finished.serialTo else {
                    throw TransferError(.malformed,
                                        "IXFR of \(origin): a difference sequence from serial \(soaSerial) follows one that ends at \(finished.serialTo)")
                }
                current = Changeset(soaFrom: record, soaTo: record, removed: [], added: [])
                phase = .deletions
            }
        case .done:
            throw TransferError(.malformed, "\(transferName) of \(origin): records after the final SOA")
        }
    }

    /// What was transferred; only once `isComplete`.
    public func content() throws(TransferError) -> TransferContent {
        guard isComplete, let first else {
            throw TransferError(.network, "\(transferName) of \(origin) ended before its final SOA")
        }
        if !changesets.isEmpty { return .incremental(soa: first, changesets: changesets) }
        if isUpToDate { return .upToDate(soa: first) }
        if let builder { return .full(soa: first, zone: builder.zone) }
        // A zone of one SOA.
        var only = ZoneBuilder(origin: origin)
        only.add(first)
        return .full(soa: first, zone: only.zone)
    }
}
