// Times the query responder alone, in process, with no sockets: request bytes in,
// response bytes out, against a 100k-record zone (DESIGN §8). Not a test: run it with
// `bash bench/responder.sh` (a release build).
import DNSCore
import DNSServer
import Foundation
import ZoneCompiler

func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

let hosts = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 50_000
let iterations = Int(CommandLine.arguments.dropFirst(2).first ?? "") ?? 2_000_000
/// Runs only the scenarios whose label contains this (for callgrind).
let only = CommandLine.arguments.dropFirst(3).first

// The zone: hosts with A (and AAAA on every other), MX on some, delegations with glue.
var text = """
$ORIGIN example.com.
$TTL 3600
@ SOA ns1 hostmaster 2024010101 7200 3600 1209600 300
@ NS ns1
@ NS ns2
@ MX 10 mail
ns1 A 192.0.2.53
ns2 A 198.51.100.53
mail A 192.0.2.25

"""
text.reserveCapacity(hosts * 64)
for i in 0..<hosts {
    text += "h\(i) A 10.\(i >> 16 & 255).\(i >> 8 & 255).\(i & 255)\n"
    if i % 2 == 0 { text += "h\(i) AAAA 2001:db8::\(String(i, radix: 16))\n" }
    if i % 10 == 0 { text += "h\(i) MX 10 mail\n" }
}
let delegations = max(1, hosts / 25)
for i in 0..<delegations {
    text += "d\(i) NS ns1.d\(i)\nd\(i) NS ns2.d\(i)\nns1.d\(i) A 192.0.2.\(i % 250 + 1)\nns2.d\(i) A 198.51.100.\(i % 250 + 1)\n"
}
for i in 0..<1000 { text += "c\(i) CNAME h\(i)\n" }

var start = now()
let result = Compiler.compile(text: text, name: "bench.zone", options: CompileOptions(origin: "example.com.", includeBase: .forbidden))
let compileSeconds = Double(now() - start) / 1e9
start = now()
let serving = ServingZone(result.zone)
let buildSeconds = Double(now() - start) / 1e9
print(String(format: "zone: %d records, %d names; compile %.2f s; serving tables %.3f s, %d nodes, %d RRsets, %.1f MB",
             result.zone.recordCount, result.zone.nameCount, compileSeconds, buildSeconds, serving.nodeCount,
             serving.rrsetCount, Double(serving.footprint) / 1e6))

let catalog = ZoneCatalog(serving: [serving])
let responder = QueryResponder(catalog: catalog)
let snapshot = catalog.snapshot

/// `count` (a power of two) different requests of one kind, so lookups do not all hit
/// one cache line; host numbers spread over the zone.
func requests(_ name: (Int) -> String, _ type: RRType, edns: Bool = true, dnssecOK: Bool = false,
              count: Int = 1024) -> [[UInt8]] {
    (0..<count).map { i in
        // 1024 requests stay in cache; 65536 over 50k hosts miss it, as real traffic does.
        let host = count <= 1024 ? i * 37 % hosts : (i &* 2_654_435_761) % hosts
        var message = Message(header: MessageHeader(id: UInt16(truncatingIfNeeded: i)),
                              questions: [Question(name: try! DomainName(name(host)), type: type)])
        if edns { message.edns = EDNS(udpPayloadSize: 1232, dnssecOK: dnssecOK) }
        return message.encode()
    }
}

let scenarios: [(String, [[UInt8]])] = [
    ("positive A", requests({ "h\($0).example.com." }, .a)),
    ("positive A, whole zone", requests({ "h\($0).example.com." }, .a, count: 65536)),
    ("positive A, no EDNS", requests({ "h\($0).example.com." }, .a, edns: false)),
    ("positive AAAA, mixed case", requests({ "H\($0).ExAmple.COM." }, .aaaa)),
    ("NXDOMAIN", requests({ "nx\($0).example.com." }, .a)),
    ("NODATA", requests({ "h\($0).example.com." }, .txt)),
    ("referral", requests({ "www.d\($0 % delegations).example.com." }, .a)),
    ("CNAME to A", requests({ "c\($0 % 1000).example.com." }, .a)),
    ("MX + additional", requests({ "h\($0 / 10 * 10).example.com." }, .mx)),
    ("REFUSED", requests({ "h\($0).example.org." }, .a)),
]

print("ns/query (single thread, \(iterations) queries each, best of 3):")
var sink = 0
for (label, batch) in scenarios where only.map({ label.contains($0) }) ?? true {
    var best = Double.infinity
    for _ in 0..<3 {
        let begin = now()
        for i in 0..<iterations {
            let response = responder.respond(to: batch[i & (batch.count - 1)], transport: .udp, snapshot: snapshot)
            sink &+= response?.count ?? 0
        }
        best = min(best, Double(now() - begin) / Double(iterations))
    }
    print("  " + label.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%7.1f ns   (%6.0f k queries/s)", best, 1e6 / best))
}
// With the catalog snapshot taken per query, as the handler does.
if only == nil {
    let batch = scenarios[0].1
    let begin = now()
    for i in 0..<iterations {
        sink &+= responder.respond(to: batch[i & 1023], transport: .udp)?.count ?? 0
    }
    let ns = Double(now() - begin) / Double(iterations)
    print("  " + "positive A + snapshot".padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%7.1f ns   (%6.0f k queries/s)", ns, 1e6 / ns))
}
if sink == 42 { print("") }
