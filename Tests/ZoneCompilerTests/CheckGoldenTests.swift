import Testing
@testable import ZoneCompiler

/// One case per check: the zone text that triggers it, and the ID, severity and line
/// the finding must carry. `everyCheckHasACase` keeps the table and the cases in step.
@Suite("Check golden cases")
struct CheckGoldenTests {
    /// Lines 1-6; a case's own lines start at line 7.
    static let header = """
    $TTL 300
    @ SOA ns1 hostmaster 1 3600 900 604800 300
    @ NS ns1
    @ NS ns2
    ns1 A 192.0.2.1
    ns2 A 192.0.2.2

    """

    struct Case: Sendable, CustomTestStringConvertible {
        var check: CheckID
        var text: String
        var severity: Severity
        /// The line the finding points at; nil for findings about the whole zone.
        var line: Int32?
        var withHeader = true
        var maxTTL: UInt32? = nil
        var previousSerial: UInt32? = nil
        /// For checks our profile turns off: the profile the case runs under.
        var profile: CheckPolicy.Profile = .dnsplane
        var testDescription: String { check.rawValue }
    }

    /// A DS record in RFC 3597 form (key tag 12345, algorithm 8, SHA-256 digest), so
    /// the case does not depend on the DS presentation codec.
    static let dsGeneric = "\\# 36 30390802" + String(repeating: "AB", count: 32)

