/// One entry of the check table: an ID, its default severity, and what it means.
public struct CheckDefinition: Sendable {
    public var id: CheckID
    /// The severity `dnsplane check`, the primary and the secondaries use by default.
    public var severity: Severity
    /// The severity under `dnsplane checkzone` with named-checkzone 9.18's defaults;
    /// `.off` for checks BIND does not make.
    public var bindSeverity: Severity
    /// Syntax errors cannot be turned down: a record that does not read is not there.
    public var isAdjustable: Bool
    /// The named-checkzone flag that sets it, if any.
    public var bindFlag: String?
    public var summary: String
    /// The standard the check enforces.
    public var reference: String
}

/// The one table of checks, used on load, on UPDATE and on transfer (Knot style).
public enum CheckCatalog {
    public static let all: [CheckDefinition] = [
        // Unreadable text: always errors, in every mode.
        .init(id: .syntax, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "Malformed entry: unbalanced parentheses or quotes, a bad escape, missing or extra fields.", reference: "RFC 1035 §5.1"),
        .init(id: .badName, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "A name that is not a valid domain name (empty label, label over 63 or name over 255 octets).", reference: "RFC 1035 §2.3.4"),
        .init(id: .badTTL, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "A TTL or $TTL that is not a number of seconds or a duration like 1h30m.", reference: "RFC 1035 §5.1, RFC 2308 §4"),
        .init(id: .unknownType, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "An RR type mnemonic nobody knows; write TYPEnnn with RFC 3597 RDATA instead.", reference: "RFC 3597 §5"),
        .init(id: .metaType, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "A meta or question-only type (OPT, TSIG, ANY, AXFR, TYPE128-255) used as zone data.", reference: "RFC 6895 §3.1"),
        .init(id: .badRData, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "RDATA that does not read as its type.", reference: "the type's RFC"),
        .init(id: .badDirective, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "An unknown $ directive, or one with missing or extra arguments.", reference: "RFC 1035 §5.1"),
        .init(id: .includeFailed, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "An $INCLUDE file that cannot be read, includes itself, or nests too deep.", reference: "RFC 1035 §5.1"),
        .init(id: .badGenerate, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "A malformed $GENERATE range or template.", reference: "BIND 9 ARM, $GENERATE"),
        .init(id: .noOwner, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "The first record leaves out its owner name.", reference: "RFC 1035 §5.1"),
        .init(id: .noTTL, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "A record with no TTL, no $TTL before it and no earlier TTL to inherit.", reference: "RFC 2308 §4"),
        .init(id: .obsoleteType, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "An MD or MF record; RFC 1123 says to turn them into MX, and BIND refuses to load them.", reference: "RFC 1123 §5.2.4"),
        .init(id: .classMismatch, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "A record whose class is not the zone's class.", reference: "RFC 1035 §5.1"),

        // Loadable, but not as written.
        .init(id: .ttlFromSOAMinimum, severity: .warning, bindSeverity: .warning, isAdjustable: true, bindFlag: nil,
              summary: "No $TTL and no TTL on the SOA: the SOA MINIMUM is used as its TTL.", reference: "RFC 2308 §4"),
        .init(id: .outOfZone, severity: .error, bindSeverity: .warning, isAdjustable: true, bindFlag: nil,
              summary: "A record whose owner is outside the zone; it is ignored.", reference: "RFC 1034 §4.2"),
        .init(id: .ttlMismatch, severity: .error, bindSeverity: .warning, isAdjustable: true, bindFlag: nil,
              summary: "Records of one RRset with different TTLs; all get the first one's TTL.", reference: "RFC 2181 §5.2"),
        .init(id: .ttlTooLarge, severity: .error, bindSeverity: .warning, isAdjustable: true, bindFlag: nil,
              summary: "A TTL above 2147483647; it is treated as 0.", reference: "RFC 2181 §8"),
        .init(id: .maxTTL, severity: .error, bindSeverity: .error, isAdjustable: true, bindFlag: "-l",
              summary: "A TTL above the configured maximum (--max-ttl, named-checkzone -l).", reference: "BIND max-zone-ttl"),

        .init(id: .directiveTrailingText, severity: .error, bindSeverity: .error, isAdjustable: true, bindFlag: nil,
              summary: "Text after a directive's arguments (named-checkzone rejects it too: \"extra input text\").", reference: "RFC 1035 §5.1"),

        .init(id: .ttlInherited, severity: .warning, bindSeverity: .warning, isAdjustable: true, bindFlag: nil,
              summary: "A record without TTL and no $TTL in force takes the TTL of the record before it (RFC 1035); reported once.", reference: "RFC 2308 §4"),
        .init(id: .ownerInheritedAfterOrigin, severity: .warning, bindSeverity: .warning, isAdjustable: true, bindFlag: nil,
              summary: "The first record after $ORIGIN (or in a file $INCLUDEd with an origin) has no owner: it keeps the previous owner, not the new origin.", reference: "RFC 1035 §5.1"),
        .init(id: .noFinalNewline, severity: .off, bindSeverity: .warning, isAdjustable: true, bindFlag: nil,
              summary: "The file's last line has no newline (named-checkzone warns).", reference: "POSIX text file"),

        // Zone structure.
        .init(id: .soaMissing, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "The zone has no SOA record at its apex.", reference: "RFC 1035 §5.2"),
        .init(id: .soaNotAtApex, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "An SOA record below the zone apex.", reference: "RFC 1035 §5.2"),
        .init(id: .soaMultiple, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "More than one SOA record.", reference: "RFC 1035 §5.2"),
        .init(id: .nsMissing, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "The zone has no NS records at its apex.", reference: "RFC 1035 §5.2"),
        .init(id: .cnameAndOtherData, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "A CNAME beside other data at the same name (DNSSEC records excepted).", reference: "RFC 2181 §10.1, RFC 1034 §3.6.2"),
        .init(id: .cnameMultiple, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "More than one CNAME at one name.", reference: "RFC 2181 §10.1"),
        .init(id: .dnameMultiple, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "More than one DNAME at one name.", reference: "RFC 6672 §2.4"),
        .init(id: .resinfoMultiple, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "More than one RESINFO record at one name.", reference: "RFC 9606 §4"),
        .init(id: .dataBelowDNAME, severity: .error, bindSeverity: .off, isAdjustable: true, bindFlag: nil,
              summary: "Records below a DNAME, which no query can reach.", reference: "RFC 6672 §2.4"),
        .init(id: .nsBesideDNAME, severity: .error, bindSeverity: .off, isAdjustable: true, bindFlag: nil,
              summary: "NS and DNAME at the same name below the apex.", reference: "RFC 6672 §2.3"),
        .init(id: .dsAtApex, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "A DS record at the zone apex; DS belongs in the parent zone.", reference: "RFC 4035 §2.4"),
        .init(id: .cdsDNSKEYMismatch, severity: .error, bindSeverity: .error, isAdjustable: true, bindFlag: nil,
              summary: "Apex CDS or CDNSKEY records for an algorithm with no DNSKEY, or a delete request mixed with other records.", reference: "RFC 7344 §4.1, RFC 8078 §4"),
        .init(id: .nsec3paramUnsupported, severity: .error, bindSeverity: .error, isAdjustable: true, bindFlag: nil,
              summary: "Apex NSEC3PARAM records none of which uses a supported hash algorithm (1, SHA-1).", reference: "RFC 5155 §4.1.1"),
        .init(id: .nsec3paramIterations, severity: .warning, bindSeverity: .warning, isAdjustable: true, bindFlag: nil,
              summary: "An NSEC3PARAM with more than 150 iterations (RFC 9276 asks for 0).", reference: "RFC 9276 §3.1"),
        .init(id: .wildcardNS, severity: .error, bindSeverity: .error, isAdjustable: false, bindFlag: nil,
              summary: "NS records at a wildcard name; a wildcard cannot delegate, and BIND refuses them.", reference: "RFC 4592 §4.2"),
        .init(id: .occludedData, severity: .warning, bindSeverity: .off, isAdjustable: true, bindFlag: nil,
              summary: "Records below a delegation that are not glue for it; no query reaches them.", reference: "RFC 1034 §4.2.1"),

        // check-names.
        .init(id: .ownerNotHostname, severity: .warning, bindSeverity: .warning, isAdjustable: true, bindFlag: "-k",
              summary: "The owner of an A, AAAA, A6, WKS or MX record that is not a valid host name (letters, digits, hyphens).", reference: "RFC 952, RFC 1123 §2.1"),
        .init(id: .targetNotHostname, severity: .warning, bindSeverity: .warning, isAdjustable: true, bindFlag: "-k",
              summary: "An NS, MX, SRV, AFSDB, RT, SVCB or HTTPS target, or SOA MNAME, that is not a valid host name; or a mailbox (SOA RNAME, RP, MINFO) whose domain is not.", reference: "RFC 952, RFC 1123 §2.1"),
        .init(id: .nsec3OwnerNotHash, severity: .error, bindSeverity: .error, isAdjustable: true, bindFlag: "-k",
              summary: "An NSEC3 record whose owner does not start with a base32hex hash label (named-checkzone fails it unless -k ignore).", reference: "RFC 5155 §3"),

        // Integrity.
        .init(id: .apexNSNoAddress, severity: .error, bindSeverity: .error, isAdjustable: true, bindFlag: nil,
              summary: "An apex NS target inside the zone with no usable A or AAAA record: none, a CNAME, or below a DNAME.", reference: "RFC 1034 §4.2.1, RFC 2181 §10.3"),
        .init(id: .delegationNSNoAddress, severity: .error, bindSeverity: .warning, isAdjustable: true, bindFlag: "-i",
              summary: "A delegation's NS target inside the zone (not below the cut) with no usable A or AAAA record: none, a CNAME, or below a DNAME.", reference: "RFC 1034 §4.2.1"),
        .init(id: .glueMissing, severity: .error, bindSeverity: .warning, isAdjustable: true, bindFlag: "-i",
              summary: "A delegation's NS target below the cut without glue A or AAAA records.", reference: "RFC 1034 §4.2.1, RFC 9471"),
        .init(id: .siblingGlueMissing, severity: .warning, bindSeverity: .warning, isAdjustable: true, bindFlag: "-i",
              summary: "A delegation's NS target in a sibling delegation without glue (named-checkzone checks it unless -i is full-sibling, local-sibling or none).", reference: "RFC 9471 §2.2"),
        .init(id: .nsTargetIsAddress, severity: .error, bindSeverity: .warning, isAdjustable: true, bindFlag: "-n",
              summary: "An NS target that looks like an IP address (a missing trailing dot makes it a name).", reference: "RFC 1035 §3.3.11"),
        .init(id: .mxTargetIsAddress, severity: .error, bindSeverity: .warning, isAdjustable: true, bindFlag: "-m",
              summary: "An MX target that looks like an IP address.", reference: "RFC 1035 §3.3.9"),
        .init(id: .mxTargetIsCNAME, severity: .error, bindSeverity: .warning, isAdjustable: true, bindFlag: "-M",
              summary: "An MX target that is a CNAME.", reference: "RFC 2181 §10.3"),
        .init(id: .mxTargetNoAddress, severity: .error, bindSeverity: .warning, isAdjustable: true, bindFlag: "-i",
              summary: "An MX target inside the zone with no A or AAAA record.", reference: "RFC 5321 §5.1"),
        .init(id: .srvTargetIsCNAME, severity: .error, bindSeverity: .warning, isAdjustable: true, bindFlag: "-S",
              summary: "An SRV target that is a CNAME.", reference: "RFC 2782"),
        .init(id: .srvTargetNoAddress, severity: .error, bindSeverity: .warning, isAdjustable: true, bindFlag: "-i",
              summary: "An SRV target inside the zone with no A or AAAA record.", reference: "RFC 2782"),

        // Other BIND checks.
        .init(id: .duplicateRecords, severity: .warning, bindSeverity: .warning, isAdjustable: true, bindFlag: "-r",
              summary: "Records that differ as text but are the same record on the wire.", reference: "RFC 2181 §5"),
        .init(id: .spfWithoutTXT, severity: .warning, bindSeverity: .warning, isAdjustable: true, bindFlag: "-T",
              summary: "An SPF-type record with no matching TXT record; receivers only read TXT.", reference: "RFC 7208 §3.1"),
        .init(id: .nonTerminalWildcard, severity: .warning, bindSeverity: .warning, isAdjustable: true, bindFlag: "-W",
              summary: "A '*' label that is not the leftmost label; it is not a wildcard.", reference: "RFC 4592 §2.1.1"),

        // Ours.
        .init(id: .serialRegression, severity: .error, bindSeverity: .off, isAdjustable: true, bindFlag: nil,
              summary: "The SOA serial is not greater than the previous version's (--previous).", reference: "RFC 1982, RFC 1035 §3.3.13"),
        .init(id: .changeRatio, severity: .error, bindSeverity: .off, isAdjustable: true, bindFlag: nil,
              summary: "A new version removes more than --max-change-ratio (default 0.5) of the previous version's records (--previous; every transfer a secondary takes).", reference: "DESIGN §5.4 (blast radius)"),
        .init(id: .nsCount, severity: .warning, bindSeverity: .off, isAdjustable: true, bindFlag: nil,
              summary: "Fewer than two NS records at the apex.", reference: "RFC 1034 §4.1, RFC 2182 §5"),
        .init(id: .soaTimers, severity: .warning, bindSeverity: .off, isAdjustable: true, bindFlag: nil,
              summary: "SOA timers that cannot work together (retry not below refresh, expire not above refresh + retry).", reference: "RFC 1912 §2.2"),
        .init(id: .cnameTargetMissing, severity: .warning, bindSeverity: .off, isAdjustable: true, bindFlag: nil,
              summary: "A CNAME pointing at a name inside the zone that does not exist.", reference: "RFC 1034 §3.6.2"),
    ]

    public static let byID: [CheckID: CheckDefinition] = {
        var table: [CheckID: CheckDefinition] = [:]
        for definition in all {
            precondition(table[definition.id] == nil, "duplicate check ID \(definition.id)")
            table[definition.id] = definition
        }
        return table
    }()

    public static func definition(_ id: CheckID) -> CheckDefinition {
        guard let definition = byID[id] else { preconditionFailure("unknown check \(id)") }
        return definition
    }
}
