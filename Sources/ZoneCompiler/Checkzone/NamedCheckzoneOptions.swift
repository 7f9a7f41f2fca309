/// named-checkzone 9.18's command line, parsed getopt-style (`-i local`, `-ilocal`,
/// `-qD`), with its defaults.
public struct NamedCheckzoneOptions: Sendable, Equatable {
    public enum Mode: String, Sendable { case fail, warn, ignore }
    public enum Integrity: String, Sendable {
        case full, fullSibling = "full-sibling", local, localSibling = "local-sibling", none
    }

    public var zoneName: String = ""
    public var file: String?
    public var rrClass: RRClass = .in
    public var integrity: Integrity = .full
    public var checkNames: Mode = .warn
    public var mxAddress: Mode = .warn
    public var mxCNAME: Mode = .warn
    public var nsAddress: Mode = .warn
    public var duplicates: Mode = .warn
    public var srvCNAME: Mode = .warn
    public var spf: Mode = .warn
    public var wildcard: Mode = .warn
    public var maxTTL: UInt32?
    public var quiet = false
    public var dump = false
    public var outputFile: String?
    public var outputStyle: CanonicalZoneWriter.NameStyle = .full
    public var workingDirectory: String?
    public var version = false
    public var help = false

    public init() {}

    /// Option letters that take an argument (named-checkzone's getopt string).
    static let withArgument: Set<Character> = ["c", "f", "F", "i", "J", "k", "l", "L", "m", "M", "n", "o", "r", "s", "S", "t", "T", "w", "W"]
    static let flags: Set<Character> = ["d", "D", "h", "j", "q", "v"]

    public static let usage = "usage: named-checkzone [-djqvD] [-c class] [-f inputformat] [-F outputformat] [-J filename] [-s (full|relative)] [-t directory] [-w directory] [-k (ignore|warn|fail)] [-m (ignore|warn|fail)] [-n (ignore|warn|fail)] [-r (ignore|warn|fail)] [-i (full|full-sibling|local|local-sibling|none)] [-M (ignore|warn|fail)] [-S (ignore|warn|fail)] [-W (ignore|warn)] [-o filename] zonename [ (filename|-) ]"

