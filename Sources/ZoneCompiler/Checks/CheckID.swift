/// The stable, kebab-case name of a check. IDs appear in every output format and in
/// `--severity ID=...`; once released, an ID is never renamed or reused.
public struct CheckID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: CheckID, b: CheckID) -> Bool { a.rawValue < b.rawValue }

    // Text that cannot be read. Always errors.
    public static let syntax = CheckID("syntax")
    public static let badName = CheckID("bad-name")
    public static let badTTL = CheckID("bad-ttl")
    public static let unknownType = CheckID("unknown-type")
    public static let metaType = CheckID("meta-type")
    public static let badRData = CheckID("bad-rdata")
    public static let badDirective = CheckID("bad-directive")
    public static let includeFailed = CheckID("include-failed")
    public static let badGenerate = CheckID("bad-generate")
    public static let noOwner = CheckID("no-owner")
    public static let noTTL = CheckID("no-ttl")
    public static let classMismatch = CheckID("class-mismatch")
    public static let obsoleteType = CheckID("obsolete-type")

    // Records that read but cannot be loaded as written.
    public static let ttlFromSOAMinimum = CheckID("ttl-from-soa-minimum")
    public static let outOfZone = CheckID("out-of-zone")
    public static let ttlMismatch = CheckID("ttl-mismatch")
    public static let ttlTooLarge = CheckID("ttl-too-large")
    public static let maxTTL = CheckID("max-ttl")
    public static let directiveTrailingText = CheckID("directive-trailing-text")
    public static let ttlInherited = CheckID("ttl-inherited")
    public static let ownerInheritedAfterOrigin = CheckID("owner-inherited-after-origin")
    public static let noFinalNewline = CheckID("no-final-newline")

    // Zone structure (RFC 1034/1035, and Knot's mandatory semantic checks).
    public static let soaMissing = CheckID("soa-missing")
    public static let soaNotAtApex = CheckID("soa-not-at-apex")
    public static let soaMultiple = CheckID("soa-multiple")
    public static let nsMissing = CheckID("ns-missing")
    public static let cnameAndOtherData = CheckID("cname-and-other-data")
    public static let cnameMultiple = CheckID("cname-multiple")
    public static let dnameMultiple = CheckID("dname-multiple")
    public static let resinfoMultiple = CheckID("resinfo-multiple")
    public static let dataBelowDNAME = CheckID("data-below-dname")
    public static let nsBesideDNAME = CheckID("ns-beside-dname")
    public static let dsAtApex = CheckID("ds-at-apex")
    public static let cdsDNSKEYMismatch = CheckID("cds-dnskey-mismatch")
    public static let nsec3paramUnsupported = CheckID("nsec3param-unsupported")
    public static let nsec3paramIterations = CheckID("nsec3param-iterations")
    public static let wildcardNS = CheckID("wildcard-ns")
    public static let occludedData = CheckID("occluded-data")

    // Names (BIND's check-names, -k).
    public static let ownerNotHostname = CheckID("owner-not-hostname")
    public static let targetNotHostname = CheckID("target-not-hostname")
    public static let nsec3OwnerNotHash = CheckID("nsec3-owner-not-hash")

    // Integrity (BIND's -i, -m, -M, -n, -S).
    public static let apexNSNoAddress = CheckID("apex-ns-no-address")
    public static let delegationNSNoAddress = CheckID("delegation-ns-no-address")
    public static let glueMissing = CheckID("glue-missing")
    public static let siblingGlueMissing = CheckID("sibling-glue-missing")
    public static let nsTargetIsAddress = CheckID("ns-target-is-address")
    public static let mxTargetIsAddress = CheckID("mx-target-is-address")
    public static let mxTargetIsCNAME = CheckID("mx-target-is-cname")
    public static let mxTargetNoAddress = CheckID("mx-target-no-address")
    public static let srvTargetIsCNAME = CheckID("srv-target-is-cname")
    public static let srvTargetNoAddress = CheckID("srv-target-no-address")

    // Other BIND checks (-r, -T, -W).
    public static let duplicateRecords = CheckID("duplicate-records")
    public static let spfWithoutTXT = CheckID("spf-without-txt")
    public static let nonTerminalWildcard = CheckID("non-terminal-wildcard")

    // Our own, beyond BIND and Knot.
    public static let serialRegression = CheckID("serial-regression")
    public static let nsCount = CheckID("ns-count")
    public static let soaTimers = CheckID("soa-timers")
    public static let cnameTargetMissing = CheckID("cname-target-missing")
    public static let changeRatio = CheckID("change-ratio")
}
