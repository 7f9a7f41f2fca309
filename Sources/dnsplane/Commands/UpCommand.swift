import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import DNSCore
import HiddenPrimary
import TSIG
import ZoneCompiler

/// `dnsplane up`: the whole system on one machine, for trying it out — a hidden primary
/// serving `zones/` and two secondaries following it, on loopback and unprivileged
/// ports, with a generated TSIG key. Each runs as its own `dnsplane` process (the same
/// commands one would run by hand); their logs come out here, prefixed; Ctrl-C stops
/// them all.
struct UpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Run a hidden primary for zones/ and two secondaries on loopback; print what to dig and nsupdate.",
        discussion: "The primary listens on --port, the secondaries on the ports after it. State (journals, transferred zones, the key) lives under --data-dir and survives a restart. Ctrl-C stops everything."
    )

    @Option(help: "The folder of <origin>.zone source files.")
    var zones: String = "zones"

    @Option(name: .customLong("data-dir"), help: "Where the three servers keep their state, and the key.")
    var dataDir: String = ".dnsplane-up"

    @Option(help: "The loopback address all three listen on.")
    var address: String = "127.0.0.1"

    @Option(help: "The primary's port; secondary N listens on PORT+N.")
    var port: Int = 5300

    @Option(help: "How many secondaries.")
    var secondaries: Int = 2

    @Option(name: .customLong("log-level"), help: "The servers' log level.")
    var logLevel: String = "info"

    static let keyName = "dnsplane-up"

    func run() throws {
        guard DNSPlane.configuration.subcommands.contains(where: { $0.configuration.commandName == "secondary" }) else {
            throw ValidationError("this dnsplane has no `secondary` command yet, which `up` runs")
        }
        guard (1...9).contains(secondaries) else { throw ValidationError("--secondaries: 1 to 9") }
        guard port > 0, port + secondaries <= 65535 else { throw ValidationError("--port: the primary's port and the \(secondaries) after it must be valid ports") }
        guard address.hasPrefix("127.") else { throw ValidationError("--address: dnsplane up listens on loopback only (127.0.0.0/8)") }
        let files: [String]
        do { files = try ZoneSourceFiles.zoneFiles(in: zones) } catch { throw ValidationError("--zones \(zones): \(error)") }
        let origins = files.compactMap(ZoneSourceFiles.origin(forFile:))
        guard !origins.isEmpty else { throw ValidationError("no <origin>.zone files in \(zones)") }
        let ports = (0...secondaries).map { port + $0 }
        for candidate in ports where !UpProbe.isFree(address: address, port: candidate) {
            throw ValidationError("\(address):\(candidate) is in use; pick other ports with --port")
        }

        try DurableFile.makeDirectory(dataDir)
        let keyFile = dataDir + "/up.key"
        if (try? DurableFile.read(keyFile)) == nil {
            let key = KeyGenerator.generate(name: try DomainName(Self.keyName + ".", origin: nil), algorithm: .hmacSHA256)
            try FileHandleOutput.writeFile(keyFile, key.bindConfiguration)
            chmod(keyFile, 0o600)
        }
        let self_ = try UpProcesses.executable()
        var children: [UpProcesses.Child] = []
        var primaryArguments = ["primary", "--zones", zones, "--data-dir", dataDir + "/primary", "--listen", "\(address):\(port)",
                                "--key-file", keyFile, "--allow-update", Self.keyName, "--log-level", logLevel]
        for n in 1...secondaries { primaryArguments += ["--secondary", "\(address):\(port + n)"] }
        children.append(try UpProcesses.spawn(self_, primaryArguments, label: "primary"))
        // The secondaries start once the primary answers (REFUSED is an answer: it is
        // hidden), so their first SOA query does not meet a closed port.
        let primaryUp = UpProcesses.supervise(children, stopWhenReady: false) { elapsed in
            UpProbe.answers(address: address, port: port) || elapsed > 30
        }
        if case .stopped(let status) = primaryUp { throw ExitCode(status) }
        for n in 1...secondaries {
            var arguments = ["secondary", "--data-dir", dataDir + "/secondary-\(n)", "--listen", "\(address):\(port + n)",
                             "--primary", "\(address):\(port)", "--key-file", keyFile, "--log-level", logLevel]
            for origin in origins { arguments += ["--zone", origin.bindText] }
            do {
                children.append(try UpProcesses.spawn(self_, arguments, label: "secondary-\(n)"))
            } catch {
                UpProcesses.stop(children)
                throw error
            }
        }

        let outcome = UpProcesses.supervise(children) { elapsed in
            // Ready when every secondary answers SOA for every zone.
            let ready = (1...secondaries).allSatisfy { n in
                origins.allSatisfy { UpProbe.soaSerial(origin: $0, address: address, port: port + n) != nil }
            }
            if ready {
                FileHandleOutput.standardOutput(instructions(origins: origins, keyFile: keyFile, waited: nil))
                return true
            }
            if elapsed > 30 {
                FileHandleOutput.standardOutput(instructions(origins: origins, keyFile: keyFile, waited: elapsed))
                return true
            }
            return false
        }
        if case .stopped(let status) = outcome, status != 0 { throw ExitCode(status) }
    }

    func instructions(origins: [DomainName], keyFile: String, waited: Double?) -> String {
        // The example uses a forward zone when there is one.
        let forward = origins.first { origin in
            let text = origin.bindText.lowercased()
            return !text.hasSuffix("in-addr.arpa") && !text.hasSuffix("in-addr.arpa.") && !text.hasSuffix("ip6.arpa") && !text.hasSuffix("ip6.arpa.")
        }
        let example = forward ?? origins[0]
        let zone = example.bindText.hasSuffix(".") ? String(example.bindText.dropLast()) : example.bindText
        var text = "\n"
        if let waited {
            text += "Not every secondary serves every zone after \(Int(waited)) s: see the log above (a zone whose source fails is not served).\n\n"
        }
        text += "dnsplane up: a hidden primary and \(secondaries) secondar\(secondaries == 1 ? "y" : "ies") for \(origins.map(\.bindText).joined(separator: " "))\n\n"
        text += "  hidden primary   \(address):\(port)   UPDATE with the key; transfers to the secondaries only\n"
        for n in 1...secondaries {
            text += "  secondary \(n)      \(address):\(port + n)   answers queries\n"
        }
        text += "  TSIG key         \(keyFile)   (hmac-sha256, \(Self.keyName))\n"
        text += "  state            \(dataDir)/\n\n"
        text += "Ask a secondary:\n"
        text += "  dig @\(address) -p \(port + 1) \(zone) SOA\n\n"
        text += "Change the zone (the secondaries follow by NOTIFY and IXFR):\n"
        text += "  nsupdate -k \(keyFile) <<'EOF'\n"
        text += "  server \(address) \(port)\n"
        text += "  zone \(zone)\n"
        text += "  update add hello.\(zone) 300 TXT \"hello from dnsplane\"\n"
        text += "  send\n"
        text += "  EOF\n"
        text += "  dig @\(address) -p \(port + secondaries) hello.\(zone) TXT\n\n"
        text += "Or edit \(zones)/\(zone).zone: the primary notices, checks it and publishes it under a new serial\n"
        text += "(a broken edit is reported with file:line and not published; `dnsplane reload --data-dir \(dataDir)/primary` reports too).\n"
        text += "Ctrl-C stops everything.\n\n"
        return text
    }
}

