import DNSCore
import DNSServer
import Logging
import NIOConcurrencyHelpers
import NIOCore
import Testing
import TSIG
import ZoneCompiler
@testable import Secondary

/// NOTIFY acceptance (RFC 1996 §3.10, RFC 8945), expiry and EDNS EXPIRE (RFC 7314) on
/// queries, UPDATE refused — the handler in-process, no sockets.
@Suite("Secondary request handler")
struct SecondaryRequestHandlerTests {
    typealias F = Fixture
    static let primary = try! SocketAddress(ipAddress: "127.0.0.2", port: 53)
    static let key = KeyGenerator.generate(name: "xfr.key.", algorithm: .hmacSHA256)
    static let now: UInt64 = 1_800_000_000

    final class Notified: Sendable {
        let calls = NIOLockedValueBox<[(DomainName, Int, UInt32?)]>([])
        var count: Int { calls.withLockedValue { $0.count } }
    }

    struct Setup {
        let handler: SecondaryRequestHandler
        let board: SecondaryStatusBoard
        let catalog: ZoneCatalog
        let notified: Notified
    }

    static func setup(key: TSIGKey? = nil, policy: ExpirePolicy = .followSOA, expiresAt: Double? = Double(now) + 100) -> Setup {
        let catalog = ZoneCatalog()
        let board = SecondaryStatusBoard(zones: [F.origin])
        if let expiresAt {
            catalog.replace(F.zone(serial: 7, F.records(hosts: 2)))
            board.update(F.origin) { $0.serial = 7; $0.expiresAt = expiresAt }
        }
        let notified = Notified()
        let handler = SecondaryRequestHandler(
            board: board, primaries: [primary], key: key, expirePolicy: policy,
            queries: ImmediateQueryResponder(catalog: catalog), logger: Logger(label: "test"),
            notify: { zone, index, serial in notified.calls.withLockedValue { $0.append((zone, index, serial)) } })
        return Setup(handler: handler, board: board, catalog: catalog, notified: notified)
    }

    static func context(from address: SocketAddress = primary) -> RequestContext {
        RequestContext(transport: .udp, client: address, receivedAt: now)
    }

    static func notify(serial: UInt32?, zone: DomainName = F.origin) -> [UInt8] {
        var message = Message(header: MessageHeader(id: 77, opcode: .notify, isAuthoritative: true),
                              questions: [Question(name: zone, type: .soa)])
        if let serial { message.answers = [F.soa(serial)] }
        return message.encode()
    }