    public init(arguments: [String]) throws(NamedCheckzoneUsageError) {
        self.init()
        var index = 0
        parsing: while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                index += 1
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1 else { break }
            var letters = Substring(argument.dropFirst())
            while let letter = letters.first {
                letters = letters.dropFirst()
                if Self.flags.contains(letter) {
                    try apply(flag: letter)
                    continue
                }
                guard Self.withArgument.contains(letter) else {
                    throw NamedCheckzoneUsageError("named-checkzone: invalid argument -\(letter)")
                }
                let value: String
                if !letters.isEmpty {
                    value = String(letters)
                } else {
                    index += 1
                    guard index < arguments.count else {
                        throw NamedCheckzoneUsageError("named-checkzone: invalid argument -\(letter)")
                    }
                    value = arguments[index]
                }
                try apply(option: letter, value)
                index += 1
                continue parsing
            }
            index += 1
        }
        if version || help { return }
        let rest = arguments[index...]
        guard rest.count >= 1, rest.count <= 2 else { throw NamedCheckzoneUsageError(nil) }
        zoneName = rest.first!
        file = rest.count == 2 ? rest.last! : nil
    }

    private mutating func apply(flag: Character) throws(NamedCheckzoneUsageError) {
        switch flag {
        case "q": quiet = true
        case "D": dump = true
        case "v": version = true
        case "h": help = true
        default: break  // -d (debug), -j (journal): nothing to do
        }
    }

    private mutating func apply(option: Character, _ value: String) throws(NamedCheckzoneUsageError) {
        func mode(_ allowFail: Bool = true) throws(NamedCheckzoneUsageError) -> Mode {
            guard let parsed = Mode(rawValue: value), allowFail || parsed != .fail else {
                throw NamedCheckzoneUsageError("invalid argument to -\(option): \(value)", showUsage: false)
            }
            return parsed
        }
        switch option {
        case "c":
            guard let parsed = RRClass(mnemonic: value) else {
                throw NamedCheckzoneUsageError("unknown class '\(value)'", showUsage: false)
            }
            rrClass = parsed
        case "f", "F":
            guard value == "text" else {
                throw NamedCheckzoneUsageError("format '\(value)' is not supported: dnsplane reads and writes text zone files only", showUsage: false)
            }
        case "i":
            guard let parsed = Integrity(rawValue: value) else {
                throw NamedCheckzoneUsageError("invalid argument to -i: \(value)", showUsage: false)
            }
            integrity = parsed
        case "k": checkNames = try mode()
        case "m": mxAddress = try mode()
        case "M": mxCNAME = try mode()
        case "n": nsAddress = try mode()
        case "r": duplicates = try mode()
        case "S": srvCNAME = try mode()
        case "T": spf = try mode(false)
        case "W": wildcard = try mode(false)
        case "l":
            guard let ttl = Self.strtol(value) else {
                throw NamedCheckzoneUsageError("maximum TTL must be numeric", showUsage: false)
            }
            maxTTL = ttl
        case "o": outputFile = value
        case "s":
            switch value {
            case "full": outputStyle = .full
            case "relative": outputStyle = .relative
            default: throw NamedCheckzoneUsageError("unknown or unsupported style: \(value)", showUsage: false)
            }
        case "t", "w": workingDirectory = value
        default: break  // -J (journal), -L (serial): nothing to do for a check
        }
    }

    /// `-l` as named-checkzone reads it: C's strtol with base 0 (decimal, 0x hex, 0
    /// octal, a sign, leading blanks), the whole text consumed, the result cut to 32
    /// bits. Units are not accepted.
    static func strtol(_ text: String) -> UInt32? {
        var bytes = Substring(text).utf8.drop { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        // With no digits at all strtol consumes nothing; only "" then ends the text.
        if text.isEmpty { return 0 }
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var radix: UInt64 = 10
        if bytes.starts(with: "0x".utf8) || bytes.starts(with: "0X".utf8),
           let digit = bytes.dropFirst(2).first, Self.digitValue(digit).map({ $0 < 16 }) == true {
            radix = 16
            bytes = bytes.dropFirst(2)
        } else if bytes.first == UInt8(ascii: "0") {
            radix = 8
        }
        guard !bytes.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard let digit = Self.digitValue(byte), UInt64(digit) < radix else { return nil }
            // strtol saturates at LONG_MAX.
            let limit = UInt64(Int64.max)
            value = value > (limit - UInt64(digit)) / radix ? limit : value * radix + UInt64(digit)
        }
        let long = negative ? -Int64(value) : Int64(value)
        return UInt32(truncatingIfNeeded: long)
    }

    private static func digitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x5A: return byte - 0x41 + 10
        case 0x61...0x7A: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// The check policy these flags select, over BIND's defaults.
    public var policy: CheckPolicy {
        var policy = CheckPolicy(profile: .namedCheckzone, maxTTL: maxTTL)
        func severity(_ mode: Mode) -> Severity {
            switch mode {
            case .fail: return .error
            case .warn: return .warning
            case .ignore: return .off
            }
        }
        policy.overrides[.ownerNotHostname] = severity(checkNames)
        policy.overrides[.targetNotHostname] = severity(checkNames)
        // A bad NSEC3 owner fails the load whenever names are checked at all.
        policy.overrides[.nsec3OwnerNotHash] = checkNames == .ignore ? .off : .error
        policy.overrides[.mxTargetIsAddress] = severity(mxAddress)
        policy.overrides[.mxTargetIsCNAME] = severity(mxCNAME)
        policy.overrides[.srvTargetIsCNAME] = severity(srvCNAME)
        policy.overrides[.nsTargetIsAddress] = severity(nsAddress)
        policy.overrides[.duplicateRecords] = severity(duplicates)
        policy.overrides[.spfWithoutTXT] = severity(spf)
        policy.overrides[.nonTerminalWildcard] = severity(wildcard)
        let integrityChecks: [CheckID] = [.mxTargetNoAddress, .srvTargetNoAddress, .delegationNSNoAddress, .glueMissing]
        for check in integrityChecks {
            policy.overrides[check] = integrity == .none ? .off : .warning
        }
        // -m fail makes an MX target without addresses fatal too (BIND's
        // DNS_ZONEOPT_CHECKMXFAIL); -m ignore leaves that warning alone.
        if integrity != .none && mxAddress == .fail {
            policy.overrides[.mxTargetNoAddress] = .error
        }
        if integrity == .none {
            policy.overrides[.mxTargetIsCNAME] = .off
            policy.overrides[.srvTargetIsCNAME] = .off
        }
        // The -sibling modes are the ones that leave sibling glue unchecked.
        policy.overrides[.siblingGlueMissing] = (integrity == .full || integrity == .local) ? .warning : .off
        return policy
    }
}

/// A command line named-checkzone would reject: the message, then usage, exit 1.
public struct NamedCheckzoneUsageError: Error, Sendable {
    public var message: String?
    public var showUsage: Bool

    public init(_ message: String?, showUsage: Bool = true) {
        self.message = message
        self.showUsage = showUsage
    }
}
