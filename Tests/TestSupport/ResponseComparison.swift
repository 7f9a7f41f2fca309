import DNSCore

/// Compares two responses to the same query the way a resolver would read them: the
/// same RCODE, the same AA and TC flags, the same answer and authority records (as
/// sets: order, name case and compression do not matter; TTLs and RDATA do).
/// The additional section is not compared: what goes there is each server's choice.
///
/// A few differences are allowed by rule, each named (see docs/answer-differences.md):
/// the verdict says which rule explained a pair, so a test can count them.
public struct ResponseComparison: Sendable {
    public enum Verdict: Equatable, Sendable, CustomStringConvertible {
        case same
        /// Different in a documented way; the associated value names the rule.
        case allowed(String)
        case different([String])
        /// TC differs; compare again with both servers' full (TCP) responses to see
        /// whether the size limit falls between the two.
        case truncationDiffers

        public var description: String {
            switch self {
            case .same: return "same"
            case .allowed(let rule): return "allowed (\(rule))"
            case .different(let problems): return problems.joined(separator: "; ")
            case .truncationDiffers: return "TC differs"
            }
        }
    }

    /// The documented rules, all on by default.
    public struct Rules: Sendable {
        /// RFC 8482 §4.1: over UDP the candidate may answer ANY with some of the RRsets
        /// the reference returns (whole RRsets, at least one when the reference has any).
        public var anySubset = true
        /// A truncated answer without EDNS: each server keeps the records that fit in
        /// 512 octets, which depends on its record order and compression. Only the
        /// RCODE and flags are compared.
        public var partialTruncation = true
        /// TC may differ when the answer's size falls between the two servers'
        /// sizes for it (their name compression differs): each side's TC must match
        /// its own full answer's size, and the side that did not truncate must hold
        /// the other side's full answer.
        public var truncationAtSizeLimit = true
        /// Both servers' largest UDP response (BIND's `max-udp-size`).
        public var maxUDPPayload = 1232

        public init() {}
    }

    public var rules: Rules

    public init(rules: Rules = Rules()) {
        self.rules = rules
    }

    /// Compares `candidate` with `reference`, both responses to `query` (sent over
    /// UDP when `udp`).
    /// `referenceFull` and `candidateFull` are the responses to the same query over
    /// TCP, asked for after a `.truncationDiffers` verdict.
    public func compare(reference: [UInt8], candidate: [UInt8], query: Message, udp: Bool = true,
                        referenceFull: [UInt8]? = nil, candidateFull: [UInt8]? = nil) -> Verdict {
        let a: Message
        let b: Message
        do { a = try Message(wire: reference) } catch { return .different(["reference does not decode: \(error)"]) }
        do { b = try Message(wire: candidate) } catch { return .different(["candidate does not decode: \(error)"]) }
        let verdict = compare(reference: a, candidate: b, query: query, udp: udp)
        guard verdict == .truncationDiffers, let referenceFull, let candidateFull else { return verdict }
        return compareAtSizeLimit(reference: a, candidate: b, query: query,
                                  referenceFull: referenceFull, candidateFull: candidateFull)
    }

    /// TC differs: explained when each side's TC follows from its own full answer's
    /// size and the side that did not truncate holds the other's full answer.
    private func compareAtSizeLimit(reference a: Message, candidate b: Message, query: Message,
                                    referenceFull: [UInt8], candidateFull: [UInt8]) -> Verdict {
        guard let fullA = try? Message(wire: referenceFull), let fullB = try? Message(wire: candidateFull),
              let needA = Self.requiredSize(referenceFull), let needB = Self.requiredSize(candidateFull) else {
            return .different(["TC \(a.header.isTruncated) vs \(b.header.isTruncated); full responses do not decode"])
        }
        let limit = query.edns.map { min(max(512, Int($0.udpPayloadSize)), rules.maxUDPPayload) } ?? 512
        let opt = query.edns == nil ? 0 : 11
        let explained = (needA + opt > limit) == a.header.isTruncated && (needB + opt > limit) == b.header.isTruncated
        guard explained else {
            return .different(["TC \(a.header.isTruncated) vs \(b.header.isTruncated) with \(needA + opt) and \(needB + opt) octets needed, limit \(limit)"])
        }
        let complete = a.header.isTruncated ? b : a
        let full = a.header.isTruncated ? fullA : fullB
        guard Set(complete.answers) == Set(full.answers), Set(complete.authorities) == Set(full.authorities) else {
            return .different(["TC differs at the size limit and the untruncated answer differs from the other's full answer: "
                               + setDifference(full.answers + full.authorities, complete.answers + complete.authorities)])
        }
        return .allowed("TC at the size limit")
    }

