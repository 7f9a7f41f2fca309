import DNSCore
import DNSServer
import Logging
import NIOCore
import TSIG

/// The secondary's side of the wire (DESIGN §2):
/// - NOTIFY (RFC 1996) is taken only from a configured primary's address, and only
///   signed with the key when one is configured; it is answered at once and starts a
///   SOA check of the zone;
/// - QUERY goes to the query responder, except for a zone that has no data yet or has
///   expired under `follow-soa`, which gets SERVFAIL; a query carrying EDNS EXPIRE
///   (RFC 7314) gets the seconds left before the zone expires; a query signed with
///   the configured key gets a signed answer (one signed with another key, NOTAUTH with
///   the TSIG error, RFC 8945 §5.2); AXFR and IXFR are
///   REFUSED (serving transfers onwards, to chained secondaries, is not done yet);
/// - UPDATE is REFUSED: forwarding to the primary, with a durable outbox, is a later
///   issue;
/// - other opcodes get NOTIMP.
public struct SecondaryRequestHandler: RequestHandler {
    public let board: SecondaryStatusBoard
    public let primaries: [SocketAddress]
    public let key: TSIGKey?
    public let expirePolicy: ExpirePolicy
    public let queries: any RequestHandler
    /// Called for each accepted NOTIFY: zone, primary index, serial if one came.
    public let notify: @Sendable (DomainName, Int, UInt32?) -> Void
    public let logger: Logger

    public init(board: SecondaryStatusBoard, primaries: [SocketAddress], key: TSIGKey?, expirePolicy: ExpirePolicy,
                queries: any RequestHandler, logger: Logger, notify: @escaping @Sendable (DomainName, Int, UInt32?) -> Void) {
        self.board = board
        self.primaries = primaries
        self.key = key
        self.expirePolicy = expirePolicy
        self.queries = queries
        self.logger = logger
        self.notify = notify
    }

    public func handleImmediately(_ request: [UInt8], context: RequestContext) -> [[UInt8]]? {
        guard request.count >= 12, request[2] & 0x80 == 0 else { return [] }  // not a request: drop
        let opcode = Opcode((request[2] >> 3) & 0x0F)
        switch opcode {
        case .query:
            if let answer = gateQuery(request, context: context) { return answer }
            guard let answer = queries.handleImmediately(request, context: context) else { return nil }
            // The responder knows no keys and answers a signed query NOTAUTH: with a key
            // configured, such a query is verified and answered by `handle`.
            if key != nil, Self.isNotAuth(answer) { return nil }
            return addExpire(answer, request: request, context: context)
        case .notify:
            return [answerNotify(request, context: context)]
        case .update:
            return [Self.errorAnswer(request, rcode: .refused)]
        default:
            return [Self.errorAnswer(request, rcode: .notImp)]
        }
    }

    /// A plain query over UDP while every zone is serving: straight to the responder,
    /// which takes only queries without TSIG and without an EDNS EXPIRE option (so with
    /// nothing to add). Everything else goes through `handleImmediately`.
    public func answerDatagram(_ request: UnsafeBufferPointer<UInt8>, into response: UnsafeMutableBufferPointer<UInt8>,
                               receivedAt: UInt64) -> Int? {
        guard request.count >= 12, request[2] & 0xF8 == 0,  // QR clear, opcode QUERY
              board.allServing(at: Double(receivedAt)) else { return nil }
        return queries.answerDatagram(request, into: response, receivedAt: receivedAt)
    }

    public func handle(_ request: [UInt8], context: RequestContext) async -> [[UInt8]] {
        // Everything but a query is answered at once; a query comes here when the
        // responder could not answer it at once.
        guard request.count >= 12, request[2] & 0x80 == 0, Opcode((request[2] >> 3) & 0x0F) == .query else {
            return handleImmediately(request, context: context) ?? []
        }
        if let answer = gateQuery(request, context: context) { return answer }
        let answer = await queries.handle(request, context: context)
        if let key, Self.isNotAuth(answer), let signed = await answerSigned(request, key: key, context: context) {
            return signed
        }
        return addExpire(answer, request: request, context: context)
    }

    static func isNotAuth(_ answers: [[UInt8]]) -> Bool {
        answers.count == 1 && answers[0].count >= 12 && answers[0][3] & 0x0F == UInt8(RCode.notAuth.rawValue)
    }