    static let cases: [Case] = [
        Case(check: .syntax, text: "www A ( 192.0.2.9\n", severity: .error, line: 7),
        Case(check: .badName, text: "a..b A 192.0.2.9\n", severity: .error, line: 7),
        Case(check: .badTTL, text: "www 1x A 192.0.2.9\n", severity: .error, line: 7),
        Case(check: .unknownType, text: "www FOO 192.0.2.9\n", severity: .error, line: 7),
        Case(check: .metaType, text: "www AXFR \\# 0\n", severity: .error, line: 7),
        Case(check: .badRData, text: "www A 192.0.2.256\n", severity: .error, line: 7),
        Case(check: .badDirective, text: "$FOO bar\n", severity: .error, line: 7),
        Case(check: .includeFailed, text: "$INCLUDE /nonexistent/dnsplane-test.zone\n", severity: .error, line: 7),
        Case(check: .badGenerate, text: "$GENERATE 3-1 h$ A 192.0.2.$\n", severity: .error, line: 7),
        Case(check: .noOwner, text: "  A 192.0.2.9\n$TTL 300\n@ SOA ns1 hostmaster 1 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n",
             severity: .error, line: 1, withHeader: false),
        Case(check: .noTTL, text: "www A 192.0.2.9\n@ SOA ns1 hostmaster 1 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n",
             severity: .error, line: 1, withHeader: false),
        Case(check: .classMismatch, text: "www CH A 192.0.2.9\n", severity: .error, line: 7),
        Case(check: .ttlFromSOAMinimum, text: "@ SOA ns1 hostmaster 1 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n",
             severity: .warning, line: 1, withHeader: false),
        Case(check: .outOfZone, text: "www.example.org. A 192.0.2.9\n", severity: .error, line: 7),
        Case(check: .ttlMismatch, text: "www 10 A 192.0.2.9\nwww 20 A 192.0.2.10\n", severity: .error, line: 8),
        Case(check: .ttlTooLarge, text: "www 2147483648 A 192.0.2.9\n", severity: .error, line: 7),
        Case(check: .maxTTL, text: "www 86401 A 192.0.2.9\n", severity: .error, line: 7, maxTTL: 86400),
        Case(check: .directiveTrailingText, text: "$TTL 300 600\n", severity: .error, line: 7),
        Case(check: .soaMissing, text: "@ NS ns1\nns1 A 192.0.2.1\n", severity: .error, line: nil, withHeader: false),
        Case(check: .soaNotAtApex, text: "www SOA ns1 hostmaster 1 3600 900 604800 300\n", severity: .error, line: 7),
        Case(check: .soaMultiple, text: "@ SOA ns1 hostmaster 2 3600 900 604800 300\n", severity: .error, line: 7),
        Case(check: .nsMissing, text: "$TTL 300\n@ SOA ns1 hostmaster 1 3600 900 604800 300\nns1 A 192.0.2.1\n",
             severity: .error, line: nil, withHeader: false),
        Case(check: .cnameAndOtherData, text: "www A 192.0.2.9\nwww CNAME ns1\n", severity: .error, line: 8),
        Case(check: .cnameMultiple, text: "www CNAME ns1\nwww CNAME ns2\n", severity: .error, line: 8),
        Case(check: .dnameMultiple, text: "d DNAME a.example.\nd DNAME b.example.\n", severity: .error, line: 8),
        Case(check: .dataBelowDNAME, text: "d DNAME a.example.\nx.d A 192.0.2.9\n", severity: .error, line: 8),
        Case(check: .nsBesideDNAME, text: "d DNAME a.example.\nd NS ns1\n", severity: .error, line: 7),
        Case(check: .dsAtApex, text: "@ DS \(dsGeneric)\n", severity: .error, line: 7),
        Case(check: .occludedData, text: "sub NS ns1\nx.sub TXT \"hidden\"\n", severity: .warning, line: 8),
        Case(check: .ownerNotHostname, text: "bad_name A 192.0.2.9\n", severity: .warning, line: 7),
        Case(check: .targetNotHostname, text: "@ MX 10 bad_name\nbad_name TXT \"x\"\n", severity: .warning, line: 7),
        Case(check: .apexNSNoAddress, text: "@ NS nowhere\n", severity: .error, line: 7),
        Case(check: .delegationNSNoAddress, text: "sub NS nowhere\n", severity: .error, line: 7),
        Case(check: .glueMissing, text: "sub NS ns.sub\n", severity: .error, line: 7),
        Case(check: .siblingGlueMissing, text: "a NS ns.b\nb NS ns1\n", severity: .warning, line: 7),
        Case(check: .nsTargetIsAddress, text: "sub NS 192.0.2.9\n", severity: .error, line: 7),
        Case(check: .mxTargetIsAddress, text: "@ MX 10 192.0.2.9\n", severity: .error, line: 7),
        Case(check: .mxTargetIsCNAME, text: "@ MX 10 mail\nmail CNAME ns1\n", severity: .error, line: 7),
        Case(check: .mxTargetNoAddress, text: "@ MX 10 mail\n", severity: .error, line: 7),
        Case(check: .srvTargetIsCNAME, text: "_sip._tcp SRV 0 1 5060 sip\nsip CNAME ns1\n", severity: .error, line: 7),
        Case(check: .srvTargetNoAddress, text: "_sip._tcp SRV 0 1 5060 sip\n", severity: .error, line: 7),
        Case(check: .duplicateRecords, text: "n NSEC a.example. A\nn NSEC A.EXAMPLE. A\n", severity: .warning, line: 8),
        Case(check: .spfWithoutTXT, text: "@ SPF \"v=spf1 -all\"\n", severity: .warning, line: 7),
        Case(check: .nonTerminalWildcard, text: "x.*.w TXT \"x\"\n", severity: .warning, line: 7),
        Case(check: .serialRegression, text: "", severity: .error, line: 2, previousSerial: 5),
        Case(check: .nsCount, text: "$TTL 300\n@ SOA ns1 hostmaster 1 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n",
             severity: .warning, line: 3, withHeader: false),
        Case(check: .soaTimers, text: "$TTL 300\n@ SOA ns1 hostmaster 1 900 3600 604800 300\n@ NS ns1\n@ NS ns2\nns1 A 192.0.2.1\nns2 A 192.0.2.2\n",
             severity: .warning, line: 2, withHeader: false),
        Case(check: .cnameTargetMissing, text: "www CNAME nothere\n", severity: .warning, line: 7),
        Case(check: .obsoleteType, text: "mail MD relay.example.\n", severity: .error, line: 7),
        Case(check: .ttlInherited, text: "@ 300 SOA ns1 hostmaster 1 3600 900 604800 300\n@ NS ns1\n@ NS ns2\nns1 A 192.0.2.1\nns2 A 192.0.2.2\n",
             severity: .warning, line: 2, withHeader: false),
        Case(check: .ownerInheritedAfterOrigin, text: "www A 192.0.2.9\n$ORIGIN sub.example.\n  TXT \"whose?\"\n", severity: .warning, line: 9),
        Case(check: .noFinalNewline, text: "www A 192.0.2.9", severity: .warning, line: 7, profile: .namedCheckzone),
        Case(check: .resinfoMultiple, text: "resolver RESINFO qnamemin\nresolver RESINFO exterr=15\n", severity: .error, line: 8),
        Case(check: .cdsDNSKEYMismatch, text: "@ CDNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n",
             severity: .error, line: 7),
        Case(check: .nsec3paramUnsupported, text: "@ NSEC3PARAM 2 0 0 -\n", severity: .error, line: 7),
        Case(check: .nsec3paramIterations, text: "@ NSEC3PARAM 1 0 200 AABBCCDD\n", severity: .warning, line: 7),
        Case(check: .wildcardNS, text: "*.dyn NS ns1\n", severity: .error, line: 7),
        Case(check: .nsec3OwnerNotHash, text: "www NSEC3 1 0 0 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR A\n", severity: .error, line: 7),
    ]