/// Starting, watching and stopping the child processes, without Foundation.
enum UpProcesses {
    struct Child {
        var label: String
        var pid: pid_t
        /// The read end of the pipe its stdout and stderr go to.
        var output: Int32
        var pending: [UInt8] = []
        var exited: Int32?
    }

    /// This program's own path, to run `dnsplane primary` and `dnsplane secondary`.
    static func executable() throws -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { throw ValidationError("cannot find the dnsplane executable (/proc/self/exe)") }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func spawn(_ path: String, _ arguments: [String], label: String) throws -> Child {
        var pipeFDs: [Int32] = [0, 0]
        guard makePipe(&pipeFDs) else { throw ValidationError("pipe: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // Signals as a fresh process has them, whatever this one inherited (a test
        // runner's thread may have some blocked).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        close(pipeFDs[1])
        guard result == 0 else {
            close(pipeFDs[0])
            throw ValidationError("cannot start \(label): \(String(cString: strerror(result)))")
        }
        return Child(label: label, pid: pid, output: pipeFDs[0])
    }

    /// SIGTERM to each, by pid; then waits (SIGKILL after 10 s).
    static func stop(_ children: [Child]) {
        for child in children where child.exited == nil { kill(child.pid, SIGTERM) }
        for child in children where child.exited == nil {
            var status: Int32 = 0
            var waited = 0
            while waitpid(child.pid, &status, WNOHANG) == 0 {
                if waited == 500 { kill(child.pid, SIGKILL) }
                usleep(20_000)
                waited += 1
            }
        }
    }

    enum Outcome {
        /// `ready` held; the children run on.
        case ready
        /// They were stopped: 0 after a signal, 1 when one of them died.
        case stopped(Int32)
    }

    /// Relays the children's output, prefixed, until Ctrl-C (SIGINT), SIGTERM or a child
    /// exits, then stops them all; calls `ready` (with the seconds since the start)
    /// until it returns true. With `stopWhenReady` false, returns as soon as it does.
    static func supervise(_ children: [Child], stopWhenReady: Bool = true, ready: (Double) -> Bool) -> Outcome {
        var children = children
        if UpSignals.readEnd < 0 { UpSignals.install() }
        let start = now()
        var isReady = false
        var status: Int32 = 0
        loop: while true {
            var fds = children.filter { $0.exited == nil }.map { pollfd(fd: $0.output, events: Int16(POLLIN), revents: 0) }
            fds.append(pollfd(fd: UpSignals.readEnd, events: Int16(POLLIN), revents: 0))
            _ = poll(&fds, nfds_t(fds.count), 200)
            for index in children.indices where children[index].exited == nil {
                relay(&children[index])
            }
            if UpSignals.received {
                FileHandleOutput.standardError("\ndnsplane up: stopping\n")
                break loop
            }
            for index in children.indices where children[index].exited == nil {
                var raw: Int32 = 0
                if waitpid(children[index].pid, &raw, WNOHANG) == children[index].pid {
                    children[index].exited = raw
                    relay(&children[index])
                    FileHandleOutput.standardError("dnsplane up: \(children[index].label) exited (status \(describe(raw))); stopping the others\n")
                    status = 1
                    break loop
                }
            }
            if !isReady {
                isReady = ready(now() - start)
                if isReady && !stopWhenReady { return .ready }
            }
        }
        stop(children)
        for index in children.indices { relay(&children[index]) }
        return .stopped(status)
    }

    /// Copies what is there to read, a whole line at a time, prefixed with the label.
    static func relay(_ child: inout Child) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var probe = pollfd(fd: child.output, events: Int16(POLLIN), revents: 0)
            guard poll(&probe, 1, 0) > 0 else { break }
            let count = read(child.output, &buffer, buffer.count)
            guard count > 0 else { break }
            child.pending += buffer[0..<count]
            while let newline = child.pending.firstIndex(of: 10) {
                let line = String(decoding: child.pending[...newline], as: UTF8.self)
                child.pending.removeFirst(newline + 1)
                FileHandleOutput.standardError("\(child.label.padding(11)) | \(line)")
            }
        }
    }