    /// The octets a response needs before its additional section: header, question,
    /// answer and authority.
    public static func requiredSize(_ wire: [UInt8]) -> Int? {
        guard wire.count >= 12 else { return nil }
        var reader = WireReader(bytes: wire, position: 12)
        let counts = (0..<4).map { Int(wire[4 + 2 * $0]) << 8 | Int(wire[5 + 2 * $0]) }
        do {
            for _ in 0..<counts[0] {
                _ = try reader.readName()
                _ = try reader.readU32()
            }
            for _ in 0..<(counts[1] + counts[2]) {
                _ = try reader.readName()
                _ = try reader.readBytes(8)
                let length = Int(try reader.readU16())
                _ = try reader.readBytes(length)
            }
        } catch {
            return nil
        }
        return reader.position
    }

    public func compare(reference a: Message, candidate b: Message, query: Message, udp: Bool = true) -> Verdict {
        var problems: [String] = []
        if a.header.id != b.header.id { problems.append("ID \(a.header.id) vs \(b.header.id)") }
        if a.header.rcode != b.header.rcode { problems.append("RCODE \(a.header.rcode) vs \(b.header.rcode)") }
        if a.header.isAuthoritative != b.header.isAuthoritative {
            problems.append("AA \(a.header.isAuthoritative) vs \(b.header.isAuthoritative)")
        }
        let type = query.questions.first?.type
        // The whole ANY answer may not fit where the one RRset does.
        let anyTruncation = rules.anySubset && udp && type == .any && a.header.isTruncated && !b.header.isTruncated
        let truncationDiffers = a.header.isTruncated != b.header.isTruncated && !anyTruncation
        if truncationDiffers && !(rules.truncationAtSizeLimit && udp) {
            problems.append("TC \(a.header.isTruncated) vs \(b.header.isTruncated)")
        }
        if a.questions != b.questions || a.questions.map(\.name.wire) != b.questions.map(\.name.wire) {
            problems.append("question \(a.questions) vs \(b.questions)")
        }
        if b.header.recursionAvailable { problems.append("RA set") }
        guard problems.isEmpty else { return .different(problems) }
        if truncationDiffers { return .truncationDiffers }

        if rules.partialTruncation, a.header.isTruncated, query.edns == nil {
            return sameSets(a, b) ? .same : .allowed("partial truncation")
        }
        if anyTruncation { return .allowed("ANY subset") }
        if rules.anySubset, udp, type == .any, !sameSets(a, b) {
            let reference = Set(a.answers)
            let candidate = Set(b.answers)
            guard candidate.isSubset(of: reference), reference.isEmpty == candidate.isEmpty else {
                return .different(["ANY answer is not a subset: " + setDifference(a.answers, b.answers)])
            }
            // Whole RRsets only.
            for record in b.answers {
                let set = a.answers.filter { Self.sameSet($0, record) }
                guard set.allSatisfy({ candidate.contains($0) }) else {
                    return .different(["ANY answer holds part of the \(record.owner) \(record.type) RRset"])
                }
            }
            guard Set(a.authorities) == Set(b.authorities) else {
                return .different(["authority " + setDifference(a.authorities, b.authorities)])
            }
            return .allowed("ANY subset")
        }
        if Set(a.answers) != Set(b.answers) { problems.append("answer " + setDifference(a.answers, b.answers)) }
        if Set(a.authorities) != Set(b.authorities) { problems.append("authority " + setDifference(a.authorities, b.authorities)) }
        return problems.isEmpty ? .same : .different(problems)
    }

    /// Same owner, class and type, and for RRSIG the same covered type.
    static func sameSet(_ a: ResourceRecord, _ b: ResourceRecord) -> Bool {
        guard a.isSameRRset(as: b) else { return false }
        if case .rrsig(let x) = a.rdata, case .rrsig(let y) = b.rdata { return x.typeCovered == y.typeCovered }
        return true
    }

    private func sameSets(_ a: Message, _ b: Message) -> Bool {
        Set(a.answers) == Set(b.answers) && Set(a.authorities) == Set(b.authorities)
    }

    private func setDifference(_ a: [ResourceRecord], _ b: [ResourceRecord]) -> String {
        let onlyA = Set(a).subtracting(b).map(\.description).sorted()
        let onlyB = Set(b).subtracting(a).map(\.description).sorted()
        return "only in reference: \(onlyA); only in candidate: \(onlyB)"
    }
}
