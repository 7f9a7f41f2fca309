import DNSCore
import Foundation

/// Makes broken and almost-broken zones from the valid ones in `CheckzoneBaseZones`: it
/// deletes, duplicates and swaps tokens and lines, changes TTLs, types, classes and
/// names, breaks parentheses, quotes and escapes, adds CNAMEs beside data, drops glue,
/// points records out of the zone and writes bad RDATA, then picks named-checkzone
/// flags to run it with. A quarter of the cases start from `ZoneSynthesizer` instead.
///
/// Case `i` of seed `s` depends on nothing else, so any one case can be regenerated.
struct ZoneMutator {
    var rng: SplitMix64

    init(seed: UInt64, index: Int) {
        rng = SplitMix64(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
    }

    /// Writes `count` mutated zones (and the files they include) into `directory`.
    static func generate(count: Int, seed: UInt64, directory: String) throws -> [CheckzoneCase] {
        let base = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: base.appendingPathComponent("inc"), withIntermediateDirectories: true)
        for file in CheckzoneBaseZones.includeFiles {
            try Data(file.text.utf8).write(to: base.appendingPathComponent(file.path))
        }
        var cases: [CheckzoneCase] = []
        for index in 0..<count {
            var mutator = ZoneMutator(seed: seed, index: index)
            let origin: String
            let text: String
            // One case in four is built from scratch for the integrity checks, and
            // sometimes mutated as well.
            if mutator.rng.chance(0.25) {
                var synthesizer = ZoneSynthesizer(rng: mutator.rng)
                origin = ZoneSynthesizer.origin
                let built = synthesizer.zone()
                mutator.rng = synthesizer.rng
                text = mutator.rng.chance(0.3) ? mutator.mutate(built) : built
            } else {
                let zone = mutator.rng.pick(CheckzoneBaseZones.all)
                origin = zone.origin
                text = mutator.mutate(zone.text)
            }
            let flags = mutator.flags()
            let file = String(format: "gen-%04d.zone", index)
            try Data(text.utf8).write(to: base.appendingPathComponent(file))
            cases.append(CheckzoneCase(name: "generated #\(index) (seed \(seed))", zoneName: origin, flags: flags,
                                       directory: directory, file: file, text: text))
        }
        return cases
    }

    // MARK: Flags

    /// named-checkzone flags, never `-i full` or `-i full-sibling`: those look up
    /// out-of-zone names over the network.
    mutating func flags() -> [String] {
        var flags = ["-i", rng.pick(["local", "local", "local", "local-sibling", "none"])]
        let modes = ["fail", "warn", "ignore"]
        for letter in ["k", "m", "M", "n", "r", "S"] where rng.chance(0.12) {
            flags += ["-\(letter)", rng.pick(modes)]
        }
        for letter in ["T", "W"] where rng.chance(0.05) {
            flags += ["-\(letter)", rng.pick(["warn", "ignore"])]
        }
        if rng.chance(0.05) { flags += ["-l", rng.pick(["300", "3600", "86400"])] }
        return flags
    }

    // MARK: Mutations