    /// A query carrying a TSIG: verified against our key; when valid, answered by the
    /// responder without it and the answer signed (RFC 8945 §5.3), with room kept for
    /// the TSIG record within the client's payload size. Nil when it carries no TSIG.
    private func answerSigned(_ request: [UInt8], key: TSIGKey, context: RequestContext) async -> [[UInt8]]? {
        guard let message = try? Message(wire: request), message.tsig != nil else { return nil }
        var response = Message(header: message.header, questions: message.questions)
        response.header.isResponse = true
        switch TSIGVerifier.verify(request, message, keyring: TSIGKeyring([key]), now: context.receivedAt) {
        case .unsigned:
            return nil
        case .invalid(let failure):
            logger.notice("query from \(Self.text(context.client)) refused: \(failure)")
            return [Self.tsigErrorAnswer(response, failure: failure, now: context.receivedAt)]
        case .valid(_, let requestMAC):
            var unsigned = message
            unsigned.tsig = nil
            let tsigSize = key.name.wire.count + key.algorithm.name.wire.count + 10 + 16 + key.algorithm.digestLength
            if var edns = unsigned.edns {
                edns.udpPayloadSize = UInt16(max(512, edns.effectiveUDPPayloadSize - tsigSize))
                unsigned.edns = edns
            }
            let answers = addExpire(await queries.handle(unsigned.encode(), context: context), request: request, context: context)
            guard answers.count == 1 else { return answers }
            return [TSIGSigner.sign(answers[0], key: key, timeSigned: context.receivedAt, requestMAC: requestMAC).wire]
        }
    }

    // MARK: - Queries

    /// SERVFAIL for a zone without data or expired under follow-soa; nil to answer
    /// normally. Decodes the query only when some zone is not serving, or when the
    /// query may carry EDNS (ARCOUNT > 0), so the common case costs two comparisons.
    private func gateQuery(_ request: [UInt8], context: RequestContext) -> [[UInt8]]? {
        if context.transport == .tcp, let query = try? Message(wire: request),
           let type = query.questions.first?.type, type == .axfr || type == .ixfr {
            return [Self.errorAnswer(request, rcode: .refused)]
        }
        let now = Double(context.receivedAt)
        if board.allServing(at: now) { return nil }
        guard let query = try? Message(wire: request), let question = query.questions.first,
              let origin = board.origin(for: question.name), let status = board[origin] else { return nil }
        guard let expiresAt = status.expiresAt else {
            return [Self.errorAnswer(request, rcode: .servFail)]
        }
        if now >= expiresAt && expirePolicy == .followSOA {
            return [Self.errorAnswer(request, rcode: .servFail)]
        }
        return nil
    }

    /// Adds the EXPIRE option (RFC 7314 §3) to the answer when the query asked for it
    /// and the name is in one of our zones: the seconds left, zero once expired.
    private func addExpire(_ answers: [[UInt8]], request: [UInt8], context: RequestContext) -> [[UInt8]] {
        guard request[10] != 0 || request[11] != 0, answers.count == 1,
              let query = try? Message(wire: request), query.edns?.expire != nil,
              let question = query.questions.first, let origin = board.origin(for: question.name),
              let expiresAt = board[origin]?.expiresAt,
              var response = try? Message(wire: answers[0]), response.tsig == nil, response.edns != nil else { return answers }
        let left = max(0, expiresAt - Double(context.receivedAt))
        response.edns!.setOption(.expire(UInt32(min(left, Double(UInt32.max)))))
        let limit = context.transport == .udp ? (query.edns?.effectiveUDPPayloadSize ?? 512) : 65535
        return [response.encode(maxSize: limit)]
    }

    // MARK: - NOTIFY

