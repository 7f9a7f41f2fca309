import Testing
@testable import DNSCore

@Suite("DomainName")
struct DomainNameTests {
    @Test("RFC 1035 §5.1 escapes: \\. is a dot inside a label, \\DDD a decimal octet")
    func escapes() throws {
        let name = try DomainName("a\\.b.c\\065\\\\.example.", origin: nil)
        #expect(name.labels.map { Array($0) } == [Array("a.b".utf8), Array("cA\\".utf8), Array("example".utf8)])
        #expect(name.description == "a\\.b.cA\\\\.example.")
        #expect(try DomainName(name.description) == name)
        let binary = try DomainName("\\000\\255\\032.example.", origin: nil)
        #expect(binary.description == "\\000\\255\\032.example.")
    }

    @Test("Relative names take the origin; @ is the origin; . is the root")
    func relative() throws {
        let origin: DomainName = "example.com."
        #expect(try DomainName("www", origin: origin).description == "www.example.com.")
        #expect(try DomainName("@", origin: origin) == origin)
        #expect(try DomainName(".", origin: origin) == .root)
        #expect(throws: DomainNameError.relativeWithoutOrigin) { try DomainName("www", origin: nil) }
    }

    @Test("RFC 1035 §2.3.4 limits: 63-octet labels, 255-octet names")
    func limits() throws {
        let label63 = String(repeating: "a", count: 63)
        #expect(throws: Never.self) { try DomainName("\(label63).", origin: nil) }
        #expect(throws: DomainNameError.labelTooLong) { try DomainName("\(label63)a.", origin: nil) }
        // 4 labels of 63 = 256 wire octets with the root: one too many.
        let tooLong = Array(repeating: label63, count: 4).joined(separator: ".") + "."
        #expect(throws: DomainNameError.nameTooLong) { try DomainName(tooLong, origin: nil) }
        let justRight = Array(repeating: label63, count: 3).joined(separator: ".") + "." + String(repeating: "b", count: 61) + "."
        #expect(try DomainName(justRight, origin: nil).wire.count == 255)
        #expect(throws: DomainNameError.emptyLabel) { try DomainName("a..b.", origin: nil) }
        #expect(throws: DomainNameError.badEscape) { try DomainName("a\\25.", origin: nil) }
        #expect(throws: DomainNameError.badEscape) { try DomainName("a\\256.", origin: nil) }
    }

    @Test("RFC 4343: comparison and hashing ignore ASCII case only")
    func caseInsensitive() throws {
        let a: DomainName = "WWW.Example.COM."
        let b: DomainName = "www.example.com."
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        #expect(a.description == "WWW.Example.COM.")
        #expect(try DomainName("\\195.", origin: nil) != DomainName("\\227."))
    }

    @Test("RFC 4034 §6.1 canonical order example")
    func canonicalOrder() throws {
        let ordered = ["example.", "a.example.", "yljkjljk.a.example.", "Z.a.example.",
                       "zABC.a.EXAMPLE.", "z.example.", "\\001.z.example.", "*.z.example.", "\\200.z.example."]
        let names = try ordered.map { try DomainName($0) }
        #expect(names.shuffled().sorted() == names)
        #expect(names.shuffled().sorted { $0.canonicalSortKey.lexicographicallyPrecedes($1.canonicalSortKey) } == names)
        // Labels with 0x00 and 0x01 octets, where a naive key would tie or misorder.
        let tricky = try ["a.", "a\\000.", "a\\000\\000.", "a\\001.", "\\000.a.", "b."].map { try DomainName($0) }
        for x in tricky {
            for y in tricky {
                let byKey = x.canonicalSortKey.lexicographicallyPrecedes(y.canonicalSortKey)
                #expect(byKey == (x < y), "\(x) vs \(y)")
            }
        }
    }

    @Test("Subdomain, parent and relative text")
    func hierarchy() throws {
        let zone: DomainName = "example.com."
        let host: DomainName = "a.b.Example.com."
        #expect(host.isSubdomain(of: zone))
        #expect(zone.isSubdomain(of: zone))
        #expect(!zone.isSubdomain(of: host))
        #expect(!(try DomainName("xexample.com.", origin: nil)).isSubdomain(of: zone))
        #expect(host.parent == "b.example.com.")
        #expect(host.text(relativeTo: zone) == "a.b")
        #expect(zone.text(relativeTo: zone) == "@")
        #expect(DomainName("other.org.").text(relativeTo: zone) == "other.org.")
        #expect(host.suffix(labelCount: 2) == zone)
        #expect(DomainName("*.example.com.").isWildcard)
    }
}

@Suite("DomainName: RFC 2673 bitstring labels")
struct BitstringLabelTests {
    @Test("A label starting with \\[ is refused, as BIND does; \\[ inside a label is a bracket")
    func bitstring() throws {
        #expect(throws: DomainNameError.bitstringLabel) { try DomainName("\\[x1/1].example.", origin: nil) }
        #expect(throws: DomainNameError.bitstringLabel) { try DomainName("a.\\[b.example.", origin: nil) }
        #expect(try DomainName("c\\[.example.", origin: nil).labels.first.map { Array($0) } == Array("c[".utf8))
    }
}