    mutating func mutate(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var crlf = false
        var truncateAt: Int?
        let rounds = rng.pick([1, 1, 1, 2, 2, 3])
        for _ in 0..<rounds {
            switch rng.index(32) {
            case 0: deleteLine(&lines)
            case 1: duplicateLine(&lines)
            case 2: swapLines(&lines)
            case 3: editTokens(&lines) { tokens, rng in tokens.remove(at: rng.index(tokens.count)) }
            case 4: editTokens(&lines) { tokens, rng in let i = rng.index(tokens.count); tokens.insert(tokens[i], at: i) }
            case 5: editTokens(&lines) { tokens, rng in
                    guard tokens.count > 1 else { return }
                    let i = rng.index(tokens.count - 1)
                    tokens.swapAt(i, i + 1)
                }
            case 6: editTokens(&lines) { tokens, rng in tokens[rng.index(tokens.count)] = rng.pick(Self.vocabulary) }
            case 7: changeTTL(&lines)
            case 8: replaceMatching(&lines, Self.types, with: Self.types)
            case 9: changeClass(&lines)
            case 10: changeOwner(&lines)
            case 11: editTokens(&lines) { tokens, rng in tokens[tokens.count - 1] = rng.pick(Self.names) }
            case 12: editCharacters(&lines, among: ["(", ")"], insert: ["(", ")"])
            case 13: editCharacters(&lines, among: ["\""], insert: ["\""])
            case 14: editCharacters(&lines, among: ["\\"], insert: ["\\", "\\999", "\\0", "\\256", "\\.", "\\$"])
            case 15: addCNAMEBeside(&lines)
            case 16: dropAddress(&lines)
            case 17: insert(&lines, rng.pick(Self.records))
            case 18: insert(&lines, rng.pick(Self.directives))
            case 19: toggleLeadingBlank(&lines)
            case 20: editCharacters(&lines, among: [], insert: [";", " ; comment"])
            case 21: crlf = true
            case 22: editCharacters(&lines, among: ["a", "e", "1", ".", " ", "\t", "0", "s"], insert: [])
            case 23: editCharacters(&lines, among: [], insert: ["$", "@", "*", ".", " ", "\t", "-", "_", "#", "x"])
            case 24: truncateAt = rng.index(max(1, lines.joined(separator: "\n").utf8.count))
            case 25: editTokens(&lines) { tokens, rng in
                    let i = rng.index(tokens.count)
                    tokens[i] = rng.chance(0.5) ? tokens[i].uppercased() : tokens[i].lowercased()
                }
            case 26: pointOutOfZone(&lines)
            case 27: replaceMatching(&lines, ["$GENERATE"], with: ["$GENERATE"])
                insert(&lines, rng.pick(Self.generates))
            case 28: editTokens(&lines) { tokens, rng in
                    let numbers = tokens.indices.filter { tokens[$0].allSatisfy(\.isNumber) }
                    guard !numbers.isEmpty else { return }
                    tokens[rng.pick(numbers)] = rng.pick(["0", "1", "255", "256", "65535", "65536", "4294967295", "4294967296", "-1", "007"])
                }
            case 29: editTokens(&lines) { tokens, rng in
                    // Damage hex, base64 or a long name: a character dropped, doubled or changed.
                    let long = tokens.indices.filter { tokens[$0].count >= 8 }
                    guard !long.isEmpty else { return }
                    let i = rng.pick(long)
                    var characters = Array(tokens[i])
                    let at = rng.index(characters.count)
                    switch rng.index(3) {
                    case 0: characters.remove(at: at)
                    case 1: characters.insert(characters[at], at: at)
                    default: characters[at] = rng.pick(["=", "*", "g", "Z", "0", "-", "."])
                    }
                    tokens[i] = String(characters)
                }
            case 30: splitLine(&lines)
            default: joinLines(&lines)
            }
        }
        var result = lines.joined(separator: crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "\n")
        if let truncateAt {
            result = String(decoding: result.utf8.prefix(truncateAt), as: UTF8.self)
        }
        return result
    }

    private mutating func deleteLine(_ lines: inout [String]) {
        guard !lines.isEmpty else { return }
        lines.remove(at: rng.index(lines.count))
    }

    private mutating func duplicateLine(_ lines: inout [String]) {
        guard !lines.isEmpty else { return }
        let line = lines[rng.index(lines.count)]
        lines.insert(line, at: rng.index(lines.count + 1))
    }

    private mutating func swapLines(_ lines: inout [String]) {
        guard lines.count > 1 else { return }
        let i = rng.index(lines.count), j = rng.chance(0.5) ? min(i + 1, lines.count - 1) : rng.index(lines.count)
        lines.swapAt(i, j)
    }

    private mutating func insert(_ lines: inout [String], _ line: String) {
        lines.insert(line, at: rng.index(lines.count + 1))
    }

    /// Applies `edit` to the blank-separated tokens of a random non-empty line; the
    /// line keeps whether it started with a blank.
    private mutating func editTokens(_ lines: inout [String], _ edit: (inout [String], inout SplitMix64) -> Void) {
        let candidates = lines.indices.filter { !Self.tokens(lines[$0]).isEmpty }
        guard !candidates.isEmpty else { return }
        let i = rng.pick(candidates)
        var tokens = Self.tokens(lines[i])
        edit(&tokens, &rng)
        let blank = lines[i].first == " " || lines[i].first == "\t"
        lines[i] = (blank ? "\t" : "") + tokens.joined(separator: " ")
    }

