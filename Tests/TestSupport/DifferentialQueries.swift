import DNSCore
import Foundation

/// Queries the zone built by `DifferentialZone`, names that exist and do not, in
/// random case, with and without EDNS and DO, with payload sizes small enough to
/// truncate.
public struct DifferentialQueries {
    var rng: SplitMix64
    let names: DifferentialZone.Names

    static let types: [RRType] = [
        .a, .aaaa, .mx, .txt, .ns, .soa, .cname, .dname, .ds, .dnskey, .rrsig, .nsec, .any, .srv, .ptr, .hinfo,
        .caa, .naptr, .sshfp, .tlsa, .svcb, .https, .uri, .loc, .rp, .afsdb, .minfo, .mb, .null, RRType(65280),
        .spf, .cds, .cdnskey, .dhcid, .openpgpkey, .csync, .eui48, .eui64, .nsec3param, .kx, .wks, .nsap, .nsapPtr,
        .ipseckey, .cert, .x25, .isdn, .px, .gpos, .apl, .mg, .mr, .rt, .nid, .l32, .l64, .lp, .smimea, .ninfo, RRType(0),
    ]
    /// The types most questions ask about.
    static let common: [RRType] = [.a, .a, .a, .aaaa, .aaaa, .mx, .txt, .ns, .any, .ds, .soa, .cname, .rrsig, .nsec, .srv]

    public init(names: DifferentialZone.Names, seed: UInt64) {
        self.names = names
        rng = SplitMix64(seed: seed)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    mutating func label() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789-")
        let length = Int.random(in: 1...12, using: &rng)
        var label = String(pick(Array(letters.prefix(26))))
        for _ in 1..<length { label.append(pick(letters)) }
        return label
    }

    mutating func name() -> String {
        let roll = Int.random(in: 0..<100, using: &rng)
        switch roll {
        case 0..<22: return pick(names.hosts)
        case 22..<30: return "\(label()).diff.test."
        case 30..<33: return "\(label()).\(pick(names.hosts))"
        case 33..<36: return "\(label()).\(pick(names.ents))"
        case 36..<37: return pick(names.ents)
        case 37..<45:
            let parent = pick(names.wildcardParents)
            return chance(0.3) ? "\(label()).\(label()).\(parent)" : "\(label()).\(parent)"
        case 45..<47: return pick(names.exactUnderWildcards)
        case 47..<53: return pick(names.cuts)
        case 53..<57: return "\(label()).\(pick(names.cuts))"
        case 57..<59: return pick(names.glue)
        case 59..<69: return pick(names.aliases)
        case 69..<72: return pick(names.dnames)
        case 72..<78:
            let dname = pick(names.dnames)
            if dname.hasPrefix("dnlong"), chance(0.5) {
                // Long enough that the substituted name passes 255 octets.
                return "\(String(repeating: "z", count: 40)).\(label()).\(dname)"
            }
            return chance(0.5) ? "\(pick(["x", "y", "www", "mx", "nope"])).\(dname)" : "\(label()).\(label()).\(dname)"
        case 78..<92: return pick(names.special)
        case 92..<95: return pick(["example.org.", "test.", ".", "diff.test.example.", "xdiff.test.", "com."])
        default: return "diff.test."
        }
    }

    mutating func randomCase(_ name: DomainName) -> DomainName {
        var wire = name.wire
        for i in wire.indices where wire[i] &- 0x61 < 26 || wire[i] &- 0x41 < 26 {
            if chance(0.5) { wire[i] ^= 0x20 }
        }
        return DomainName(trustedWire: wire)
    }

    public mutating func query() -> Message {
        let text = name()
        let type = chance(0.6) ? pick(Self.common) : pick(Self.types)
        var name = try! DomainName(text)
        // A length byte is never a letter: flipping 0x20 only touches letters.
        name = chance(0.8) ? randomCase(name) : name
        var message = Message(header: MessageHeader(id: UInt16.random(in: 1...0xFFFF, using: &rng),
                                                    recursionDesired: chance(0.3)),
                              questions: [Question(name: name, type: type)])
        if chance(0.8) {
            let size: UInt16 = pick([512, 512, 1232, 1232, 4096, 700, 900, 1400, 0, 1024])
            message.edns = EDNS(udpPayloadSize: size, dnssecOK: chance(0.5))
        }
        return message
    }
}