    static func answer(_ setup: Setup, _ request: [UInt8], from: SocketAddress = primary) throws -> Message {
        let responses = try #require(setup.handler.handleImmediately(request, context: context(from: from)))
        return try Message(wire: try #require(responses.first))
    }

    @Test("RFC 1996 §3.10: a NOTIFY from the primary is answered and starts a check with its serial")
    func notifyFromPrimary() throws {
        let setup = Self.setup()
        let response = try Self.answer(setup, Self.notify(serial: 8), from: try SocketAddress(ipAddress: "127.0.0.2", port: 40000))
        #expect(response.header.rcode == .noError && response.header.isResponse && response.header.opcode == .notify)
        #expect(response.header.id == 77 && response.questions == [Question(name: F.origin, type: .soa)])
        #expect(setup.notified.calls.withLockedValue { $0.first?.2 } == 8)
    }

    @Test("A NOTIFY from another address is REFUSED; for another zone NOTAUTH; neither starts a check")
    func notifyRefused() throws {
        let setup = Self.setup()
        let stranger = try SocketAddress(ipAddress: "127.0.0.9", port: 53)
        #expect(try Self.answer(setup, Self.notify(serial: 8), from: stranger).header.rcode == .refused)
        #expect(try Self.answer(setup, Self.notify(serial: 8, zone: "other.example.")).header.rcode == .notAuth)
        #expect(setup.notified.count == 0)
    }

    @Test("With a key: unsigned NOTIFY REFUSED, wrong key NOTAUTH/BADKEY, right key answered and signed")
    func notifyTSIG() throws {
        let setup = Self.setup(key: Self.key)
        #expect(try Self.answer(setup, Self.notify(serial: 8)).header.rcode == .refused)
        let wrong = KeyGenerator.generate(name: "other.key.", algorithm: .hmacSHA256)
        let badKey = try Self.answer(setup, TSIGSigner.sign(Self.notify(serial: 8), key: wrong, timeSigned: Self.now).wire)
        #expect(badKey.header.rcode == .notAuth && badKey.tsig?.error == .badKey)
        let forged = TSIGKey(name: Self.key.name, algorithm: Self.key.algorithm, secret: Array(repeating: 1, count: 32))
        let badSig = try Self.answer(setup, TSIGSigner.sign(Self.notify(serial: 8), key: forged, timeSigned: Self.now).wire)
        #expect(badSig.header.rcode == .notAuth && badSig.tsig?.error == .badSig)
        #expect(setup.notified.count == 0)

        let signed = TSIGSigner.sign(Self.notify(serial: 8), key: Self.key, timeSigned: Self.now)
        let wire = try #require(setup.handler.handleImmediately(signed.wire, context: Self.context())?.first)
        let response = try Message(wire: wire)
        #expect(response.header.rcode == .noError)
        let verified = TSIGVerifier.verify(wire, response, keyring: TSIGKeyring([Self.key]), now: Self.now, requestMAC: signed.mac)
        guard case .valid = verified else {
            Issue.record("response not signed: \(verified)")
            return
        }
        #expect(setup.notified.count == 1)
    }

    static func query(_ name: DomainName, _ type: RRType, expire: Bool = false) -> [UInt8] {
        var message = Message(header: MessageHeader(id: 5), questions: [Question(name: name, type: type)])
        if expire { message.edns = EDNS(options: [.expire()]) }
        return message.encode()
    }

    @Test("Queries are answered while fresh; SERVFAIL before any data and after expiry under follow-soa")
    func expiryFollowSOA() throws {
        let fresh = Self.setup()
        let answer = try Self.answer(fresh, Self.query(F.name("host1"), .a))
        #expect(answer.header.rcode == .noError && answer.answers == [F.a("host1", 11)])
        let empty = Self.setup(expiresAt: nil)
        #expect(try Self.answer(empty, Self.query(F.origin, .soa)).header.rcode == .servFail)
        let expired = Self.setup(expiresAt: Double(Self.now) - 1)
        #expect(try Self.answer(expired, Self.query(F.origin, .soa)).header.rcode == .servFail)
        // Names outside our zones are the responder's business.
        #expect(try Self.answer(expired, Self.query("example.com.", .soa)).header.rcode == .refused)
    }

    @Test("RFC 8945 §5.3: a query signed with our key gets a signed answer; another key NOTAUTH/BADKEY, a forged MAC BADSIG; without a key configured, BADKEY")
    func signedQueries() async throws {
        let setup = Self.setup(key: Self.key)
        let request = Self.query(F.name("host1"), .a, expire: true)
        // The responder cannot answer a signed query itself: the async path does.
        let signed = TSIGSigner.sign(request, key: Self.key, timeSigned: Self.now)
        #expect(setup.handler.handleImmediately(signed.wire, context: Self.context()) == nil)
        let wire = try #require(await setup.handler.handle(signed.wire, context: Self.context()).first)
        let response = try Message(wire: wire)
        #expect(response.header.rcode == .noError && response.answers == [F.a("host1", 11)])
        #expect(response.edns?.option(.expire)?.expireSeconds == 100)
        let verified = TSIGVerifier.verify(wire, response, keyring: TSIGKeyring([Self.key]), now: Self.now, requestMAC: signed.mac)
        guard case .valid = verified else {
            Issue.record("answer not signed: \(verified)")
            return
        }

        let wrong = KeyGenerator.generate(name: "other.key.", algorithm: .hmacSHA256)
        let badKey = try Message(wire: try #require(await setup.handler.handle(
            TSIGSigner.sign(request, key: wrong, timeSigned: Self.now).wire, context: Self.context()).first))
        #expect(badKey.header.rcode == .notAuth && badKey.tsig?.error == .badKey && badKey.answers.isEmpty)
        let forged = TSIGKey(name: Self.key.name, algorithm: Self.key.algorithm, secret: Array(repeating: 1, count: 32))
        let badSig = try Message(wire: try #require(await setup.handler.handle(
            TSIGSigner.sign(request, key: forged, timeSigned: Self.now).wire, context: Self.context()).first))
        #expect(badSig.header.rcode == .notAuth && badSig.tsig?.error == .badSig && badSig.answers.isEmpty)

        // Unsigned queries are answered at once, as before.
        #expect(try Self.answer(setup, Self.query(F.name("host1"), .a)).answers == [F.a("host1", 11)])
        // No key configured: any signed query is BADKEY.
        let keyless = Self.setup()
        let refused = try Self.answer(keyless, signed.wire)
        #expect(refused.header.rcode == .notAuth && refused.tsig?.error == .badKey)
    }

    @Test("serve-stale keeps answering after expiry")
    func serveStale() throws {
        let stale = Self.setup(policy: .serveStale, expiresAt: Double(Self.now) - 1)
        let answer = try Self.answer(stale, Self.query(F.origin, .soa))
        #expect(answer.header.rcode == .noError && answer.answers.count == 1)
    }

    @Test("RFC 7314: EXPIRE in the query gets the seconds left; zero once expired under serve-stale")
    func ednsExpire() throws {
        let fresh = Self.setup()
        let answer = try Self.answer(fresh, Self.query(F.origin, .soa, expire: true))
        #expect(answer.edns?.option(.expire)?.expireSeconds == 100)
        let plain = try Self.answer(fresh, Self.query(F.origin, .soa))
        #expect(plain.edns?.option(.expire) == nil)
        let stale = Self.setup(policy: .serveStale, expiresAt: Double(Self.now) - 1)
        #expect(try Self.answer(stale, Self.query(F.origin, .soa, expire: true)).edns?.option(.expire)?.expireSeconds == 0)
    }

    @Test("Several zones, nested: a name belongs to the longest origin; NOTIFY reaches the zone it names")
    func severalZones() throws {
        let lab: DomainName = "lab.home.arpa."
        let board = SecondaryStatusBoard(zones: [F.origin, lab])
        #expect(board.origin(for: "x.lab.home.arpa.") == lab)
        #expect(board.origin(for: "x.home.arpa.") == F.origin)
        #expect(board.origin(for: "home.arpa.") == F.origin)
        #expect(board.origin(for: "arpa.") == nil)
        let notified = Notified()
        let handler = SecondaryRequestHandler(
            board: board, primaries: [Self.primary], key: nil, expirePolicy: .followSOA,
            queries: ImmediateQueryResponder(catalog: ZoneCatalog()), logger: Logger(label: "test"),
            notify: { zone, index, serial in notified.calls.withLockedValue { $0.append((zone, index, serial)) } })
        let response = try #require(handler.handleImmediately(Self.notify(serial: nil, zone: lab), context: Self.context()))
        #expect(try Message(wire: response[0]).header.rcode == .noError)
        #expect(notified.calls.withLockedValue { $0.map(\.0) } == [lab])
        // lab has no data yet: SERVFAIL there, while home.arpa. is the same.
        #expect(try Message(wire: try #require(handler.handleImmediately(Self.query("x.lab.home.arpa.", .a), context: Self.context()))[0])
            .header.rcode == .servFail)
    }

    /// A responder that never answers at once, so the transport's async path is used.
    struct Deferred: RequestHandler {
        let inner: ImmediateQueryResponder
        func handleImmediately(_ request: [UInt8], context: RequestContext) -> [[UInt8]]? { nil }
        func handle(_ request: [UInt8], context: RequestContext) async -> [[UInt8]] {
            inner.handleImmediately(request, context: context) ?? []
        }
    }

    @Test("A responder that answers later: the expiry gate and EXPIRE apply on the async path too")
    func asyncPath() async throws {
        for (expiresAt, rcode, expire) in [(Double(Self.now) + 100, RCode.noError, UInt32(100)), (Double(Self.now) - 1, .servFail, nil)] {
            let base = Self.setup(expiresAt: expiresAt)
            let handler = SecondaryRequestHandler(
                board: base.board, primaries: [Self.primary], key: nil, expirePolicy: .followSOA,
                queries: Deferred(inner: ImmediateQueryResponder(catalog: base.catalog)), logger: Logger(label: "test"),
                notify: { _, _, _ in })
            let request = Self.query(F.origin, .soa, expire: true)
            let immediate = handler.handleImmediately(request, context: Self.context())
            if rcode == .noError { #expect(immediate == nil) }
            let answer = try Message(wire: try #require(await handler.handle(request, context: Self.context()).first))
            #expect(answer.header.rcode == rcode)
            #expect(answer.edns?.option(.expire)?.expireSeconds == expire)
        }
    }

    @Test("UPDATE is REFUSED (forwarding is a later issue), AXFR too; an unknown opcode NOTIMP")
    func updateRefused() throws {
        let setup = Self.setup()
        let update = Message(header: MessageHeader(id: 9, opcode: .update), questions: [Question(name: F.origin, type: .soa)]).encode()
        #expect(try Self.answer(setup, update).header.rcode == .refused)
        let status = Message(header: MessageHeader(id: 9, opcode: .status)).encode()
        #expect(try Self.answer(setup, status).header.rcode == .notImp)
        let axfr = try #require(setup.handler.handleImmediately(
            Self.query(F.origin, .axfr), context: RequestContext(transport: .tcp, client: Self.primary, receivedAt: Self.now)))
        #expect(try Message(wire: axfr[0]).header.rcode == .refused)
    }
}