    /// Deletes one of `among` from a random line that has one, or inserts one of
    /// `insert` at a random place.
    private mutating func editCharacters(_ lines: inout [String], among: [Character], insert: [String]) {
        guard !lines.isEmpty else { return }
        let holders = lines.indices.filter { i in lines[i].contains { among.contains($0) } }
        if !holders.isEmpty && (insert.isEmpty || rng.chance(0.5)) {
            let i = rng.pick(holders)
            var characters = Array(lines[i])
            let positions = characters.indices.filter { among.contains(characters[$0]) }
            characters.remove(at: rng.pick(positions))
            lines[i] = String(characters)
        } else if !insert.isEmpty {
            let i = rng.index(lines.count)
            var characters = Array(lines[i])
            characters.insert(contentsOf: rng.pick(insert), at: rng.index(characters.count + 1))
            lines[i] = String(characters)
        }
    }

    private mutating func replaceMatching(_ lines: inout [String], _ matching: [String], with replacements: [String]) {
        var spots: [(line: Int, token: Int)] = []
        for (i, line) in lines.enumerated() {
            for (j, token) in Self.tokens(line).enumerated() where matching.contains(token.uppercased()) {
                spots.append((i, j))
            }
        }
        guard !spots.isEmpty else { return }
        let spot = rng.pick(spots)
        var tokens = Self.tokens(lines[spot.line])
        tokens[spot.token] = rng.pick(replacements)
        let blank = lines[spot.line].first == " " || lines[spot.line].first == "\t"
        lines[spot.line] = (blank ? "\t" : "") + tokens.joined(separator: " ")
    }

    private mutating func changeTTL(_ lines: inout [String]) {
        if rng.chance(0.3) {
            return insert(&lines, "$TTL " + rng.pick(Self.ttls))
        }
        let ttl = rng.pick(Self.ttls)
        editTokens(&lines) { tokens, rng in
            if let i = tokens.prefix(3).firstIndex(where: { $0.first?.isNumber == true }) {
                if rng.chance(0.2) { tokens.remove(at: i) } else { tokens[i] = ttl }
            } else {
                tokens.insert(ttl, at: min(1, tokens.count))
            }
        }
    }

    private mutating func changeClass(_ lines: inout [String]) {
        let replacement = rng.pick(Self.classes)
        let remove = rng.chance(0.2)
        var spots: [Int] = []
        for (i, line) in lines.enumerated() where Self.tokens(line).contains("IN") { spots.append(i) }
        guard !spots.isEmpty else { return }
        let i = rng.pick(spots)
        var tokens = Self.tokens(lines[i])
        let j = tokens.firstIndex(of: "IN")!
        if remove { tokens.remove(at: j) } else { tokens[j] = replacement }
        let blank = lines[i].first == " " || lines[i].first == "\t"
        lines[i] = (blank ? "\t" : "") + tokens.joined(separator: " ")
    }

    private mutating func changeOwner(_ lines: inout [String]) {
        let owners = lines.indices.filter { i in
            guard let first = lines[i].first else { return false }
            return first != " " && first != "\t" && first != "$" && first != ";"
        }
        guard !owners.isEmpty else { return }
        let i = rng.pick(owners)
        var tokens = Self.tokens(lines[i])
        tokens[0] = rng.pick(Self.names)
        lines[i] = tokens.joined(separator: " ")
    }

    /// A CNAME at a name that already owns other data.
    private mutating func addCNAMEBeside(_ lines: inout [String]) {
        let owners = lines.compactMap { line -> String? in
            guard let first = line.first, first != " ", first != "\t", first != "$", first != ";" else { return nil }
            return Self.tokens(line).first
        }
        guard !owners.isEmpty else { return }
        insert(&lines, "\(rng.pick(owners)) IN CNAME \(rng.pick(["www", "ns1", "elsewhere.example.org.", "nothing"]))")
    }

    /// Deletes an address record: glue, an NS or MX target's address, or any host.
    private mutating func dropAddress(_ lines: inout [String]) {
        let addresses = lines.indices.filter { i in
            let tokens = Self.tokens(lines[i])
            return tokens.contains("A") || tokens.contains("AAAA")
        }
        guard !addresses.isEmpty else { return }
        lines.remove(at: rng.pick(addresses))
    }

