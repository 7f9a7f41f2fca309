/// nsupdate 9.18's command line (`46C:dDghiL:lMok:p:Pr:R:t:Tu:vVy:`, getopt-style:
/// `-dv`, `-p5399`, `-p 5399`), and nsupdate-swift's own long options, which change
/// nothing unless given: `--check`, `--json`, `--wait SECONDS`.
public struct NSUpdateOptions: Sendable, Equatable {
    public var debug = false
    public var extraDebug = false
    public var forceInteractive = false
    public var libraryDebugLevel: UInt32 = 0
    public var localOnly = false
    public var keyFile: String?
    public var keyString: String?
    public var port: UInt16 = 53
    /// `-t`: seconds for the whole exchange; nil is `-t 0`, no limit (TCP).
    public var timeout: UInt32? = 300
    public var udpTimeout: UInt32 = 3
    public var udpRetries: UInt32 = 3
    /// `-v`: TCP even for small messages.
    public var useTCP = false
    public var ipv4Only = false
    public var ipv6Only = false
    /// `-C`: resolv.conf to read the default servers from ("only intended for testing").
    public var resolvConf = "/etc/resolv.conf"
    public var gssTSIG = false
    /// Printed and exited on: `-V`, `-T`, `-P`, in the order given.
    public var listings: [Listing] = []
    /// The input file; nil or `-` for standard input.
    public var inputPath: String?

    // nsupdate-swift's additions.
    public var check = false
    public var json = false
    public var waitSeconds: Double?

    public enum Listing: Sendable, Equatable { case version, standardTypes, privateTypes }

    public init() {}

