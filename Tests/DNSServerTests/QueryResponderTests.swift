import DNSCore
@testable import DNSServer
import Testing

@Suite("Smoke")
struct SmokeTests {
    @Test func positive() throws {
        let f = ResponderFixture(origin: "example.com.", """
        $TTL 3600
        @ SOA ns1 hostmaster 1 7200 3600 1209600 300
        @ NS ns1
        ns1 A 192.0.2.1
        www A 192.0.2.4
        """)
        let r = try f.ask("WwW.example.com.", .a)
        print(r)
        #expect(r.header.isAuthoritative)
        #expect(r.answers.count == 1)
        let n = try f.ask("nope.example.com.", .a)
        print(n)
    }
}