    static func compile(_ c: Case) -> CompileResult {
        var policy = CheckPolicy(profile: c.profile)
        policy.maxTTL = c.maxTTL
        let options = CompileOptions(origin: "example.", policy: policy, previousSerial: c.previousSerial)
        return Compiler.compile(text: (c.withHeader ? header : "") + c.text, name: "golden.zone", options: options)
    }

    @Test("Each check reports its ID, severity and line", arguments: cases)
    func golden(_ c: Case) {
        let result = Self.compile(c)
        let matches = result.diagnostics.filter { $0.check == c.check }
        #expect(!matches.isEmpty, "no \(c.check) finding; got \(result.diagnostics.map { "\($0.check)@\($0.location?.line ?? 0)" })")
        guard let finding = matches.first else { return }
        #expect(finding.severity == c.severity)
        if let line = c.line {
            #expect(finding.location?.line == line, "\(finding.message)")
        } else {
            #expect(finding.location == nil)
        }
        #expect(!finding.message.isEmpty)
    }

    @Test("Every check in the table has a golden case")
    func everyCheckHasACase() {
        let covered = Set(Self.cases.map(\.check))
        // change-ratio compares two versions: ChangeRatioGuardTests.
        let missing = CheckCatalog.all.map(\.id).filter { !covered.contains($0) && $0 != .changeRatio }
        #expect(missing.isEmpty, "checks without a golden case: \(missing)")
    }

    @Test("The header alone is clean")
    func headerIsClean() {
        let result = Compiler.compile(text: Self.header, name: "golden.zone", options: CompileOptions(origin: "example."))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test("A check set to off reports nothing; an unadjustable check cannot be set")
    func overrides() throws {
        var policy = CheckPolicy.dnsplane
        try policy.apply(override: "ns-count=off")
        #expect(policy.severity(of: .nsCount) == .off)
        #expect(throws: PolicyError.self) { try policy.apply(override: "syntax=off") }
        #expect(throws: PolicyError.self) { try policy.apply(override: "no-such-check=off") }
        #expect(throws: PolicyError.self) { try policy.apply(override: "ns-count=fatal") }
        let text = "$TTL 300\n@ SOA ns1 hostmaster 1 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n"
        let result = Compiler.compile(text: text, options: CompileOptions(origin: "example.", policy: policy))
        #expect(!result.diagnostics.contains { $0.check == .nsCount })
    }

    @Test("named-checkzone profile: BIND's severities, Knot-only checks off")
    func bindProfile() {
        let text = Self.header + "www.example.org. A 192.0.2.9\nd DNAME a.example.\nx.d A 192.0.2.9\n"
        let result = Compiler.compile(text: text, options: CompileOptions(origin: "example.", policy: .namedCheckzone))
        #expect(result.diagnostics.first { $0.check == .outOfZone }?.severity == .warning)
        #expect(!result.diagnostics.contains { $0.check == .dataBelowDNAME })
        #expect(!result.hasErrors)
    }

    @Test("All findings in one pass: a syntax error does not hide integrity findings")
    func onePass() {
        let text = Self.header + "bad A 1.2.3\n@ MX 10 mail\n"
        let result = Compiler.compile(text: text, options: CompileOptions(origin: "example."))
        #expect(result.diagnostics.contains { $0.check == .badRData })
        #expect(result.diagnostics.contains { $0.check == .mxTargetNoAddress })
    }
}