    static func describe(_ raw: Int32) -> String {
        let signal = raw & 0x7F
        return signal == 0 ? "exit \((raw >> 8) & 0xFF)" : "signal \(signal)"
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// SIGINT and SIGTERM, turned into a byte on a pipe the supervision loop polls.
enum UpSignals {
    nonisolated(unsafe) static var pipeFDs: [Int32] = [-1, -1]
    static var readEnd: Int32 { pipeFDs[0] }

    static func install() {
        _ = makePipe(&pipeFDs, nonBlocking: true)
        signalWriteEnd = pipeFDs[1]
        signal(SIGINT, upSignalHandler)
        signal(SIGTERM, upSignalHandler)
        // Whoever started us may have left them blocked.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static var received: Bool {
        var byte: UInt8 = 0
        return read(pipeFDs[0], &byte, 1) == 1
    }
}

nonisolated(unsafe) private var signalWriteEnd: Int32 = -1

private func upSignalHandler(_ signal: Int32) {
    var byte: UInt8 = 1
    _ = write(signalWriteEnd, &byte, 1)
}

/// Blocking UDP probes on loopback.
enum UpProbe {
    /// Whether both UDP and TCP can bind `address:port` now.
    static func isFree(address: String, port: Int) -> Bool {
        for type in [Int32(SOCK_STREAM.rawValue), Int32(SOCK_DGRAM.rawValue)] {
            let fd = socket(AF_INET, type, 0)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            var sin = sockaddr_in(address: address, port: port)
            let bound = withUnsafePointer(to: &sin) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if bound != 0 { return false }
        }
        return true
    }

    /// Whether anything answers a query at `address:port` within 100 ms.
    static func answers(address: String, port: Int) -> Bool {
        exchange(Message(header: MessageHeader(id: UInt16.random(in: 1...0xFFFF)), questions: [Question(name: .root, type: .soa)]),
                 address: address, port: port) != nil
    }

    /// The serial `address:port` answers for `origin`'s SOA, within 100 ms.
    static func soaSerial(origin: DomainName, address: String, port: Int) -> UInt32? {
        let query = Message(header: MessageHeader(id: UInt16.random(in: 1...0xFFFF)), questions: [Question(name: origin, type: .soa)])
        guard let answer = exchange(query, address: address, port: port), answer.header.rcode == .noError else { return nil }
        for record in answer.answers { if case .soa(let soa) = record.rdata { return soa.serial } }
        return nil
    }

    static func exchange(_ query: Message, address: String, port: Int) -> Message? {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sin = sockaddr_in(address: address, port: port)
        let connected = withUnsafePointer(to: &sin) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let wire = query.encode()
        guard send(fd, wire, wire.count, 0) == wire.count else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count > 0, let answer = try? Message(wire: Array(buffer[0..<count])), answer.header.id == query.header.id else { return nil }
        return answer
    }
}

extension sockaddr_in {
    init(address: String, port: Int) {
        self.init()
        sin_family = sa_family_t(AF_INET)
        sin_port = UInt16(port).bigEndian
        sin_addr.s_addr = inet_addr(address)
    }
}

/// pipe(2) with both ends close-on-exec (and non-blocking when asked): the children
/// get only the ends given to them.
func makePipe(_ fds: inout [Int32], nonBlocking: Bool = false) -> Bool {
    guard pipe(&fds) == 0 else { return false }
    for fd in fds {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        if nonBlocking { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }
    return true
}
