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
                        throw NamedCheckzoneUsageError("named-checkzone: option requires an argument -- '\(letter)'")
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
                throw NamedCheckzoneUsageError("invalid argument to -\(option): \(value)")
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
            guard let parsed = Integrity(rawValue: value) else { throw NamedCheckzoneUsageError("invalid argument to -i: \(value)") }
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
            guard let ttl = TTLText.parse(value) else { throw NamedCheckzoneUsageError("-l: invalid TTL '\(value)'", showUsage: false) }
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
        if integrity == .none {
            policy.overrides[.mxTargetIsCNAME] = .off
            policy.overrides[.srvTargetIsCNAME] = .off
        }
        policy.overrides[.siblingGlueMissing] = (integrity == .fullSibling || integrity == .localSibling) ? .warning : .off
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