    /// Points an NS, MX, SRV or CNAME record at a name outside the zone.
    private mutating func pointOutOfZone(_ lines: inout [String]) {
        let pointers = lines.indices.filter { i in
            let tokens = Self.tokens(lines[i])
            return ["NS", "MX", "SRV", "CNAME", "PTR"].contains { tokens.contains($0) }
        }
        guard !pointers.isEmpty else { return }
        let i = rng.pick(pointers)
        var tokens = Self.tokens(lines[i])
        tokens[tokens.count - 1] = rng.pick(["ns.example.net.", "mail.example.org.", "host.invalid.", "target.example."])
        let blank = lines[i].first == " " || lines[i].first == "\t"
        lines[i] = (blank ? "\t" : "") + tokens.joined(separator: " ")
    }

    /// Breaks a line in two at a blank.
    private mutating func splitLine(_ lines: inout [String]) {
        let candidates = lines.indices.filter { lines[$0].contains(" ") }
        guard !candidates.isEmpty else { return }
        let i = rng.pick(candidates)
        let blanks = lines[i].indices.filter { lines[i][$0] == " " }
        let at = rng.pick(blanks)
        let rest = String(lines[i][lines[i].index(after: at)...])
        lines[i] = String(lines[i][..<at])
        lines.insert(rng.chance(0.5) ? "\t" + rest : rest, at: i + 1)
    }

    /// Joins a line to the next.
    private mutating func joinLines(_ lines: inout [String]) {
        guard lines.count > 1 else { return }
        let i = rng.index(lines.count - 1)
        lines[i] += " " + lines.remove(at: i + 1)
    }

    private mutating func toggleLeadingBlank(_ lines: inout [String]) {
        guard !lines.isEmpty else { return }
        let i = rng.index(lines.count)
        if lines[i].first == " " || lines[i].first == "\t" {
            lines[i] = String(lines[i].drop { $0 == " " || $0 == "\t" })
        } else {
            lines[i] = rng.pick([" ", "\t", "  "]) + lines[i]
        }
    }

    static func tokens(_ line: String) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    // MARK: Vocabulary

