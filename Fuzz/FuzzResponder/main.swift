import DNSCore
import DNSServer
import ZoneCompiler

/// Answers arbitrary bytes as a query, over UDP and TCP, against a small zone with
/// every kind of answer in it (delegation, CNAME, DNAME, wildcard, MX, SRV, DNSSEC
/// records). Never a crash; every answer decodes and fits its transport's limit; and
/// the fast path agrees with the strict one: when `respond(to:into:)` takes a request,
/// the strict decoder must accept it too, and the decoded path must give the same bytes.
let zoneText = """
    $TTL 300
    @ SOA ns1 hostmaster 1 3600 900 1209600 60
    @ NS ns1
    @ NS ns.other.test.
    @ MX 10 mail
    ns1 A 192.0.2.1
    ns1 AAAA 2001:db8::1
    mail A 192.0.2.2
    www CNAME mail
    loop CNAME loop2
    loop2 CNAME loop
    *.wild TXT "wild"
    *.wild MX 5 mail
    _sip._udp SRV 0 1 5060 mail
    d DNAME example.net.
    sub NS ns.sub
    ns.sub A 192.0.2.53
    big TXT "\(String(repeating: "x", count: 250))" "\(String(repeating: "y", count: 250))"
    big TXT "\(String(repeating: "z", count: 250))" "\(String(repeating: "w", count: 250))"
    big TXT "\(String(repeating: "v", count: 250))" "\(String(repeating: "u", count: 250))"
    @ NSEC www A NS SOA MX RRSIG NSEC
    @ RRSIG SOA 8 1 300 20300101000000 20200101000000 12345 example. AAAA
    """

let responder: QueryResponder = {
    let result = Compiler.compile(text: zoneText, name: "example.zone", options: CompileOptions(origin: "example."))
    precondition(!result.hasErrors, "fuzz zone does not compile: \(result.diagnostics)")
    return QueryResponder(catalog: ZoneCatalog([result.zone]))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let request = Array(UnsafeBufferPointer(start: data, count: size))
    for transport in [RequestContext.Transport.udp, .tcp] {
        guard let answer = responder.respond(to: request, transport: transport) else { continue }
        guard (try? Message(wire: answer)) != nil else {
            fatalError("\(transport) answer does not decode\ninput: \(request)\nanswer: \(answer)")
        }
        let limit = transport == .udp ? max(512, responder.configuration.maxUDPPayload) : 65535
        guard answer.count <= limit else {
            fatalError("\(transport) answer of \(answer.count) octets, over \(limit)\ninput: \(request)")
        }
    }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let fast = request.withUnsafeBufferPointer { bytes in
        buffer.withUnsafeMutableBufferPointer { responder.respond(to: bytes, into: $0, transport: .udp) }
    }
    guard let fast else { return 0 }
    let message: Message
    do {
        message = try Message(wire: request)
    } catch {
        fatalError("the fast path answered a request the strict decoder refuses (\(error))\ninput: \(request)")
    }
    let strict = responder.respond(to: message, transport: .udp, snapshot: responder.catalog.snapshot)
    guard strict == Array(buffer[..<fast]) else {
        fatalError("fast and strict paths differ\ninput: \(request)\nfast: \(Array(buffer[..<fast]))\nstrict: \(String(describing: strict))")
    }
    return 0
}
