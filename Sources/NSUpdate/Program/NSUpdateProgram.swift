import DNSCore
import TSIG
#if canImport(Glibc)
import Glibc
#endif

/// nsupdate-swift from start to exit status: BIND 9.18 nsupdate's setup, input loop,
/// zone discovery and update exchange, with `--check`, `--json` and `--wait` on top.
///
/// Exit status as BIND's: 0, or 2 when an update failed or could not be sent (or, with
/// `--wait`, was not seen everywhere in time), or 1 when nsupdate gave up (a syntax
/// error in a script, a bad option, an unreachable resolver).
public final class NSUpdateProgram {
    public static let version = "nsupdate-swift 1.0 (dnsplane, BIND 9.18 compatible)"
    /// Where named writes the key for `update-policy local` (Debian's path).
    public static let sessionKeyPath = "/run/named/session.key"

    /// An exchange with one server; injectable so the flow can be tested without sockets.
    public typealias Exchange = (_ request: [UInt8], _ server: SocketAddress, _ local: SocketAddress?, _ tcp: Bool,
                                 _ timeouts: TransportTimeouts) throws(TransportError) -> [UInt8]

    let options: NSUpdateOptions
    let program: String
    let output: ProgramOutput
    let resolver: any AddressResolving
    let exchange: Exchange
    var families = AddressFamilies.both
    var session: UpdateSession!
    var seenError = false
    var interactive = false
    var inputName = "(stdin)"

    /// BIND's `fatal()`: a message and exit status 1.
    struct Fatal: Error {
        var message: String
    }

    public init(options: NSUpdateOptions, program: String, output: ProgramOutput,
                resolver: any AddressResolving = SystemResolver(),
                exchange: @escaping Exchange = { request, server, local, tcp, timeouts throws(TransportError) in
                    try DNSTransport.exchange(request, with: server, from: local, tcp: tcp, timeouts: timeouts)
                }) {
        self.options = options
        self.program = program
        self.output = output
        self.resolver = resolver
        self.exchange = exchange
    }

    /// The whole command: parses `arguments` (argv, program name first) and runs.
    public static func main(arguments: [String], output: ProgramOutput = StandardStreams()) -> Int32 {
        let program = arguments.first ?? "nsupdate-swift"
        let options: NSUpdateOptions
        do {
            options = try NSUpdateOptions(arguments: Array(arguments.dropFirst()), program: program)
        } catch {
            output.err(error.lines.joined(separator: "\n") + "\n")
            return 1
        }
        if !options.listings.isEmpty {
            for listing in options.listings { output.out(text(of: listing)) }
            return 0
        }
        return NSUpdateProgram(options: options, program: program, output: output).run()
    }

    static func text(of listing: NSUpdateOptions.Listing) -> String {
        switch listing {
        case .version:
            return version + "\n"
        case .standardTypes:
            return BINDMnemonics.namedTypeCodes
                .filter { $0 >= 1 && $0 <= 0xFEFF && !RRType($0).isMetaType && $0 != RRType.opt.rawValue }
                .map { BINDMnemonics.typeName(RRType($0)) + "\n" }.joined()
        case .privateTypes:
            return ""  // BIND 9.18 defines no private types (0xFF00-0xFFFE).
        }
    }

    public func run() -> Int32 {
        do {
            if options.check { return try runCheck() }
            return try runUpdates()
        } catch {
            output.err(error.message + "\n")
            return 1
        }
    }

    // MARK: Setup (BIND's parse_args and setup_system)

    func setUpFamilies() throws(Fatal) {
        let probed = AddressFamilies.probe()
        families = probed
        if options.ipv4Only {
            guard probed.ipv4 else { throw Fatal(message: "can't find IPv4 networking") }
            families.ipv6 = false
        }
        if options.ipv6Only {
            guard probed.ipv6 else { throw Fatal(message: "can't find IPv6 networking") }
            families.ipv4 = false
        }
        guard families.ipv4 || families.ipv6 else { throw Fatal(message: "could not find either IPv4 or IPv6") }
    }

