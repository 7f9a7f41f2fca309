import DNSCore

/// Answers DNS queries (opcode QUERY) from the zones of a `ZoneCatalog`, as an
/// authoritative server: request bytes in, response bytes out, no sockets.
///
/// What it does, by RFC: the lookup of RFC 1034 §4.3.2 with AA set on answers from
/// the zone (not on referrals); CNAME chains within the zone; DNAME substitution
/// (RFC 6672); wildcards (RFC 4592); referrals with glue; NXDOMAIN and NODATA with the
/// SOA at the negative TTL (RFC 2308); addresses of NS, MX and SRV targets as
/// additional data; ANY per RFC 8482; EDNS (RFC 6891) payload sizes and BADVERS;
/// truncation (TC) when the answer or authority section does not fit; with DO
/// (RFC 3225), the zone's RRSIG and NSEC records (RFC 4035 §3.1). It never sets RA.
/// Names outside the served zones get REFUSED; other opcodes NOTIMP.
///
/// The secondary and the hidden primary wrap it: they take NOTIFY, UPDATE and the
/// transfers themselves and hand queries to `respond(to:wire:transport:snapshot:)`.
public struct QueryResponder: RequestHandler {
    public struct Configuration: Sendable {
        /// The largest UDP response sent, whatever the client offers (BIND's
        /// `max-udp-size`, 1232 by default: no fragmentation on common paths).
        public var maxUDPPayload: Int
        /// The payload size our OPT record offers (BIND's `edns-udp-size`).
        public var advertisedUDPPayload: UInt16
        /// RFC 8482 §4.1: over UDP, answer ANY with one RRset rather than all.
        public var minimalANYOverUDP: Bool

        public init(maxUDPPayload: Int = 1232, advertisedUDPPayload: UInt16 = 1232, minimalANYOverUDP: Bool = true) {
            self.maxUDPPayload = max(512, min(maxUDPPayload, 65535))
            self.advertisedUDPPayload = advertisedUDPPayload
            self.minimalANYOverUDP = minimalANYOverUDP
        }
    }

    public let catalog: ZoneCatalog
    public var configuration: Configuration

    public init(catalog: ZoneCatalog, configuration: Configuration = Configuration()) {
        self.catalog = catalog
        self.configuration = configuration
    }

    public func handle(_ request: [UInt8], context: RequestContext) async -> [[UInt8]] {
        guard let response = respond(to: request, transport: context.transport, snapshot: catalog.snapshot) else { return [] }
        return [response]
    }

    public func answerDatagram(_ request: UnsafeBufferPointer<UInt8>, into response: UnsafeMutableBufferPointer<UInt8>,
                               receivedAt: UInt64) -> Int? {
        respond(to: request, into: response, transport: .udp)
    }

    /// The response to `request`, or nil when nothing should be sent (fewer than 12
    /// octets, or a message that is itself a response).
    public func respond(to request: [UInt8], transport: RequestContext.Transport) -> [UInt8]? {
        respond(to: request, transport: transport, snapshot: catalog.snapshot)
    }

    /// The fast path alone, for the UDP listener: answers a query of the common shape
    /// (`QueryRequest(fastParse:)`) into `response` and returns the answer's length.
    /// Nil for anything else, and for an answer longer than `response`: the caller
    /// then goes through `respond(to:transport:)`.
    public func respond(to request: UnsafeBufferPointer<UInt8>, into response: UnsafeMutableBufferPointer<UInt8>,
                        transport: RequestContext.Transport) -> Int? {
        guard let query = QueryRequest(fastParse: request) else { return nil }
        let length = answerInArena(query, qname: UnsafeBufferPointer(rebasing: request[12..<(12 + query.nameLength)]),
                                   transport: transport, snapshot: catalog.snapshot)
        guard length <= response.count, let target = response.baseAddress else { return nil }
        target.update(from: ResponseArena.current.response, count: length)
        return length
    }

