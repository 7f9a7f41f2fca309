import DNSCore
import DNSServer
import ZoneCompiler

/// A plain authoritative answer from the catalog: the RRset asked for, or NXDOMAIN /
/// NODATA with the SOA. No delegations, wildcards or CNAME chasing.
///
/// A stand-in for the `QueryResponder` (DNSServer) until the secondary is wired to it:
/// enough for the secondary's own tests, which ask for SOA and A records of names that
/// exist. `SecondaryServer` takes any `RequestHandler` for queries.
public struct CatalogQueryAnswerer: RequestHandler {
    public let catalog: ZoneCatalog

    public init(catalog: ZoneCatalog) {
        self.catalog = catalog
    }

    public func handleImmediately(_ request: [UInt8], context: RequestContext) -> [[UInt8]]? {
        guard let query = try? Message(wire: request), !query.header.isResponse else { return [] }
        var response = Message(header: MessageHeader(id: query.header.id, isResponse: true, opcode: query.header.opcode,
                                                     recursionDesired: query.header.recursionDesired),
                               questions: query.questions)
        if query.edns != nil { response.edns = EDNS(udpPayloadSize: 1232) }
        guard query.header.opcode == .query, query.questions.count == 1 else {
            response.header.rcode = .formErr
            return [response.encode()]
        }
        let question = query.questions[0]
        guard let zone = catalog.snapshot.zone(for: question.name) else {
            response.header.rcode = .refused
            return [response.encode()]
        }
        response.header.isAuthoritative = true
        if let rrset = zone.rrset(question.name, question.type) {
            response.answers = rrset.rdatas.map {
                ResourceRecord(owner: question.name, type: question.type, rrClass: zone.rrClass, ttl: rrset.ttl, rdata: $0)
            }
        } else {
            if !zone.contains(question.name) { response.header.rcode = .nxDomain }
            if let soa = zone.soa, let ttl = zone.soaTTL {
                response.authorities = [ResourceRecord(owner: zone.origin, type: .soa, rrClass: zone.rrClass,
                                                       ttl: min(ttl, soa.minimum), rdata: .soa(soa))]
            }
        }
        let limit = context.transport == .udp ? (query.edns?.effectiveUDPPayloadSize ?? 512) : 65535
        return [response.encode(maxSize: limit)]
    }

    public func handle(_ request: [UInt8], context: RequestContext) async -> [[UInt8]] {
        handleImmediately(request, context: context) ?? []
    }
}
