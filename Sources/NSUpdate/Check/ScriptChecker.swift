import DNSCore
import ZoneCompiler

/// `--check`: reads the whole script without sending anything and reports every
/// problem with its line: lines nsupdate would refuse (BIND stops at the first), and
/// records that a zone load would reject, checked with the ZoneCompiler's rules.
///
/// Without the zone's contents only record-level rules can be judged: a record's own
/// RDATA and names (check-names, an MX or NS target that is an address, a meta type),
/// and what the records one message adds say about each other (a CNAME beside other
/// data, two CNAMEs, TTLs that differ within an RRset, duplicates, DS or SOA placement
/// when `zone` is given). Rules that need the rest of the zone (missing glue, a target
/// with no address, NS count) are left to the server, which runs them on every UPDATE.
public struct ScriptChecker {
    public struct Finding: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var severity: Severity
        public var check: String
        public var message: String
    }

    public let path: String
    public private(set) var findings: [Finding] = []

    public init(path: String) {
        self.path = path
    }

    /// Checks that need no zone: the record-level and within-message rules.
    static let kept: Set<CheckID> = [
        .syntax, .badName, .badTTL, .unknownType, .metaType, .badRData, .classMismatch, .outOfZone, .ttlMismatch, .ttlTooLarge,
        .soaNotAtApex, .soaMultiple, .cnameAndOtherData, .cnameMultiple, .dnameMultiple, .dataBelowDNAME, .nsBesideDNAME,
        .dsAtApex, .occludedData, .ownerNotHostname, .targetNotHostname, .nsTargetIsAddress, .mxTargetIsAddress,
        .duplicateRecords, .nonTerminalWildcard,
    ]

    public mutating func report(line: Int, column: Int = 1, severity: Severity = .error, check: String, _ message: String) {
        findings.append(Finding(line: line, column: column, severity: severity, check: check, message: message))
    }

    /// A line the session refused.
    public mutating func refused(line: Int, _ error: CommandError) {
        report(line: line, column: error.column, check: Self.checkID(for: error.message), error.message)
    }

    /// nsupdate's refusals under the check IDs the zone compiler uses for the same thing.
    static func checkID(for message: String) -> String {
        if message.hasPrefix("invalid rdata format") || message.hasPrefix("could not read rdata") { return CheckID.badRData.rawValue }
        if message.hasPrefix("ttl ") { return CheckID.badTTL.rawValue }
        if message.hasPrefix("invalid owner name") || message.hasPrefix("could not parse") { return CheckID.badName.rawValue }
        if message.contains("is not a valid") || message.hasPrefix("invalid type") { return CheckID.unknownType.rawValue }
        if message.hasPrefix("check-names failed: bad owner") { return CheckID.ownerNotHostname.rawValue }
        if message.hasPrefix("check-names failed") { return CheckID.targetNotHostname.rawValue }
        if message.hasPrefix("class mismatch") { return CheckID.classMismatch.rawValue }
        return CheckID.syntax.rawValue
    }

    /// Checks the records one message adds, as a zone load would: each on the line of
    /// the script it came from, so findings point there.
    public mutating func checkMessage(updates: [ResourceRecord], lines: [Int], zone: DomainName?, rrClass: RRClass) {
        var text: [String] = []
        for (record, line) in zip(updates, lines) where record.rrClass != .any && record.rrClass != .none {
            while text.count < line { text.append("") }
            text[line - 1] = "\(record.owner) \(record.ttl) \(BINDMnemonics.className(record.rrClass)) \(record.type) \(record.rdata.text)"
        }
        guard !text.isEmpty else { return }
        let options = CompileOptions(origin: zone ?? .root, rrClass: rrClass, policy: .dnsplane, includeBase: .forbidden)
        let result = Compiler.compile(text: text.joined(separator: "\n") + "\n", name: path, options: options)
        for diagnostic in result.diagnostics where Self.kept.contains(diagnostic.check) {
            // Without the zone an apex check means nothing.
            if zone == nil && [.dsAtApex, .soaNotAtApex, .outOfZone].contains(diagnostic.check) { continue }
            var severity = diagnostic.severity
            var message = diagnostic.message
            if diagnostic.check == .ttlMismatch {
                // A zone file keeps the first TTL; an UPDATE may change an RRset's TTL on
                // purpose, and BIND gives the whole RRset the last one added.
                severity = .warning
                if message.hasSuffix(" is used"), let cut = message.ranges(of: "; ").last {
                    message = String(message[..<cut.lowerBound])
                }
                message = "records of one RRset with different TTLs in one update: \(message); "
                    + "the server gives the whole RRset one TTL (BIND: the last added)"
            }
            report(line: Int(diagnostic.location?.line ?? 0), column: 1, severity: severity,
                   check: diagnostic.check.rawValue, message)
        }
    }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }

    /// `file:line:col: severity: message [check]`, in line order, then a summary.
    public func text() -> String {
        var out = ""
        for finding in sortedFindings {
            // Line 0: about the command line (a key file), not a line of the script.
            let place = finding.line > 0 ? "\(path):\(finding.line):\(finding.column)" : path
            out += "\(place): \(finding.severity.rawValue): \(finding.message) [\(finding.check)]\n"
        }
        out += "\(path): \(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")\n"
        return out
    }

    public func json() -> String {
        var writer = JSONLine()
        writer.field("schemaVersion", 1)
        writer.field("tool", "nsupdate-swift --check")
        writer.field("file", path)
        writer.field("errors", errorCount)
        writer.field("warnings", warningCount)
        writer.array("findings", sortedFindings) { item, finding in
            item.field("line", finding.line)
            item.field("column", finding.column)
            item.field("severity", finding.severity.rawValue)
            item.field("check", finding.check)
            item.field("message", finding.message)
        }
        return writer.text + "\n"
    }

    var sortedFindings: [Finding] {
        findings.enumerated().sorted { a, b in
            (a.element.line, a.offset) < (b.element.line, b.offset)
        }.map(\.element)
    }
}