    private func answerNotify(_ request: [UInt8], context: RequestContext) -> [UInt8] {
        guard let message = try? Message(wire: request) else { return Self.errorAnswer(request, rcode: .formErr) }
        var response = Message(header: MessageHeader(id: message.header.id, isResponse: true, opcode: .notify,
                                                     isAuthoritative: true),
                               questions: message.questions)
        let source = Self.text(context.client)
        guard message.questions.count == 1, message.questions[0].type == .soa else {
            response.header.rcode = .formErr
            return response.encode()
        }
        let zone = message.questions[0].name
        guard board.origins.contains(zone) else {
            logger.notice("NOTIFY for \(zone) from \(source) refused: not a zone we serve")
            response.header.rcode = .notAuth
            return response.encode()
        }
        guard let primary = primaryIndex(of: context.client) else {
            logger.warning("\(zone): NOTIFY from \(source) refused: not a configured primary")
            response.header.rcode = .refused
            return response.encode()
        }
        // Verified against our one key, or against none: a NOTIFY signed with a key we
        // do not have gets BADKEY (RFC 8945 §5.2.1).
        var requestMAC: [UInt8]?
        switch TSIGVerifier.verify(request, message, keyring: TSIGKeyring(key.map { [$0] } ?? []), now: context.receivedAt) {
        case .valid(_, let mac):
            requestMAC = mac
        case .unsigned:
            if let key {
                logger.warning("\(zone): NOTIFY from \(source) refused: not signed with key \(key.name)")
                response.header.rcode = .refused
                return response.encode()
            }
        case .invalid(let failure):
            logger.warning("\(zone): NOTIFY from \(source) refused: \(failure)")
            return Self.tsigErrorAnswer(response, failure: failure, now: context.receivedAt)
        }
        var serial: UInt32?
        for record in message.answers where record.type == .soa {
            if case .soa(let soa) = record.rdata { serial = soa.serial }
        }
        board.update(zone) { $0.notifyCount += 1 }
        logger.info("\(zone): NOTIFY from \(source)\(serial.map { " (serial \($0))" } ?? "")")
        notify(zone, primary, serial)
        let wire = response.encode()
        if let key, let requestMAC {
            return TSIGSigner.sign(wire, key: key, timeSigned: context.receivedAt, requestMAC: requestMAC).wire
        }
        return wire
    }

    /// The primary a NOTIFY came from: same address and port first, else the first
    /// primary with the same address (NOTIFYs usually leave from another port than the
    /// one the primary serves on).
    private func primaryIndex(of client: SocketAddress) -> Int? {
        if let exact = primaries.firstIndex(of: client) { return exact }
        let address = client.ipAddress
        return primaries.firstIndex { $0.ipAddress == address }
    }

    /// NOTAUTH with the TSIG error (RFC 8945 §5.2): unsigned for BADKEY and BADSIG,
    /// signed with the key for BADTIME, carrying our time.
    static func tsigErrorAnswer(_ response: Message, failure: TSIGFailure, now: UInt64) -> [UInt8] {
        var response = response
        response.header.rcode = .notAuth
        var wire = response.encode()
        if failure.error == .badTime, let key = failure.key {
            let otherData: [UInt8] = (0..<6).map { UInt8(truncatingIfNeeded: now >> (8 * (5 - $0))) }
            return TSIGSigner.sign(wire, key: key, timeSigned: failure.timeSigned, fudge: failure.fudge,
                                   requestMAC: failure.receivedMAC, error: .badTime, otherData: otherData).wire
        }
        TSIGSigner.appendUnsignedError(to: &wire, keyName: failure.keyName, algorithm: failure.algorithm,
                                       timeSigned: failure.timeSigned, fudge: failure.fudge,
                                       error: failure.error == .formErr ? .badSig : failure.error)
        return wire
    }

    /// The request's header and question with QR set and `rcode`, sections emptied:
    /// built from the bytes, so it works even for a request that does not decode.
    static func errorAnswer(_ request: [UInt8], rcode: RCode) -> [UInt8] {
        if let message = try? Message(wire: request) {
            var response = Message(header: message.header, questions: message.questions)
            response.header.isResponse = true
            response.header.isAuthoritative = false
            response.header.isTruncated = false
            response.header.rcode = rcode
            if message.edns != nil { response.edns = EDNS(udpPayloadSize: 1232) }
            return response.encode()
        }
        var header = Array(request.prefix(12))
        header[2] |= 0x80
        header[3] = (header[3] & 0xF0) | UInt8(rcode.rawValue & 0x0F)
        for index in 4..<12 { header[index] = 0 }
        return header
    }

    static func text(_ address: SocketAddress) -> String {
        NIOZoneTransferClient.text(address)
    }
}