    /// Opens the script; nil for standard input.
    func openInput() throws(Fatal) -> Int32 {
        interactive = isatty(0) != 0
        guard let path = options.inputPath else {
            interactive = interactive || options.forceInteractive
            return 0
        }
        interactive = options.forceInteractive
        if path == "-" { return 0 }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Fatal(message: "could not open '\(path)': \(Self.fileErrorText(errno))") }
        inputName = path
        // BIND's readline reads the terminal even when a file is named with -i.
        if interactive {
            close(fd)
            inputName = "(stdin)"
            return 0
        }
        return fd
    }

    static func fileErrorText(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "file not found"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "not a file"
        default: return String(cString: strerror(code))
        }
    }

    /// The resolv.conf servers, or localhost when there are none (BIND's fallback).
    func defaultServers() throws(Fatal) -> [SocketAddress] {
        var servers: [SocketAddress] = []
        if !options.localOnly, let text = Self.readFile(options.resolvConf) {
            do {
                servers = try ResolvConf.nameservers(in: text, port: options.port).filter(families.allows)
            } catch {
                throw Fatal(message: "parse of \(options.resolvConf) failed: \(error)")
            }
        }
        if servers.isEmpty {
            if families.ipv6 { servers.append(SocketAddress(.v6(IPv6Address(high: 0, low: 1), scope: 0), port: options.port)) }
            if families.ipv4 { servers.append(SocketAddress(.v4(IPv4Address(127, 0, 0, 1)), port: options.port)) }
        }
        return servers
    }

    static func readFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `-y`, `-l` (the session key) or `-k`, as BIND reads them: a fatal problem ends the
    /// program, any other leaves it sending unsigned, after saying so.
    func setUpKey() throws(Fatal) -> SessionKey? {
        if let keyString = options.keyString {
            switch KeyText.keyOption(keyString) {
            case .success(let key): return key
            case .failure(let failure):
                if failure.isFatal { throw Fatal(message: failure.message) }
                output.err(failure.message + "\n")
                return nil
            }
        }
        let path = options.keyFile ?? (options.localOnly ? Self.sessionKeyPath : nil)
        guard let path else { return nil }
        guard let text = Self.readKeyFile(path) else {
            let reason = Self.fileErrorText(errno)
            if options.localOnly { throw Fatal(message: "can't read key from \(path): \(reason)\n") }
            output.err("could not read key from \(Self.keyBaseName(path)).{private,key}: \(reason)\n")
            return nil
        }
        switch KeyText.keyFile(text: text, path: path) {
        case .success(let key): return key
        case .failure(let failure):
            if failure.isFatal || options.localOnly { throw Fatal(message: failure.message) }
            output.err(failure.message + "\n")
            return nil
        }
    }

    /// The file's text; nil with `errno` set when it cannot be read as a file.
    static func readKeyFile(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        guard status.st_mode & S_IFMT == S_IFREG else {
            errno = EISDIR
            return nil
        }
        guard access(path, R_OK) == 0 else { return nil }
        return readFile(path)
    }

    /// BIND's `basenamelen`: the key file name without `.`, `.private` or `.key`.
    static func keyBaseName(_ path: String) -> String {
        if path.count > 1 && path.hasSuffix(".") { return String(path.dropLast()) }
        if path.count > 8 && path.hasSuffix(".private") { return String(path.dropLast(8)) }
        if path.count > 4 && path.hasSuffix(".key") { return String(path.dropLast(4)) }
        return path
    }

    func makeSession(resolver: any AddressResolving) throws(Fatal) -> UpdateSession {
        let configuration = UpdateSession.Configuration(port: options.port, families: families, localOnly: options.localOnly,
                                                        versionText: Self.version)
        var session = UpdateSession(configuration: configuration, defaultServers: try defaultServers(), resolver: resolver)
        session.key = try setUpKey()
        session.debugging = options.debug
        session.extraDebugging = options.extraDebug
        return session
    }

    var timeouts: TransportTimeouts {
        TransportTimeouts(total: options.timeout, udpInterval: options.udpTimeout, udpRetries: options.udpRetries)
    }

    func location(_ line: Int, _ column: Int) -> String { "\(inputName):\(line):\(column)" }

    /// BIND reads at most 131071 bytes at a time and takes the rest of a longer line
    /// as a line of its own; say so when that is where an error comes from.
    static func fragmentNote(_ reader: ScriptLineReader) -> String {
        reader.lastWasFragment
            ? " (the line is longer than \(ScriptLineReader.maxCommand - 1) bytes; nsupdate reads it in pieces of that size, each as a command)"
            : ""
    }

    // MARK: The input loop

    func runUpdates() throws(Fatal) -> Int32 {
        try setUpFamilies()
        let fd = try openInput()
        defer { if fd > 2 { close(fd) } }
        session = try makeSession(resolver: resolver)
        var reader = ScriptLineReader(fileDescriptor: fd)
        let prompt = interactive && isatty(0) != 0
        while true {
            var sendLine: Int?
            reading: while true {
                if prompt { output.out("> ") }
                guard let line = reader.nextLine() else { break reading }
                let lineNumber = reader.physicalLine
                switch session.execute(line: line, number: lineNumber) {
                case .more:
                    continue
                case .print(let text):
                    output.out(text)
                case .warn(let text):
                    output.err(text + "\n")
                case .send:
                    sendLine = lineNumber
                    break reading
                case .quit:
                    break reading
                case .syntaxError(let error):
                    output.err("\(location(lineNumber, error.column)): \(error.message)\(Self.fragmentNote(reader))\n")
                    if !interactive { throw Fatal(message: "syntax error") }
                }
            }
            // End of input or `quit`: whatever was not sent is dropped, as in BIND.
            guard let sendLine else { break }
            try send(line: sendLine)
        }
        return seenError ? 2 : 0
    }
}
