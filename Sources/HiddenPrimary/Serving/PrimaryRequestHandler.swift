import DNSCore
import DNSServer
import Logging
import NIOCore
import TSIG

/// The hidden primary's answers (DESIGN §5.6): SOA, AXFR and IXFR to the configured
/// secondaries only (and with a valid key when transfer keys are set), UPDATE to
/// signed requests the update policy allows, REFUSED for everything else. The world
/// never sees it.
public struct PrimaryRequestHandler: RequestHandler {
    let zones: PrimaryZoneTable
    /// IP addresses of the secondaries (ports do not matter for access).
    let secondaries: Set<String>
    let keyring: TSIGKeyring
    /// When true, SOA/AXFR/IXFR must be signed with a key from the keyring.
    let transfersNeedKey: Bool
    let logger: Logger

    public init(zones: PrimaryZoneTable, secondaries: [SocketAddress], keyring: TSIGKeyring, transfersNeedKey: Bool, logger: Logger) {
        self.zones = zones
        self.secondaries = Set(secondaries.compactMap(\.ipAddress))
        self.keyring = keyring
        self.transfersNeedKey = transfersNeedKey
        self.logger = logger
    }

    /// A decoded request with the outcome of its TSIG check.
    struct Request {
        var message: Message
        var wire: [UInt8]
        var tsig: TSIGVerifier.Outcome
        /// When it arrived: the time our signatures on the answer carry.
        var receivedAt: UInt64
    }

    public func handleImmediately(_ wire: [UInt8], context: RequestContext) -> [[UInt8]]? {
        guard wire.count >= MessageHeader.wireLength else { return [] }
        let message: Message
        do {
            message = try Message(wire: wire)
        } catch {
            return [Self.bare(wire, rcode: .formErr)]
        }
        guard !message.header.isResponse else { return [] }
        let request = Request(message: message, wire: wire, tsig: TSIGVerifier.verify(wire, message, keyring: keyring, now: context.receivedAt),
                              receivedAt: context.receivedAt)
        if case .invalid(let failure) = request.tsig {
            logger.notice("request from \(context.client) refused: \(failure)")
            return [tsigError(request, failure, now: context.receivedAt)]
        }
        switch message.header.opcode {
        case .query:
            guard let question = message.questions.first, message.questions.count == 1 else { return [respond(request, rcode: .formErr)] }
            switch question.type {
            case .soa:
                guard let zone = zones[question.name], mayTransfer(request, context) else { return [respond(request, rcode: .refused)] }
                var response = Self.response(to: message)
                response.header.isAuthoritative = true
                response.answers = [TransferResponder.soa(zone.current.zone)]
                return [sign(response, request)]
            case .axfr, .ixfr:
                return nil  // built in a task: a large zone must not hold the event loop
            default:
                return [respond(request, rcode: .refused)]
            }
        case .update:
            return nil
        default:
            return [respond(request, rcode: .refused)]
        }
    }

    public func handle(_ wire: [UInt8], context: RequestContext) async -> [[UInt8]] {
        guard let message = try? Message(wire: wire) else { return [] }
        let request = Request(message: message, wire: wire, tsig: TSIGVerifier.verify(wire, message, keyring: keyring, now: context.receivedAt),
                              receivedAt: context.receivedAt)
        if message.header.opcode == .update { return [await update(request, context)] }
        return transfer(request, context)
    }

    // MARK: Transfers

    private func mayTransfer(_ request: Request, _ context: RequestContext) -> Bool {
        guard let address = context.client.ipAddress, secondaries.contains(address) else { return false }
        if transfersNeedKey, case .valid = request.tsig { return true }
        return !transfersNeedKey
    }