    /// Why the command line was refused: BIND's lines for it, and exit status 1.
    public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
        public var lines: [String]
        public var description: String { lines.joined(separator: "\n") }
    }

    static let withArgument: Set<UInt8> = Set("CLkprRtuy".utf8)
    static let flags: Set<UInt8> = Set("46dDghilMoPTvV".utf8)

    public static func usage(_ program: String) -> String {
        "usage: \(program) [-CdDi] [-L level] [-l] [-g | -o | -y keyname:secret | -k keyfile] [-p port] [-v] [-V] [-P] [-T] [-4 | -6] [--check] [--json] [--wait seconds] [filename]"
    }

    /// Parses `arguments` (without the program name). `program` is argv[0], which
    /// BIND puts in its usage messages.
    public init(arguments: [String], program: String) throws(UsageError) {
        self.init()
        func usage(_ first: String...) -> UsageError {
            UsageError(lines: first + [Self.usage(program)])
        }
        // BIND checks option values in a second pass that `-V`, `-T` and `-P` never
        // reach: they print and exit first. Unknown options fail in either pass.
        var deferred: UsageError?
        var index = 0
        parsing: while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                index += 1
                break
            }
            if argument.hasPrefix("--") {
                try parseLong(argument, arguments: arguments, index: &index, program: program)
                continue
            }
            let bytes = Array(argument.utf8)
            guard bytes.first == UInt8(ascii: "-") else { break }
            // ISC's getopt reads a lone `-` as the option letter `-`, which nsupdate
            // does not have: standard input is `--` then `-`, or no file at all.
            guard bytes.count > 1 else {
                throw usage("\(program): illegal option -- -", "\(program): invalid argument --")
            }
            var position = 1
            while position < bytes.count {
                let letter = bytes[position]
                position += 1
                let name = String(UnicodeScalar(letter))
                if Self.flags.contains(letter) {
                    if letter == UInt8(ascii: "4") && ipv6Only || letter == UInt8(ascii: "6") && ipv4Only {
                        throw UsageError(lines: ["only one of -4 and -6 allowed"])
                    }
                    try apply(flag: letter, program: program)
                    continue
                }
                guard Self.withArgument.contains(letter) else {
                    throw usage("\(program): illegal option -- \(name)", "\(program): invalid argument -\(name)")
                }
                let value: String
                if position < bytes.count {
                    value = String(decoding: bytes[position...], as: UTF8.self)
                } else {
                    index += 1
                    guard index < arguments.count else {
                        throw usage("\(program): option requires an argument -- \(name)", "\(program): invalid argument -\(name)")
                    }
                    value = arguments[index]
                }
                do {
                    try apply(option: letter, value)
                } catch {
                    if deferred == nil { deferred = error }
                }
                index += 1
                continue parsing
            }
            index += 1
        }
        if index < arguments.count { inputPath = arguments[index] }
        if !listings.isEmpty { return }
        if let deferred { throw deferred }
        if keyFile != nil && keyString != nil { throw UsageError(lines: ["\(program): cannot specify both -k and -y"]) }
        if gssTSIG {
            throw UsageError(lines: keyFile != nil || keyString != nil
                ? ["\(program): cannot specify -g with -k or -y"]
                : ["\(program): cannot specify -g or -o, GSS-TSIG is not supported"])
        }
    }

    private mutating func parseLong(_ argument: String, arguments: [String], index: inout Int, program: String) throws(UsageError) {
        var name = Substring(argument.dropFirst(2))
        var value: String?
        if let equals = name.firstIndex(of: "=") {
            value = String(name[name.index(after: equals)...])
            name = name[..<equals]
        }
        index += 1
        switch name {
        case "check": check = true
        case "json": json = true
        case "wait":
            if value == nil {
                guard index < arguments.count else {
                    throw UsageError(lines: ["\(program): --wait requires a number of seconds", Self.usage(program)])
                }
                value = arguments[index]
                index += 1
            }
            guard let seconds = value.flatMap(Double.init), seconds > 0, seconds <= 86_400 else {
                throw UsageError(lines: ["\(program): --wait: '\(value ?? "")' is not a number of seconds between 0 and 86400"])
            }
            waitSeconds = seconds
        default:
            throw UsageError(lines: ["\(program): unknown option --\(name)", Self.usage(program)])
        }
        if value != nil && name != "wait" {
            throw UsageError(lines: ["\(program): --\(name) takes no value"])
        }
    }

    private mutating func apply(flag: UInt8, program: String) throws(UsageError) {
        switch flag {
        case UInt8(ascii: "4"): ipv4Only = true
        case UInt8(ascii: "6"): ipv6Only = true
        case UInt8(ascii: "d"): debug = true
        case UInt8(ascii: "D"): debug = true; extraDebug = true
        case UInt8(ascii: "M"): debug = true; extraDebug = true
        case UInt8(ascii: "i"): forceInteractive = true
        case UInt8(ascii: "l"): localOnly = true
        case UInt8(ascii: "g"), UInt8(ascii: "o"): gssTSIG = true
        case UInt8(ascii: "v"): useTCP = true
        case UInt8(ascii: "V"): listings.append(.version)
        case UInt8(ascii: "T"): listings.append(.standardTypes)
        case UInt8(ascii: "P"): listings.append(.privateTypes)
        case UInt8(ascii: "h"):
            throw UsageError(lines: ["\(program): invalid argument -h", Self.usage(program)])
        default: break
        }
    }

    private mutating func apply(option: UInt8, _ value: String) throws(UsageError) {
        func number(_ message: String) throws(UsageError) -> UInt32 {
            switch UpdateSession.parseUInt32(Array(value.utf8)[...]) {
            case .success(let parsed): return parsed
            case .failure: throw UsageError(lines: ["\(message) '\(value)'"])
            }
        }
        switch option {
        case UInt8(ascii: "C"): resolvConf = value
        case UInt8(ascii: "L"): libraryDebugLevel = try number("bad library debug value")
        case UInt8(ascii: "k"): keyFile = value
        case UInt8(ascii: "y"): keyString = value
        case UInt8(ascii: "p"):
            let parsed = try number("bad port number")
            guard parsed <= UInt32(UInt16.max) else { throw UsageError(lines: ["bad port number '\(value)'"]) }
            port = UInt16(parsed)
        case UInt8(ascii: "t"):
            let parsed = try number("bad timeout")
            timeout = parsed == 0 ? nil : parsed
        case UInt8(ascii: "u"): udpTimeout = try number("bad udp timeout")
        case UInt8(ascii: "r"): udpRetries = try number("bad udp retries")
        case UInt8(ascii: "R"): throw UsageError(lines: ["The -R option has been deprecated."])
        default: break
        }
    }
}
