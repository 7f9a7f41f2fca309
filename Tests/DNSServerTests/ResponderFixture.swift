import DNSCore
@testable import DNSServer
import Testing
import ZoneCompiler

/// A responder over zones given as master-file text, and helpers to ask it questions.
struct ResponderFixture {
    let catalog: ZoneCatalog
    let responder: QueryResponder

    init(_ zones: [(origin: DomainName, text: String)], configuration: QueryResponder.Configuration = .init()) {
        var compiled: [Zone] = []
        for (origin, text) in zones {
            let result = Compiler.compile(text: text, name: "\(origin)", options: CompileOptions(origin: origin, includeBase: .forbidden))
            let errors = result.diagnostics.filter { $0.severity == .error }
            precondition(errors.isEmpty, "fixture zone \(origin) does not compile: \(errors)")
            compiled.append(result.zone)
        }
        catalog = ZoneCatalog(compiled)
        responder = QueryResponder(catalog: catalog, configuration: configuration)
    }

    init(origin: DomainName, _ text: String, configuration: QueryResponder.Configuration = .init()) {
        self.init([(origin, text)], configuration: configuration)
    }

    /// A query message as a stub would send it.
    static func query(_ name: DomainName, _ type: RRType, rrClass: RRClass = .in, id: UInt16 = 0x1234,
                      edns: EDNS? = EDNS(udpPayloadSize: 1232), dnssecOK: Bool = false, recursionDesired: Bool = false) -> Message {
        var message = Message(header: MessageHeader(id: id, recursionDesired: recursionDesired),
                              questions: [Question(name: name, type: type, rrClass: rrClass)])
        message.edns = edns
        if dnssecOK { message.edns = message.edns ?? EDNS(); message.edns!.dnssecOK = true }
        return message
    }

    func raw(_ request: [UInt8], transport: RequestContext.Transport = .udp) -> [UInt8]? {
        responder.respond(to: request, transport: transport)
    }

    /// Asks and decodes; fails the test when the response does not decode.
    func ask(_ name: DomainName, _ type: RRType, rrClass: RRClass = .in, edns: EDNS? = EDNS(udpPayloadSize: 1232),
             dnssecOK: Bool = false, transport: RequestContext.Transport = .udp,
             sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Message {
        let query = Self.query(name, type, rrClass: rrClass, edns: edns, dnssecOK: dnssecOK)
        let bytes = try #require(raw(query.encode(), transport: transport), sourceLocation: sourceLocation)
        return try Message(wire: bytes)
    }
}

extension Message {
    /// `owner TYPE` of each record of a section, for short expectations.
    func summary(_ records: [ResourceRecord]) -> [String] {
        records.map { "\($0.owner) \($0.type)" }
    }
    var answerSummary: [String] { summary(answers) }
    var authoritySummary: [String] { summary(authorities) }
    var additionalSummary: [String] { summary(additionals) }
}
