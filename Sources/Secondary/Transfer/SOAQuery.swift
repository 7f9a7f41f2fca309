import DNSCore
import TSIG

/// One SOA query to a primary and the check of its answer (RFC 1034 §4.3.5): the
/// request bytes, signed when a key is configured, and what the answer says. Sans-I/O:
/// the caller sends `request` however it likes and hands back what arrived.
public struct SOAQuery: Sendable {
    public let zone: DomainName
    public let id: UInt16
    public let key: TSIGKey?
    public let request: [UInt8]
    private let requestMAC: [UInt8]

    /// `now` is the TSIG time (seconds since the epoch); `id` is injected so tests can
    /// predict the bytes.
    public init(zone: DomainName, id: UInt16, key: TSIGKey?, now: UInt64) {
        self.zone = zone
        self.id = id
        self.key = key
        var message = Message(header: MessageHeader(id: id), questions: [Question(name: zone, type: .soa)])
        message.header.recursionDesired = false
        let wire = message.encode()
        if let key {
            let signed = TSIGSigner.sign(wire, key: key, timeSigned: now)
            request = signed.wire
            requestMAC = signed.mac
        } else {
            request = wire
            requestMAC = []
        }
    }

    /// True when `wire` looks like the answer to this query (same ID, a response):
    /// anything else on the socket is ignored rather than failing the query.
    public func matches(_ wire: [UInt8]) -> Bool {
        wire.count >= 12 && UInt16(wire[0]) << 8 | UInt16(wire[1]) == id && wire[2] & 0x80 != 0
    }

    /// The primary's apex SOA record from its answer.
    public func answer(_ wire: [UInt8], now: UInt64) throws(TransferError) -> ResourceRecord {
        let message: Message
        do {
            message = try Message(wire: wire)
        } catch {
            throw TransferError(.malformed, "SOA answer for \(zone) does not decode: \(error)")
        }
        guard message.header.id == id, message.header.isResponse else {
            throw TransferError(.malformed, "SOA answer for \(zone) has another ID")
        }
        guard message.header.rcode == .noError else {
            if let tsig = message.tsig, tsig.error != .noError {
                throw TransferError(.tsig, "SOA query for \(zone) answered \(message.header.rcode), TSIG \(TransferError.tsigName(tsig.error))")
            }
            throw TransferError(.refused, "SOA query for \(zone) answered \(message.header.rcode)")
        }
        if let key {
            switch TSIGVerifier.verify(wire, message, keyring: TSIGKeyring([key]), now: now, requestMAC: requestMAC) {
            case .valid: break
            case .unsigned:
                throw TransferError(.tsig, "SOA answer for \(zone) is not signed, but key \(key.name) is configured")
            case .invalid(let failure):
                throw TransferError(.tsig, "SOA answer for \(zone): \(failure)")
            }
        }
        guard message.questions.count == 1, message.questions[0].name == zone, message.questions[0].type == .soa else {
            throw TransferError(.malformed, "SOA answer for \(zone) is for another question")
        }
        guard message.header.isAuthoritative else {
            throw TransferError(.refused, "SOA answer for \(zone) is not authoritative: the primary does not serve the zone")
        }
        guard let soa = message.answers.first(where: { $0.type == .soa && $0.owner == zone }) else {
            throw TransferError(.malformed, "SOA answer for \(zone) has no SOA record")
        }
        guard case .soa = soa.rdata else { throw TransferError(.malformed, "SOA answer for \(zone) has a malformed SOA") }
        return soa
    }
}
