import DNSCore
import TSIG

/// What a primary's SOA answer says: its apex SOA, and the seconds its copy has left
/// before it expires when it answered EDNS EXPIRE (RFC 7314 §3) — less than the SOA
/// EXPIRE when the primary is itself a secondary.
public struct SOAAnswer: Sendable, Equatable {
    public var soa: ResourceRecord
    public var expire: UInt32?

    public init(soa: ResourceRecord, expire: UInt32? = nil) {
        self.soa = soa
        self.expire = expire
    }

    public var serial: UInt32 {
        if case .soa(let soa) = soa.rdata { return soa.serial }
        return 0
    }
}

/// One SOA query to a primary and the check of its answer (RFC 1034 §4.3.5): the
/// request bytes, signed when a key is configured, and what the answer says. Sans-I/O:
/// the caller sends `request` however it likes and hands back what arrived.
///
/// With `askExpire` the query carries an empty EDNS EXPIRE option (RFC 7314 §4), so a
/// primary that is itself a secondary tells how long its data has left. A server that
/// does not do EDNS answers FORMERR, NOTIMP or BADVERS; the caller then asks again
/// without it (`isEDNSRefusal`).
public struct SOAQuery: Sendable {
    public let zone: DomainName
    public let id: UInt16
    public let key: TSIGKey?
    public let askExpire: Bool
    public let request: [UInt8]
    private let requestMAC: [UInt8]

    /// `now` is the TSIG time (seconds since the epoch); `id` is injected so tests can
    /// predict the bytes.
    public init(zone: DomainName, id: UInt16, key: TSIGKey?, now: UInt64, askExpire: Bool = true) {
        self.zone = zone
        self.id = id
        self.key = key
        self.askExpire = askExpire
        var message = Message(header: MessageHeader(id: id), questions: [Question(name: zone, type: .soa)])
        message.header.recursionDesired = false
        if askExpire { message.edns = EDNS(udpPayloadSize: 1232, options: [.expire()]) }
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

    /// True when `wire` is an error answer a server without EDNS gives to our EDNS
    /// query: ask again without the option.
    public func isEDNSRefusal(_ wire: [UInt8]) -> Bool {
        guard askExpire, let message = try? Message(wire: wire) else {
            // An answer that does not decode may be a FORMERR with no OPT record.
            return askExpire && wire.count >= 4 && [1, 4].contains(wire[3] & 0x0F)
        }
        return [RCode.formErr, .notImp, .badVers].contains(message.header.rcode)
    }

    /// The primary's apex SOA record, and its EXPIRE if it sent one, from its answer.
    public func answer(_ wire: [UInt8], now: UInt64) throws(TransferError) -> SOAAnswer {
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
        return SOAAnswer(soa: soa, expire: message.edns?.option(.expire)?.expireSeconds)
    }
}
