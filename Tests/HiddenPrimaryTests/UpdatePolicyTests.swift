import DNSCore
import Testing
@testable import HiddenPrimary

@Suite("Update policy (BIND update-policy rules)")
struct UpdatePolicyTests {
    @Test("name, subdomain, zonesub, wildcard, self, selfsub, selfwild; type lists, BIND's default types, ANY")
    func ruleTypes() throws {
        let policy = try UpdatePolicy.parse("""
            grant k1 name host.example. A;
            grant k2 subdomain lab.example.;
            grant k3 zonesub TXT;
            grant k4 wildcard *.dyn.example. A AAAA;
            grant *.hosts.example. self *.hosts.example. A;
            grant *.users.example. selfsub . TXT;
            grant *.boxes.example. selfwild . ANY;
            """, zone: "example.")
        func allows(_ key: DomainName, _ owner: DomainName, _ type: RRType) -> Bool {
            policy.allows(signer: key, owner: owner, type: type, zone: "example.")
        }
        #expect(allows("k1.", "host.example.", .a) && !allows("k1.", "host.example.", .aaaa) && !allows("k1.", "x.host.example.", .a))
        // No types: everything but SOA, NS, RRSIG, NSEC and NSEC3 (BIND's default).
        #expect(allows("k2.", "lab.example.", .mx) && allows("k2.", "a.b.lab.example.", .a))
        #expect(!allows("k2.", "lab.example.", .ns) && !allows("k2.", "lab.example.", .soa) && !allows("k2.", "other.example.", .a))
        #expect(allows("k3.", "example.", .txt) && allows("k3.", "deep.down.example.", .txt) && !allows("k3.", "example.", .a))
        // wildcard: any name the wildcard expands to, not the parent itself.
        #expect(allows("k4.", "pc.dyn.example.", .a) && allows("k4.", "a.b.dyn.example.", .aaaa))
        #expect(!allows("k4.", "dyn.example.", .a) && !allows("k4.", "pc.dyn.example.", .txt))
        // self: the key's own name only; a wildcard identity covers every key below it.
        #expect(allows("laptop.hosts.example.", "laptop.hosts.example.", .a))
        #expect(!allows("laptop.hosts.example.", "phone.hosts.example.", .a) && !allows("hosts.example.", "hosts.example.", .a))
        #expect(allows("ann.users.example.", "ann.users.example.", .txt) && allows("ann.users.example.", "mail.ann.users.example.", .txt))
        #expect(!allows("box1.boxes.example.", "box1.boxes.example.", .a) && allows("box1.boxes.example.", "svc.box1.boxes.example.", .srv))
        // ANY in the list means every type, even NS.
        #expect(allows("box1.boxes.example.", "sub.box1.boxes.example.", .ns))
        // No key, no right.
        #expect(!allows("nobody.", "host.example.", .a) && !policy.allows(signer: nil, owner: "host.example.", type: .a, zone: "example."))
    }

    @Test("Parse errors name the line")
    func errors() {
        #expect(throws: PolicyParseError.self) { try UpdatePolicy.parse("grant k1 name host A", zone: "example.") }
        #expect(throws: PolicyParseError(line: 2, message: "unknown type 'BOGUS'")) {
            try UpdatePolicy.parse("grant k1 zonesub A;\ngrant k2 zonesub BOGUS;", zone: "example.")
        }
        #expect(throws: PolicyParseError(line: 1, message: "'name' needs a name")) { try UpdatePolicy.parse("grant k1 name;", zone: "example.") }
    }
}