    /// As `respond(to:transport:)`, against a snapshot the caller took.
    public func respond(to request: [UInt8], transport: RequestContext.Transport,
                        snapshot: ZoneCatalog.Snapshot) -> [UInt8]? {
        let fast = request.withUnsafeBufferPointer { bytes -> [UInt8]? in
            guard let query = QueryRequest(fastParse: bytes) else { return nil }
            return answer(query, qname: UnsafeBufferPointer(rebasing: bytes[12..<(12 + query.nameLength)]),
                          transport: transport, snapshot: snapshot)
        }
        if let fast { return fast }
        // Anything unusual: the strict decoder decides what the message is.
        guard request.count >= MessageHeader.wireLength else { return nil }
        let flags = UInt16(request[2]) << 8 | UInt16(request[3])
        guard flags & 0x8000 == 0 else { return nil }
        let message: Message
        do {
            message = try Message(wire: request)
        } catch where error.kind == .trailingBytes && error.offset < request.count {
            // Octets after the last counted record are ignored, as by BIND.
            guard let trimmed = try? Message(wire: Array(request[..<error.offset])) else {
                return Self.headerOnly(id: UInt16(request[0]) << 8 | UInt16(request[1]), requestFlags: flags, rcode: .formErr)
            }
            message = trimmed
        } catch {
            return Self.headerOnly(id: UInt16(request[0]) << 8 | UInt16(request[1]), requestFlags: flags, rcode: .formErr)
        }
        return respond(to: message, transport: transport, snapshot: snapshot)
    }

    /// For the wrappers (the secondary, the primary): answers a request they decoded
    /// and found to be a QUERY for the responder, from its original bytes when they
    /// take the fast path. A wrapper that verified a TSIG passes the message without
    /// it (`tsig = nil`) and signs the response itself.
    public func respond(to message: Message, wire: [UInt8], context: RequestContext) -> [UInt8]? {
        let snapshot = catalog.snapshot
        if message.tsig == nil, let fast = wire.withUnsafeBufferPointer({ bytes -> [UInt8]? in
            guard let query = QueryRequest(fastParse: bytes) else { return nil }
            return answer(query, qname: UnsafeBufferPointer(rebasing: bytes[12..<(12 + query.nameLength)]),
                          transport: context.transport, snapshot: snapshot)
        }) {
            return fast
        }
        return respond(to: message, transport: context.transport, snapshot: snapshot)
    }

    /// Answers a request already decoded (by a wrapper that looked at its opcode).
    public func respond(to message: Message, transport: RequestContext.Transport,
                        snapshot: ZoneCatalog.Snapshot) -> [UInt8]? {
        guard !message.header.isResponse else { return nil }
        let requestFlags = message.header.flagsWord
        guard message.header.opcode == .query else {
            return error(.notImp, to: message)
        }
        guard message.questions.count == 1 else {
            return error(.formErr, to: message)
        }
        if message.tsig != nil {
            // No keys here: RFC 8945 §5.2.2, an unknown key gets NOTAUTH, BADKEY, unsigned.
            return error(.notAuth, to: message, tsigError: .badKey)
        }
        let question = message.questions[0]
        var query = QueryRequest(id: message.header.id, flags: requestFlags, nameLength: question.name.wire.count,
                                 type: question.type, rrClass: question.rrClass)
        if let edns = message.edns {
            query.hasEDNS = true
            query.payloadSize = edns.udpPayloadSize
            query.ednsVersion = edns.version
            query.dnssecOK = edns.dnssecOK
        }
        return question.name.wire.withUnsafeBufferPointer { qname in
            answer(query, qname: qname, transport: transport, snapshot: snapshot)
        }
    }

    // MARK: - Answering

    /// The response to one well-formed question.
    func answer(_ query: QueryRequest, qname: UnsafeBufferPointer<UInt8>, transport: RequestContext.Transport,
                snapshot: ZoneCatalog.Snapshot) -> [UInt8] {
        let length = answerInArena(query, qname: qname, transport: transport, snapshot: snapshot)
        return Array(UnsafeBufferPointer(start: ResponseArena.current.response, count: length))
    }

