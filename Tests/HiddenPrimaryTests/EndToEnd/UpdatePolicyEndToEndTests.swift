import DNSCore
import Foundation
import Testing
import TestSupport
import TSIG

extension PrimaryEndToEndTests {
    @Test("--update-policy: BIND's self, wildcard, name and subdomain rules with type lists, through real nsupdate")
    func updatePolicy() async throws {
        guard try Self.peers("nsupdate") else { return }
        try await onBlockingThread { try Self.runUpdatePolicy() }
    }

    static func runUpdatePolicy() throws {
        let primary = try PrimaryProcess(zones: ["example.test": zoneText(fillers: 0)], secondaries: ["127.0.0.1:\(FreePort.find())"])
        defer { primary.remove() }
        let laptop = try primary.addKey(KeyGenerator.generate(name: "laptop.hosts.example.test.", algorithm: .hmacSHA256))
        let dhcp = try primary.addKey(KeyGenerator.generate(name: "dhcp-key.", algorithm: .hmacSHA512))
        let policy = try primary.scratch.write("policy.conf", """
            # each host key its own name, addresses only
            grant *.hosts.example.test. self . A AAAA;
            deny dhcp-key. name reserved.dyn.example.test.;
            grant dhcp-key. wildcard *.dyn.example.test. A PTR;
            grant dhcp-key. name fixed.example.test. TXT;
            grant dhcp-key. subdomain lab.example.test. AAAA;
            """)
        primary.extraArguments += ["--update-policy", policy]
        try primary.start()

        func update(_ key: String, _ line: String) throws -> Bool {
            let result = try primary.nsupdate("zone example.test\nupdate add \(line)\nsend\n", key: key)
            #expect(result.status == 0 || result.output.contains("REFUSED"), "\(line): \(result.output)")
            return result.status == 0
        }
        #expect(try update(laptop, "laptop.hosts.example.test 300 A 192.0.2.60"))
        #expect(try update(laptop, "laptop.hosts.example.test 300 AAAA 2001:db8::60"))
        #expect(try !update(laptop, "laptop.hosts.example.test 300 TXT \"not an address\""))
        #expect(try !update(laptop, "phone.hosts.example.test 300 A 192.0.2.61"))
        #expect(try update(dhcp, "pc1.dyn.example.test 300 A 192.0.2.70"))
        #expect(try update(dhcp, "a.b.dyn.example.test 300 A 192.0.2.71"))
        #expect(try !update(dhcp, "dyn.example.test 300 A 192.0.2.72"))
        #expect(try !update(dhcp, "reserved.dyn.example.test 300 A 192.0.2.73"))
        #expect(try !update(dhcp, "pc2.dyn.example.test 300 TXT \"wrong type\""))
        #expect(try update(dhcp, "fixed.example.test 300 TXT \"ok\""))
        #expect(try !update(dhcp, "fixed.example.test 300 A 192.0.2.74"))
        #expect(try update(dhcp, "lab.example.test 300 AAAA 2001:db8::1"))
        #expect(try update(dhcp, "deep.in.lab.example.test 300 AAAA 2001:db8::2"))
        #expect(try !update(dhcp, "www.example.test 300 A 192.0.2.75"))
        // --allow-update keys still may change anything.
        #expect(try update(primary.keyArgument, "www.example.test 300 TXT \"admin\""))
        #expect(primary.serial("example.test.") == UInt32(9), "the eight updates allowed")
        #expect(primary.log.contains("key laptop.hosts.example.test. may not change TXT records at laptop.hosts.example.test."))
        #expect(primary.stop() == 0)
    }
}
