import Foundation
import Testing
@testable import ZoneCompiler

@Suite("Master file parser (RFC 1035 §5)")
struct ParserTests {
    static let soa = "@ SOA ns1 hostmaster 1 3600 900 604800 300\n@ NS ns1\n@ NS ns2\nns1 A 192.0.2.1\nns2 A 192.0.2.2\n"

    func compile(_ text: String, origin: DomainName = "example.", policy: CheckPolicy = .dnsplane) -> CompileResult {
        Compiler.compile(text: text, name: "t.zone", options: CompileOptions(origin: origin, policy: policy))
    }

    func rdata(_ zone: Zone, _ name: DomainName, _ type: RRType) -> [String] {
        zone.rrset(name, type)?.rdatas.map(\.text) ?? []
    }

    @Test("$ORIGIN absolute and relative; @ and relative owners")
    func origin() {
        let result = compile("$TTL 60\n" + Self.soa + "$ORIGIN sub\nwww A 192.0.2.9\n$ORIGIN other.example.\n@ A 192.0.2.10\nx A 192.0.2.11\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(rdata(result.zone, "www.sub.example.", .a) == ["192.0.2.9"])
        #expect(rdata(result.zone, "other.example.", .a) == ["192.0.2.10"])
        #expect(rdata(result.zone, "x.other.example.", .a) == ["192.0.2.11"])
    }

    @Test("TTL: $TTL, explicit, units, inheritance without $TTL (RFC 1035 semantics)")
    func ttl() {
        let result = compile("@ 1h SOA ns1 hostmaster 1 3600 900 604800 300\n@ NS ns1\n@ NS ns2\nns1 A 192.0.2.1\nns2 1W2D A 192.0.2.2\nnext A 192.0.2.3\n$TTL 5m\nlast A 192.0.2.4\n")
        #expect(result.zone.rrset("example.", .soa)?.ttl == 3600)
        #expect(result.zone.rrset("ns1.example.", .a)?.ttl == 3600)
        let nineDays: UInt32 = 604800 + 2 * 86400
        #expect(result.zone.rrset("ns2.example.", .a)?.ttl == nineDays)
        #expect(result.zone.rrset("next.example.", .a)?.ttl == nineDays)
        #expect(result.zone.rrset("last.example.", .a)?.ttl == 300)
    }

    @Test("Omitted owner, TTL and class in every order; CLASS1 and TYPE1")
    func omitted() {
        let text = "$TTL 60\n" + Self.soa + "a IN 30 A 192.0.2.9\n  30 IN TXT \"x\"\nb 40 CLASS1 TYPE1 192.0.2.10\n  CLASS1 AAAA 2001:db8::1\n"
        let result = compile(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(rdata(result.zone, "a.example.", .txt) == ["\"x\""])
        #expect(result.zone.rrset("b.example.", .a)?.ttl == 40)
        #expect(rdata(result.zone, "b.example.", .aaaa) == ["2001:db8::1"])
        #expect(result.zone.rrset("b.example.", .aaaa)?.ttl == 60)
    }

    @Test("Parentheses across lines, comments, quoted strings and escapes, CRLF")
    func lexical() {
        let text = "$TTL 60\r\n@ SOA ns1 hostmaster ( 1 ; serial\r\n 3600 900 ; timers\r\n 604800 300 )\r\n@ NS ns1\r\n@ NS ns2\r\nns1 A 192.0.2.1\r\nns2 A 192.0.2.2\r\nt TXT \"a;b (c)\" \"q\\\"uote\" \\065\\066 ; comment\r\nesc\\.dot TXT \"x\"\r\n"
        let result = compile(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(rdata(result.zone, "t.example.", .txt) == ["\"a;b (c)\" \"q\\\"uote\" \"AB\""])
        #expect(result.zone.contains(try! DomainName("esc\\.dot.example.", origin: nil)))
        #expect(result.zone.soa?.expire == 604800)
    }

    @Test("RFC 3597: generic RDATA for known and unknown types")
    func rfc3597() {
        let result = compile("$TTL 60\n" + Self.soa + "g TYPE731 \\# 6 abcdef012345\ng A \\# 4 C0000209\nh TYPE731 \\# 0\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(rdata(result.zone, "g.example.", RRType(731)) == ["\\# 6 ABCDEF012345"])
        #expect(rdata(result.zone, "g.example.", .a) == ["192.0.2.9"])
        #expect(rdata(result.zone, "h.example.", RRType(731)) == ["\\# 0"])
    }

    @Test("$GENERATE: ranges, steps, ${offset,width,base}, nibble mode, escapes, any type")
    func generate() {
        let text = "$TTL 60\n" + Self.soa + """
        $GENERATE 1-3 host$ A 192.0.2.$
        $GENERATE 10-20/5 ${0,3,d}.r PTR h${-5,2,x}.example.
        $GENERATE 1-2 m$ MX "10 host$"
        $GENERATE 255-255 n${0,3,n}.x TXT "v${0,0,X} $$ \\$"
        $GENERATE 1-1 o${8,0,o} 90 IN A 192.0.2.1

        """
        let result = compile(text)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(rdata(result.zone, "host3.example.", .a) == ["192.0.2.3"])
        #expect(rdata(result.zone, "015.r.example.", .ptr) == ["h0a.example."])
        #expect(!result.zone.contains("012.r.example."))
        #expect(rdata(result.zone, "m2.example.", .mx) == ["10 host2.example."])
        #expect(rdata(result.zone, "nf.f.x.example.", .txt) == ["\"vFF\" \"$\" \"$\""])
        #expect(result.zone.rrset("o11.example.", .a)?.ttl == 90)
    }

    @Test("$GENERATE errors: reversed range, bad modifier, unknown type")
    func generateErrors() {
        for line in ["$GENERATE 3-1 h$ A 192.0.2.$", "$GENERATE 1-2 h${0,2,q} A 192.0.2.$", "$GENERATE 1-2 h$ FOO x", "$GENERATE 1-2 h${0 A 192.0.2.$"] {
            let result = compile("$TTL 60\n" + Self.soa + line + "\n")
            #expect(result.diagnostics.contains { $0.location?.line == 7 && $0.severity == .error }, "\(line)")
        }
    }

    @Test("Errors carry file:line:column and parsing goes on after them")
    func errorsAndRecovery() {
        let text = "$TTL 60\n" + Self.soa + "a A 192.0.2.300\nb  A 192.0.2.9\nc \"quoted\nd A 192.0.2.10 extra\ne A 192.0.2.11\n"
        let result = compile(text)
        let bad = result.diagnostics.filter { $0.severity == .error }
        #expect(bad.map { $0.location!.line } == [7, 9, 10])
        #expect(bad[0].location?.column == 5)
        #expect(result.zone.contains("b.example."))
        #expect(result.zone.contains("e.example."))
        #expect(!result.zone.contains("d.example."))
    }

    @Test("An unclosed parenthesis is one error, at the parenthesis")
    func unclosed() {
        let result = compile("$TTL 60\n" + Self.soa + "x TXT ( \"a\"\ny A 192.0.2.1\n")
        let syntax = result.diagnostics.filter { $0.check == .syntax }
        #expect(syntax.count == 1)
        #expect(syntax.first?.location?.line == 7)
        #expect(syntax.first?.location?.column == 7)
    }

    @Test("Streaming: entries that straddle the 256 KiB read chunks parse the same")
    func chunkBoundaries() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dnsplane-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var text = "$TTL 60\n" + Self.soa
        var expected: [String] = []
        var i = 0
        // Records of varying length, some multi-line, until well past two chunks.
        while text.utf8.count < 600_000 {
            let payload = String(repeating: "x", count: 10 + (i * 37) % 200)
            if i % 7 == 0 {
                text += "r\(i) TXT ( \"\(payload)\"\n ; comment \(i)\n \"tail\" )\n"
                expected.append("\"\(payload)\" \"tail\"")
            } else {
                text += "r\(i) TXT \"\(payload)\"\n"
                expected.append("\"\(payload)\"")
            }
            i += 1
        }
        let path = directory.appendingPathComponent("big.zone").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let fromFile = Compiler.compile(file: path, options: CompileOptions(origin: "example."))
        let fromMemory = compile(text)
        #expect(fromFile.diagnostics.isEmpty, "\(fromFile.diagnostics.prefix(3).map(\.message))")
        #expect(fromFile.zone == fromMemory.zone)
        for (index, value) in expected.enumerated() {
            let name = try DomainName("r\(index).example.", origin: nil)
            if rdata(fromFile.zone, name, .txt) != [value] {
                Issue.record("r\(index) differs")
                break
            }
        }
    }

    @Test("$INCLUDE: origin argument, restored origin and owner, nesting, cycles, missing files")
    func include() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dnsplane-include-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("inner.zone", "in1 A 192.0.2.20\n$TTL 77\n$INCLUDE deeper.zone\n")
        try write("deeper.zone", "deep A 192.0.2.21\n")
        try write("loop.zone", "$INCLUDE loop.zone\n")
        try write("main.zone", "$TTL 60\n" + Self.soa + """
        before A 192.0.2.10
        $INCLUDE inner.zone sub
          A 192.0.2.11
        after A 192.0.2.12
        $INCLUDE loop.zone
        $INCLUDE missing.zone

        """)
        let options = CompileOptions(origin: "example.", includeBase: .includingFile)
        let result = Compiler.compile(file: directory.appendingPathComponent("main.zone").path, options: options)
        #expect(rdata(result.zone, "in1.sub.example.", .a) == ["192.0.2.20"])
        #expect(rdata(result.zone, "deep.sub.example.", .a) == ["192.0.2.21"])
        // The owner before the include carries on after it; the origin is restored.
        #expect(rdata(result.zone, "before.example.", .a).sorted() == ["192.0.2.10", "192.0.2.11"])
        #expect(rdata(result.zone, "after.example.", .a) == ["192.0.2.12"])
        // $TTL set inside the include carries over, as in BIND.
        #expect(result.zone.rrset("after.example.", .a)?.ttl == 77)
        let includeErrors = result.diagnostics.filter { $0.check == .includeFailed }
        #expect(includeErrors.count == 2)
        #expect(includeErrors.map { $0.location!.line } == [1, 12])
        // The loop error is inside loop.zone, which was included from main.zone line 11.
        let chain = result.files.includeChain(of: includeErrors[0].location!)
        #expect(chain.map(\.line) == [11])
    }
}