    static let types = ["A", "AAAA", "MX", "TXT", "CNAME", "NS", "PTR", "SRV", "SOA", "DNAME", "HINFO", "CAA", "DS",
                        "NULL", "MD", "TYPE65280", "TYPE1", "BOGUS", "ANY", "OPT", "SPF", "NAPTR", "LOC", "WKS",
                        "APL", "KEY", "NXT", "NSEC", "DNSKEY", "SSHFP", "TLSA", "HTTPS", "RP", "AFSDB", "URI"]
    static let classes = ["IN", "CH", "HS", "CLASS1", "CLASS4", "NONE", "ANY", "in", "CLASS255"]
    static let ttls = ["0", "60", "1h", "1D", "2w", "2147483647", "2147483648", "4294967295", "4294967296", "1x",
                       "1h30", "99999999999", "-1", "1h30m", "0s", "3600", "1W2D"]
    static let names = ["@", ".", "www", "WWW", "host.example.net.", "example.com.", "a..b", "-lead", "under_score",
                        "*", "*.wild", "foo.*.bar", String(repeating: "a", count: 64), #"\046dot"#, #"\1"#,
                        #"x\.y"#, "ns1", "mail", "sub.sub", "lab", "\"quoted\"", "192.0.2.1", "ns1.lab", "nothing",
                        "corp.example.com.", "tail-", "xn--bcher-kva", "1.2.3.4.", "www.corp.example.com."]
    static let vocabulary = types + classes + ttls + names + [
        "(", ")", "\"", ";", ##"\#"##, "0", "10", "65536", "192.0.2.256", "2001:db8:::1", "$", "\"text\"", "\"\"",
        "$ORIGIN", "$TTL", "$INCLUDE", "$GENERATE", "1-10", "h$", "${0,3,d}", "2001:db8::1",
    ]
    static let records = [
        "x IN MD ns1", "x IN MF ns1", ##"x IN NULL \# 0"##, "x IN NXT ns1 A", "@ IN DNAME elsewhere.example.",
        "@ IN DS 1 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "@ IN SOA ns1 hostmaster 2 3600 600 86400 60", "sub IN SOA ns1 hostmaster 2 3600 600 86400 60",
        "sub IN NS ns.sub", "sub IN NS ns1", "sub IN NS nothing", "_x._tcp IN SRV 0 0 1 nohost",
        "mx IN MX 10 nohost", "mx2 IN MX 10 alias", "alias IN CNAME www", "alias IN CNAME nothing",
        "spf IN SPF \"v=spf1 -all\"", "*.wild IN A 192.0.2.1", "a.*.b IN A 192.0.2.1", "under_score IN A 192.0.2.1",
        "x IN A 192.0.2.1", "x IN AAAA 2001:db8::1", "x 2147483648 IN A 192.0.2.1",
        "x IN TXT \"" + String(repeating: "t", count: 256) + "\"", "x IN WKS 192.0.2.1 TCP smtp",
        "x IN LOC 52 22 23.000 N 4 53 32.000 E -2.00m", "x CH TXT \"chaos\"", "x IN HINFO one",
        "x IN APL 1:192.0.2.0/24", "x IN LP 10 foo", "x IN LP 10 Foo", ##"x IN OPT \# 0"##, ##"x IN TYPE0 \# 0"##,
        "@ IN NS 192.0.2.1", "@ IN MX 10 192.0.2.1", "x IN A 192.0.2.1\nx IN A 192.0.2.1",
        "x IN CNAME y\nx IN CNAME z", "old IN DNAME a.example.\nold IN DNAME b.example.", "below.old IN A 192.0.2.7",
        "x 600 IN A 192.0.2.1\nx 300 IN A 192.0.2.2", "@ IN NS ns9\nns9 IN CNAME ns1", "x IN RP mbox.x. txt.x.",
        "x IN SRV 0 0 1 alias", "x IN NSEC3PARAM 1 0 0 -", ##"x IN TYPE65280 \# 2 ABCD"##, ##"x IN A \# 3 010203"##,
        "x IN CAA 0 issue \"ca.example\"", "x IN CAA 0 is-sue \"ca.example\"",
    ]
    static let generates = [
        "$GENERATE 1-4 host${0,3,d} A 192.0.2.${10}", "$GENERATE 0-3 ${0,4,n}rev TXT \"nibble\"",
        "$GENERATE 1-2 mx$ MX \"$ mail\"", "$GENERATE 1-2 mx$ MX $ mail", "$GENERATE 10-30/5 pool-$ A 192.0.2.$",
        "$GENERATE 1-3 t$ 600 IN A 192.0.2.$", "$GENERATE 1-3 t$ IN 700 A 192.0.2.$", "$GENERATE 1-3 t$ CH A 192.0.2.$",
        "$GENERATE 1-3/0 h$ A 192.0.2.$", "$GENERATE 1-x h$ A 192.0.2.$", "$GENERATE 1-3 h${0,3,q} A 192.0.2.$",
        "$GENERATE 1-3 h${0,3 A 192.0.2.$", "$GENERATE 1-3 h$ BOGUS 192.0.2.$", "$GENERATE 1-3 h$.example.net. A 192.0.2.$",
        "$GENERATE 1-3 h$ A", "$GENERATE 1-3", "$GENERATE 1-2 e$ TXT \"cost \\$$ and $$\"", "$GENERATE 5-7 h${-5} A 192.0.2.$",
        "$GENERATE 1-2 h$ NS ns1", "$GENERATE 1-2 *.w$ A 192.0.2.$", "$GENERATE 1-2 h$ AAAA 2001:db8::$",
        "$GENERATE 0-1 ${0,2,x} PTR h$", "$GENERATE 65535-65536 h$ A 192.0.2.1", "$GENERATE 1-2 h$ A 192.0.2.$ extra",
        "$GENERATE 1-2 ${+1} A 192.0.2.$", "$GENERATE 1-2 h${0,0,d} A 192.0.2.$", "$GENERATE 1-2 h${1,2} A 192.0.2.$",
    ]
    static let directives = [
        "$TTL 300", "$TTL 1x", "$TTL", "$TTL 2147483648", "$ORIGIN sub", "$ORIGIN example.net.", "$ORIGIN",
        "$ORIGIN a..b.", "$INCLUDE inc/hosts.inc", "$INCLUDE inc/lab.inc lab", "$INCLUDE inc/missing.inc",
        "$INCLUDE inc/blank.inc", "$INCLUDE", "$GENERATE 1-3 gen$ A 192.0.2.$", "$GENERATE 1-3 gen$ CNAME www",
        "$GENERATE 3-1 gen$ A 192.0.2.$", "$GENERATE 1-3 gen${0,3,x} TXT \"${1}\"", "$GENERATE 250-260 g$ A 192.0.2.$",
        "$DATE 20240101000000", "$DATE 2024", "$FOO bar", "$TTL 600 extra", "$ORIGIN sub extra",
    ]
}
