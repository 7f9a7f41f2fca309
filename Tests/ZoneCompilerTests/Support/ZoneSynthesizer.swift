import DNSCore

/// Builds zones from scratch out of a small pool of names and record shapes, to reach
/// the integrity checks the mutated zones rarely reach: delegations with and without
/// glue, sibling glue, NS, MX and SRV targets that are CNAMEs, below DNAMEs, covered
/// by wildcards or empty non-terminals, and data at and below cuts.
struct ZoneSynthesizer {
    var rng: SplitMix64

    static let origin = "zone.example.com"
    static let names = ["@", "a", "b", "ns", "ns2", "mail", "www", "sub", "ns.sub", "x.sub", "y.x.sub", "other",
                        "ns.other", "*", "*.w", "h.w", "dn", "q.dn", "alias", "e.empty", "_s._tcp", "a_b"]
    static let outside = ["ns.example.net.", "mail.example.org.", ".", "zone.example.com."]

    mutating func zone() -> String {
        var lines = ["$TTL 300", "@ IN SOA ns hostmaster 1 3600 600 86400 60"]
        for _ in 0..<rng.pick([1, 1, 2, 3]) { lines.append("@ IN NS \(target())") }
        for _ in 0..<Int.random(in: 3...16, using: &rng) { lines.append(record()) }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func target() -> String {
        rng.chance(0.15) ? rng.pick(Self.outside) : rng.pick(Self.names)
    }

    private mutating func record() -> String {
        let owner = rng.pick(Self.names)
        switch rng.index(12) {
        case 0, 1: return "\(owner) IN A 192.0.2.\(rng.index(255))"
        case 2: return "\(owner) IN AAAA 2001:db8::\(rng.index(255))"
        case 3: return "\(owner) IN NS \(target())"
        case 4: return "\(owner) IN CNAME \(target())"
        case 5: return "\(owner) IN DNAME \(rng.pick(["target.example.net.", "sub", "www"]))"
        case 6: return "\(owner) IN MX \(rng.index(20)) \(target())"
        case 7: return "\(owner) IN SRV 0 0 \(rng.index(100)) \(target())"
        case 8: return "\(owner) IN TXT \"t\(rng.index(9))\""
        case 9: return "\(owner) IN DS 1 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        case 10: return "\(owner) IN SPF \"v=spf1 -all\""
        default: return "\(owner) \(rng.pick(["60", "300", "3600"])) IN A 198.51.100.\(rng.index(255))"
        }
    }
}