    private func transfer(_ request: Request, _ context: RequestContext) -> [[UInt8]] {
        let message = request.message
        guard let question = message.questions.first else { return [respond(request, rcode: .formErr)] }
        guard let zone = zones[question.name], mayTransfer(request, context) else {
            logger.notice("\(question.type) of \(question.name) from \(context.client) refused")
            return [respond(request, rcode: .refused)]
        }
        let version = zone.current
        let messages: [Message]
        let form: String
        if question.type == .axfr {
            guard context.transport == .tcp else { return [respond(request, rcode: .formErr)] }
            messages = TransferResponder.axfr(message, version: version)
            form = "full zone"
        } else {
            guard let clientSOA = message.authorities.first(where: { $0.type == .soa }), case .soa(let soa) = clientSOA.rdata else {
                return [respond(request, rcode: .formErr)]
            }
            messages = TransferResponder.ixfr(message, clientSerial: soa.serial, version: version, overUDP: context.transport == .udp)
            form = TransferResponder.ixfrForm(clientSerial: soa.serial, version: version, overUDP: context.transport == .udp)
        }
        let signed: String
        if case .valid(let key, _) = request.tsig { signed = ", signed with \(key.name)" } else { signed = "" }
        logger.info("\(question.name): \(question.type) to \(context.client) at serial \(version.serial): \(form), \(messages.count) message\(messages.count == 1 ? "" : "s")\(signed)")
        guard case .valid(let key, let mac) = request.tsig else { return messages.map { $0.encode() } }
        var signer = TSIGStreamSigner(key: key, requestMAC: mac)
        return messages.map { signer.sign($0.encode(), timeSigned: request.receivedAt) }
    }

    // MARK: UPDATE

    private func update(_ request: Request, _ context: RequestContext) async -> [UInt8] {
        let message = request.message
        guard let question = message.zone, let zone = zones[question.name] else {
            return respond(request, rcode: message.zones.count == 1 ? .notAuth : .formErr)
        }
        guard case .valid(let key, _) = request.tsig else {
            logger.notice("\(question.name): unsigned UPDATE from \(context.client) refused")
            return respond(request, rcode: .refused, reason: "UPDATE must be signed with TSIG")
        }
        let result = await zone.update(message, signer: key.name)
        return respond(request, rcode: result.rcode, reason: result.reason)
    }

    // MARK: Responses

    static func response(to message: Message) -> Message {
        var header = message.header
        header.isResponse = true
        header.recursionAvailable = false
        header.authenticData = false
        header.rcode = .noError
        var response = Message(header: header, questions: message.questions)
        if message.edns != nil { response.edns = EDNS(udpPayloadSize: 1232) }
        return response
    }

    /// A response with `rcode`, signed when the request was; the reason travels as an
    /// Extended DNS Error (RFC 8914) when the client speaks EDNS.
    private func respond(_ request: Request, rcode: RCode, reason: String? = nil) -> [UInt8] {
        var response = Self.response(to: request.message)
        response.header.rcode = rcode
        if let reason, response.edns != nil {
            let code: ExtendedDNSError.InfoCode = rcode == .refused ? .init(18) : .other   // 18: Prohibited
            response.edns?.setOption(.extendedDNSError(ExtendedDNSError(infoCode: code, extraText: String(reason.prefix(400)))))
        }
        return sign(response, request)
    }

    private func sign(_ response: Message, _ request: Request) -> [UInt8] {
        guard case .valid(let key, let mac) = request.tsig else { return response.encode() }
        return TSIGSigner.sign(response.encode(), key: key, timeSigned: request.receivedAt, requestMAC: mac).wire
    }

    /// RFC 8945 §5.3.2: NOTAUTH, with the TSIG error; BADKEY and BADSIG unsigned, BADTIME
    /// signed with our clock in Other Data.
    private func tsigError(_ request: Request, _ failure: TSIGFailure, now: UInt64) -> [UInt8] {
        var response = Self.response(to: request.message)
        response.header.rcode = failure.error == .formErr ? .formErr : .notAuth
        var wire = response.encode()
        if failure.error == .badTime, let key = failure.key {
            let other = (0..<6).map { UInt8(truncatingIfNeeded: now >> UInt64(40 - 8 * $0)) }
            return TSIGSigner.sign(wire, key: key, timeSigned: failure.timeSigned, fudge: failure.fudge,
                                   requestMAC: failure.receivedMAC, error: .badTime, otherData: other).wire
        }
        TSIGSigner.appendUnsignedError(to: &wire, keyName: failure.keyName, algorithm: failure.algorithm,
                                       timeSigned: failure.timeSigned, fudge: failure.fudge, error: failure.error)
        return wire
    }

    /// FORMERR built from the header alone, for requests that do not decode.
    static func bare(_ wire: [UInt8], rcode: RCode) -> [UInt8] {
        var header = [UInt8](wire[0..<12])
        header[2] = (header[2] | 0x80) & 0xF9   // QR on, AA and TC off, opcode kept
        header[3] = UInt8(rcode.rawValue & 0x0F)
        for i in 4..<12 { header[i] = 0 }
        return header
    }
}
