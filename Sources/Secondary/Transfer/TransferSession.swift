import DNSCore
import TSIG

/// One AXFR or IXFR exchange at the message level: the request (signed when a key is
/// configured, with our SOA in the authority section for IXFR, RFC 1995 §3), then each
/// answer message checked for ID, TSIG (RFC 8945 §5.3.1: the first signed, later ones
/// covered at least every 100 messages, the last signed) and size, and fed to a
/// `ZoneTransferReader`. Sans-I/O, as the TCP client only frames bytes.
public struct TransferSession: Sendable {
    public let zone: DomainName
    public let id: UInt16
    public let request: [UInt8]
    public let limits: TransferLimits
    private var verifier: TSIGStreamVerifier?
    private var reader: ZoneTransferReader
    public private(set) var bytesReceived = 0

    /// `currentSOA` asks for IXFR from that version; nil asks for AXFR.
    public init(zone: DomainName, currentSOA: ResourceRecord?, id: UInt16, key: TSIGKey?, now: UInt64,
                limits: TransferLimits = TransferLimits()) {
        self.zone = zone
        self.id = id
        self.limits = limits
        var message = Message(header: MessageHeader(id: id))
        if let currentSOA, case .soa(let soa) = currentSOA.rdata {
            message.questions = [Question(name: zone, type: .ixfr)]
            message.authorities = [currentSOA]
            reader = ZoneTransferReader(origin: zone, request: .ixfr(currentSerial: soa.serial), maxRecords: limits.maxRecords)
        } else {
            message.questions = [Question(name: zone, type: .axfr)]
            reader = ZoneTransferReader(origin: zone, request: .axfr, maxRecords: limits.maxRecords)
        }
        let wire = message.encode()
        if let key {
            let signed = TSIGSigner.sign(wire, key: key, timeSigned: now)
            request = signed.wire
            verifier = TSIGStreamVerifier(key: key, requestMAC: signed.mac)
        } else {
            request = wire
            verifier = nil
        }
    }

    public var isIncrementalRequest: Bool { reader.request != .axfr }
    public var recordCount: Int { reader.recordCount }
    public var messageCount: Int { reader.messageCount }

    /// Takes one answer message (without its TCP length prefix); true once complete.
    public mutating func receive(_ wire: [UInt8], now: UInt64) throws(TransferError) -> Bool {
        let name = isIncrementalRequest ? "IXFR" : "AXFR"
        bytesReceived += wire.count
        guard bytesReceived <= limits.maxBytes else {
            throw TransferError(.tooLarge, "\(name) of \(zone) is larger than \(limits.maxBytes) octets")
        }
        let message: Message
        do {
            message = try Message(wire: wire)
        } catch {
            throw TransferError(.malformed, "\(name) of \(zone): message \(reader.messageCount + 1) does not decode: \(error)")
        }
        guard message.header.id == id else {
            throw TransferError(.malformed, "\(name) of \(zone): a message with ID \(message.header.id), not \(id)")
        }
        // An error answer ends the transfer whether or not it verifies: trusting it can
        // only make us try again later. One to a request the primary could not verify
        // comes back unsigned with the TSIG error (RFC 8945 §5.3.2): say which.
        if message.header.rcode != .noError {
            if let tsig = message.tsig, tsig.error != .noError {
                throw TransferError(.tsig, "\(name) of \(zone) refused by the primary: \(message.header.rcode), TSIG \(TransferError.tsigName(tsig.error))")
            }
            throw TransferError(.refused, "\(name) of \(zone) answered \(message.header.rcode)")
        }
        if verifier != nil {
            do {
                _ = try verifier!.verify(wire, message, now: now)
            } catch {
                throw TransferError(.tsig, "\(name) of \(zone): \(error)")
            }
        } else if message.tsig != nil {
            // Signed, but we have no key: we cannot check it, and it is not what we asked for.
            throw TransferError(.tsig, "\(name) of \(zone) is signed, but no key is configured")
        }
        let complete = try reader.consume(message)
        if complete, let verifier, !verifier.isComplete {
            throw TransferError(.tsig, "\(name) of \(zone) ends on an unsigned message")
        }
        return complete
    }

    /// What was transferred, once `receive` returned true.
    public func content() throws(TransferError) -> TransferContent {
        try reader.content()
    }
}
