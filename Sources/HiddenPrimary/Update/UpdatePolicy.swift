import DNSCore

/// Who may change what (BIND's `update-policy`): rules tried in order, the first rule
/// whose identity, name and type match decides grant or deny; no match denies.
///
/// Identities are TSIG key names; a wildcard identity (`*.hosts.example.`) matches the
/// keys below it.
public struct UpdatePolicy: Sendable, Equatable {
    public enum Match: Sendable, Equatable {
        /// Exactly this name.
        case name(DomainName)
        /// This name and everything below it.
        case subdomain(DomainName)
        /// Everything in the zone.
        case zonesub
        /// Names the wildcard name matches: below its parent, not the parent itself.
        case wildcard(DomainName)
        /// The name equal to the key's name.
        case `self`
        /// The key's name and everything below it.
        case selfsub
        /// Names below the key's name, not the key's name itself.
        case selfwild
    }

    public struct Rule: Sendable, Equatable {
        public var grant: Bool
        public var identity: DomainName
        public var match: Match
        /// Types the rule covers; empty means every type except SOA, NS, RRSIG, NSEC and
        /// NSEC3 (BIND's default), `ANY` in the list means every type.
        public var types: [RRType]

        public init(grant: Bool, identity: DomainName, match: Match, types: [RRType] = []) {
            self.grant = grant
            self.identity = identity
            self.match = match
            self.types = types
        }
    }

    public var rules: [Rule]

    public init(rules: [Rule] = []) {
        self.rules = rules
    }

    /// `allow-update { key NAME; }`: the key may change anything in the zone.
    public static func allowAll(keys: [DomainName]) -> UpdatePolicy {
        UpdatePolicy(rules: keys.map { Rule(grant: true, identity: $0, match: .zonesub, types: [.any]) })
    }

    static let protectedByDefault: Set<RRType> = [.soa, .ns, .rrsig, .nsec, .nsec3]

    /// Whether `signer` may change the `type` records at `owner` in `zone`.
    public func allows(signer: DomainName?, owner: DomainName, type: RRType, zone: DomainName) -> Bool {
        guard let signer else { return false }
        for rule in rules {
            guard identityMatches(rule.identity, signer) else { continue }
            guard nameMatches(rule.match, owner: owner, signer: signer, zone: zone) else { continue }
            guard typeMatches(rule.types, type) else { continue }
            return rule.grant
        }
        return false
    }

    private func identityMatches(_ identity: DomainName, _ signer: DomainName) -> Bool {
        if identity.isWildcard, let parent = identity.parent {
            return signer.isSubdomain(of: parent) && signer != parent
        }
        return identity == signer
    }

    private func nameMatches(_ match: Match, owner: DomainName, signer: DomainName, zone: DomainName) -> Bool {
        switch match {
        case .name(let name): return owner == name
        case .subdomain(let name): return owner.isSubdomain(of: name)
        case .zonesub: return owner.isSubdomain(of: zone)
        case .wildcard(let name):
            guard let parent = name.parent else { return false }
            return owner.isSubdomain(of: parent) && owner != parent
        case .self: return owner == signer
        case .selfsub: return owner.isSubdomain(of: signer)
        case .selfwild: return owner.isSubdomain(of: signer) && owner != signer
        }
    }

    private func typeMatches(_ types: [RRType], _ type: RRType) -> Bool {
        if types.isEmpty { return !Self.protectedByDefault.contains(type) }
        return types.contains(.any) || types.contains(type)
    }
}

extension UpdatePolicy {
    /// Parses BIND `update-policy` rules, one per statement:
    /// `grant|deny IDENTITY RULETYPE [NAME] [TYPE ...];`, with `#` and `//` comments.
    /// Names are relative to `zone` unless absolute; identities are key names.
    public static func parse(_ text: String, zone: DomainName) throws(PolicyParseError) -> UpdatePolicy {
        var rules: [Rule] = []
        var statement: [(word: String, line: Int)] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var content = Substring(rawLine)
            if let hash = content.firstIndex(of: "#") { content = content[..<hash] }
            if let slash = content.indices.first(where: { content[$0] == "/" && content.index(after: $0) < content.endIndex && content[content.index(after: $0)] == "/" }) {
                content = content[..<slash]
            }
            var word = ""
            for character in content + " " {
                if character == ";" || character == " " || character == "\t" || character == "\r" {
                    if !word.isEmpty { statement.append((word, number + 1)); word = "" }
                    if character == ";" {
                        if !statement.isEmpty { rules.append(try rule(statement, zone: zone)) }
                        statement = []
                    }
                } else {
                    word.append(character)
                }
            }
        }
        if let first = statement.first {
            throw PolicyParseError(line: first.line, message: "statement without a closing ';'")
        }
        return UpdatePolicy(rules: rules)
    }

    private static func rule(_ statement: [(word: String, line: Int)], zone: DomainName) throws(PolicyParseError) -> Rule {
        let line = statement[0].line
        let words = statement.map(\.word)
        func name(_ text: String) throws(PolicyParseError) -> DomainName {
            do { return try DomainName(text, origin: zone) } catch {
                throw PolicyParseError(line: line, message: "bad name '\(text)': \(error)")
            }
        }
        guard words.count >= 3, words[0] == "grant" || words[0] == "deny" else {
            throw PolicyParseError(line: line, message: "expected 'grant|deny IDENTITY RULETYPE [NAME] [TYPES];'")
        }
        let identity: DomainName
        do { identity = try DomainName(words[1].hasSuffix(".") ? words[1] : words[1] + ".", origin: nil) } catch {
            throw PolicyParseError(line: line, message: "bad identity '\(words[1])': \(error)")
        }
        var rest = Array(words[3...])
        let match: Match
        switch words[2] {
        case "name", "subdomain", "wildcard":
            guard let target = rest.first else { throw PolicyParseError(line: line, message: "'\(words[2])' needs a name") }
            rest.removeFirst()
            let value = try name(target)
            match = words[2] == "name" ? .name(value) : (words[2] == "subdomain" ? .subdomain(value) : .wildcard(value))
        case "zonesub":
            match = .zonesub
        case "self", "selfsub", "selfwild":
            // BIND has the identity repeated here; skip it when it is not a type.
            if let first = rest.first, RRType(mnemonic: first) == nil { rest.removeFirst() }
            match = words[2] == "self" ? .self : (words[2] == "selfsub" ? .selfsub : .selfwild)
        default:
            throw PolicyParseError(line: line, message: "unsupported rule type '\(words[2])': use name, subdomain, wildcard, zonesub, self, selfsub or selfwild")
        }
        var types: [RRType] = []
        for word in rest {
            guard let type = RRType(mnemonic: word) else { throw PolicyParseError(line: line, message: "unknown type '\(word)'") }
            types.append(type)
        }
        return Rule(grant: words[0] == "grant", identity: identity, match: match, types: types)
    }
}

public struct PolicyParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "\(line): \(message)" }
}
