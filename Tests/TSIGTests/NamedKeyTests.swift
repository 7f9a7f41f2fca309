import DNSCore
import Foundation
import Testing
import TestSupport
@testable import TSIG

@Suite("Keys we generate work in BIND")
struct NamedKeyTests {
    @Test("named loads our key {} text and allows a transfer signed with it, refuses one without")
    func namedAcceptsOurKey() throws {
        guard Peers.find("named") != nil, let dig = Peers.find("dig") else { return try Peers.skip("named and dig") }
        let key = KeyGenerator.generate(name: "xfer.key.", algorithm: .hmacSHA512)
        let scratch = try ScratchDirectory("zone")
        defer { scratch.remove() }
        let zoneFile = try scratch.write("example.zone", "$TTL 300\n@ SOA ns hm 7 3600 900 604800 300\n@ NS ns\nns A 192.0.2.1\n")
        let named = try NamedServer(zones: [.init(name: "example", role: .primary(file: zoneFile, allowTransfer: "key xfer.key"))],
                                    keys: key.bindConfiguration)
        defer { named.directory.remove() }
        try named.start(readyZone: "example.")
        defer { named.stop() }

        let signed = try Peers.run(dig, ["@127.0.0.1", "-p", String(named.port), "-y",
                                         "hmac-sha512:xfer.key:\(Base64.encodeString(key.secret))", "example.", "AXFR"])
        #expect(signed.contains("example.\t\t\t300\tIN\tSOA") || signed.contains("IN\tSOA"), "\(signed)")
        #expect(!signed.contains("Transfer failed"), "\(signed)")
        let unsigned = try Peers.run(dig, ["@127.0.0.1", "-p", String(named.port), "example.", "AXFR"])
        #expect(unsigned.contains("Transfer failed"), "\(unsigned)")
    }
}