    /// Builds the response to one well-formed question in the thread's
    /// `ResponseArena` and returns its length.
    private func answerInArena(_ query: QueryRequest, qname: UnsafeBufferPointer<UInt8>, transport: RequestContext.Transport,
                               snapshot: ZoneCatalog.Snapshot) -> Int {
        if query.hasEDNS && query.ednsVersion > 0 {
            // RFC 6891 §6.1.3: BADVERS, with the version we do speak.
            return build(query, qname: qname, limit: 512) { _, _ in (RCode.badVers, false, false) }
        }
        var rcode: RCode?
        switch query.rrClass {
        case .in: break
        case .any, .none: rcode = .formErr
        default: rcode = .refused
        }
        switch query.type {
        case .opt, .tkey, .tsig: rcode = .formErr
        case .maila, .mailb: rcode = .notImp
        case .axfr, .ixfr: rcode = .refused  // transfers belong to the primary and the secondary
        default:
            if query.type.rawValue >= 128 && query.type.rawValue < 249 { rcode = .formErr }
        }
        var zone: ServingZone?
        if rcode == nil {
            zone = snapshot.servingZone(containing: qname)
            // RFC 4035 §3.1.4.1: DS at a zone's apex is the parent's data, if we serve it.
            if let child = zone, query.type == .ds, qname.count == child.origin.wire.count, qname.count > 1,
               let parent = snapshot.servingZone(containing: UnsafeBufferPointer(rebasing: qname[(1 + Int(qname[0]))...])) {
                zone = parent
            }
            if zone == nil { rcode = .refused } else if zone!.apex < 0 { rcode = .servFail }  // no records at the origin
        }
        let limit: Int
        switch transport {
        case .udp: limit = query.hasEDNS ? min(max(512, Int(query.payloadSize)), configuration.maxUDPPayload) : 512
        case .tcp: limit = 65535
        }
        guard let zone, rcode == nil else {
            return build(query, qname: qname, limit: 512) { _, _ in (rcode!, false, false) }
        }
        let fullANY = transport == .tcp || !configuration.minimalANYOverUDP
        let dnssecOK = query.hasEDNS && query.dnssecOK
        return build(query, qname: qname, limit: limit) { writer, arena in
            zone.data.withUnsafeBufferPointer { data in
                var builder = AnswerBuilder(zone: zone, data: data, type: query.type, dnssecOK: dnssecOK,
                                            fullANY: fullANY, arena: arena)
                builder.answer(qname, type: query.type, writer: &writer)
                return (builder.rcode, builder.authoritative, builder.truncated)
            }
        }
    }

    /// Builds a response in the thread's arena: header, the question, whatever `body`
    /// writes, and an OPT record when the request had one. `body` returns the RCODE,
    /// AA and TC. Returns the response's length.
    private func build(_ query: QueryRequest, qname: UnsafeBufferPointer<UInt8>, limit: Int,
                       _ body: (inout ResponseWriter, ResponseArena) -> (RCode, Bool, Bool)) -> Int {
        let arena = ResponseArena.current
        var writer = ResponseWriter(arena: arena, limit: limit - (query.hasEDNS ? 11 : 0))
        writer.skipHeader()
        writer.writeName(qname)
        writer.writeU16(query.type.rawValue)
        writer.writeU16(query.rrClass.rawValue)
        let questionEnd = writer.count
        let (rcode, authoritative, truncated) = body(&writer, arena)
        if truncated && query.hasEDNS {
            // With EDNS a truncated answer carries no records, as from BIND 9.18: the
            // client asks again over TCP (RFC 7766).
            writer.truncate(to: questionEnd)
            writer.answerCount = 0
            writer.authorityCount = 0
            writer.additionalCount = 0
        }
        if query.hasEDNS {
            writer.writeOPT(payloadSize: configuration.advertisedUDPPayload,
                            extendedRCode: UInt8(truncatingIfNeeded: rcode.rawValue >> 4), dnssecOK: query.dnssecOK)
        }
        var flags: UInt16 = 0x8000 | (query.flags & 0x7800) | (query.flags & 0x0110)  // QR, opcode, RD, CD
        if authoritative { flags |= 0x0400 }
        if truncated { flags |= 0x0200 }
        flags |= rcode.rawValue & 0x000F
        writer.writeHeader(id: query.id, flags: flags, questionCount: 1)
        return writer.count
    }

    /// An error response echoing the request's question and EDNS.
    private func error(_ rcode: RCode, to message: Message, tsigError: RCode? = nil) -> [UInt8] {
        let header = MessageHeader(id: message.header.id, isResponse: true, opcode: message.header.opcode,
                                   recursionDesired: message.header.recursionDesired,
                                   checkingDisabled: message.header.checkingDisabled, rcode: rcode)
        var response = Message(header: header, questions: message.questions)
        if let edns = message.edns {
            response.edns = EDNS(udpPayloadSize: configuration.advertisedUDPPayload, dnssecOK: edns.dnssecOK)
        }
        if let tsig = message.tsig, let tsigError {
            response.tsig = TSIGRecord(keyName: tsig.keyName, algorithm: tsig.algorithm, timeSigned: tsig.timeSigned,
                                       fudge: tsig.fudge, mac: [], originalID: tsig.originalID, error: tsigError)
        }
        return response.encode()
    }

    /// A twelve-octet response for a request that could not be read past its header.
    static func headerOnly(id: UInt16, requestFlags: UInt16, rcode: RCode) -> [UInt8] {
        let flags = 0x8000 | (requestFlags & 0x7800) | (requestFlags & 0x0100) | (rcode.rawValue & 0x000F)
        return [UInt8(id >> 8), UInt8(truncatingIfNeeded: id), UInt8(flags >> 8), UInt8(truncatingIfNeeded: flags),
                0, 0, 0, 0, 0, 0, 0, 0]
    }
}
