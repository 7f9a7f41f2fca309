import DNSCore
import Foundation
import TestSupport
import TSIG
#if canImport(Glibc)
import Glibc
#endif

/// `dnsplane primary` as a separate process, the way users run it: a zones folder, a
/// data folder, a generated hmac-sha256 key that may update and transfer, listening on
/// 127.0.0.1 and a free port. Each start logs to its own file; stopped by pid.
final class PrimaryProcess: @unchecked Sendable {
    let scratch: ScratchDirectory
    let zonesDirectory: String
    let dataDirectory: String
    let address = "127.0.0.1"
    let port: UInt16
    let key: TSIGKey
    let keyFile: String
    var secondaries: [String]
    var extraArguments: [String]
    private(set) var process: ManagedProcess?
    private var logs: [String] = []

    static let keyName: DomainName = "update-key."

    init(zones: [String: String], secondaries: [String] = [], extraArguments: [String] = []) throws {
        scratch = try ScratchDirectory("primary")
        zonesDirectory = scratch.path("zones")
        dataDirectory = scratch.path("data")
        for (origin, text) in zones { try scratch.write("zones/\(origin).zone", text) }
        port = FreePort.find(on: "127.0.0.1")
        key = KeyGenerator.generate(name: Self.keyName, algorithm: .hmacSHA256)
        keyFile = try scratch.write("update-key.conf", key.bindConfiguration)
        self.secondaries = secondaries
        self.extraArguments = extraArguments
    }

    var arguments: [String] {
        var arguments = ["primary", "--zones", zonesDirectory, "--data-dir", dataDirectory, "--listen", "\(address):\(port)",
                         "--key-file", keyFile, "--allow-update", "update-key"]
        for secondary in secondaries { arguments += ["--secondary", secondary] }
        return arguments + extraArguments
    }

    /// Adds another key (a file and a --key-file flag, before `start`); returns it in
    /// `dig -y` / `nsupdate -y` form.
    func addKey(_ key: TSIGKey) throws -> String {
        let name = String(key.name.bindText.hasSuffix(".") ? key.name.bindText.dropLast() : Substring(key.name.bindText))
        let file = try scratch.write("key-\(name).conf", key.bindConfiguration)
        extraArguments += ["--key-file", file]
        return "\(key.algorithm.bindName):\(name):\(Base64.encodeString(key.secret))"
    }

    /// Starts the primary and waits until it answers (anything: it is hidden).
    func start(timeout: TimeInterval = 30) throws {
        let log = scratch.path("primary-\(logs.count + 1).log")
        logs.append(log)
        let process = try ManagedProcess(try DNSPlaneBinary.path(), arguments, logPath: log)
        self.process = process
        let up = waitUntil(timeout: timeout) {
            guard process.isRunning else { return true }
            return (try? DNSProbe.query(".", .soa, server: address, port: port, timeout: 0.2)) != nil
        }
        guard up, process.isRunning else {
            let output = process.output
            process.stop()
            throw DNSProbe.Failure(description: "the primary did not start:\n\(output.suffix(4000))")
        }
    }

    /// SIGTERM; the exit status (0 when it stopped by itself within `grace`).
    @discardableResult
    func stop(grace: TimeInterval = 10) -> Int32 {
        defer { process = nil }
        return process?.stop(grace: grace) ?? 0
    }

    func kill9() {
        process?.kill9()
        process = nil
    }

    /// Every start's log, in order.
    var log: String {
        logs.map { (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "" }.joined(separator: "\n")
    }

    /// The log of the current (or last) start.
    var lastLog: String {
        logs.last.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
    }

    /// The key as `dig -y` and `nsupdate -y` take it.
    var keyArgument: String { "hmac-sha256:update-key:\(Base64.encodeString(key.secret))" }

    /// Runs BIND's nsupdate with `commands` (the server and key are set here; another
    /// key in `-y` form may be given).
    func nsupdate(_ commands: String, key: String? = nil) throws -> (status: Int32, output: String) {
        guard let nsupdate = Peers.find("nsupdate") else { throw Peers.Missing(name: "nsupdate") }
        let script = "server \(address) \(port)\n" + commands + (commands.hasSuffix("\n") ? "" : "\n")
        return try Shell.run(nsupdate, ["-y", key ?? keyArgument, "-t", "5"], input: script)
    }

    /// Runs dig against the primary.
    func dig(_ arguments: [String]) throws -> String {
        guard let dig = Peers.find("dig") else { throw Peers.Missing(name: "dig") }
        return try Shell.run(dig, ["@\(address)", "-p", String(port), "+tries=1", "+time=5"] + arguments).output
    }

    /// The records of a TSIG-signed AXFR (dig verifies every message's signature), and
    /// dig's whole output.
    func axfr(_ zone: String) throws -> (records: [String], output: String) {
        let output = try dig(["-y", keyArgument, zone, "AXFR"])
        let records = output.split(separator: "\n").filter { !$0.hasPrefix(";") && !$0.isEmpty }.map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }.filter { !$0.contains(" ANY TSIG ") }
        return (records, output)
    }

    /// The serial the primary serves for `zone`, asked with the key from 127.0.0.1.
    func serial(_ zone: DomainName) -> UInt32? {
        guard let answer = try? UpdateClient(port: port, key: key).query(zone, .soa), answer.header.rcode == .noError else { return nil }
        for record in answer.answers { if case .soa(let soa) = record.rdata { return soa.serial } }
        return nil
    }

    func remove() {
        stop()
        scratch.remove()
    }
}

/// Runs a program with optional standard input (killed by pid after 60 s); status,
/// and its standard output followed by its standard error.
enum Shell {
    static func run(_ path: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
        let result = try CommandRunner.run(path, arguments, input: input)
        return (result.status, result.stdout + result.stderr)
    }
}

/// A blocking UPDATE and query client for tests: builds messages, signs them with the
/// key, checks the answer's ID and signature.
struct UpdateClient: Sendable {
    var server = "127.0.0.1"
    var port: UInt16
    var key: TSIGKey?
    var timeout: TimeInterval = 3

    struct Answer: Sendable {
        var message: Message
        var signatureValid: Bool
    }

    /// Sends one UPDATE for `zone` over UDP.
    func update(zone: DomainName, prerequisites: [ResourceRecord] = [], updates: [ResourceRecord], edns: Bool = false) throws -> Message {
        var message = Message(header: MessageHeader(id: UInt16.random(in: 1...0xFFFF)))
        message.header.opcode = .update
        message.zones = [Question(name: zone, type: .soa)]
        message.prerequisites = prerequisites
        message.updates = updates
        if edns { message.edns = EDNS(udpPayloadSize: 1232) }
        return try exchange(message).message
    }

    func query(_ name: DomainName, _ type: RRType) throws -> Message {
        var message = Message(header: MessageHeader(id: UInt16.random(in: 1...0xFFFF)), questions: [Question(name: name, type: type)])
        message.header.recursionDesired = false
        return try exchange(message).message
    }

    func exchange(_ message: Message) throws -> Answer {
        var wire = message.encode()
        var mac: [UInt8]?
        let now = UInt64(time(nil))
        if let key {
            let signed = TSIGSigner.sign(wire, key: key, timeSigned: now)
            wire = signed.wire
            mac = signed.mac
        }
        let answerWire = try DNSProbe.exchange(wire, server: server, port: port, timeout: timeout)
        let answer = try Message(wire: answerWire)
        guard answer.header.id == message.header.id, answer.header.isResponse else {
            throw DNSProbe.Failure(description: "answer with ID \(answer.header.id) to request \(message.header.id)")
        }
        var valid = false
        if let key, let mac, case .valid = TSIGVerifier.verify(answerWire, answer, keyring: TSIGKeyring([key]), now: UInt64(time(nil)), requestMAC: mac) {
            valid = true
        }
        return Answer(message: answer, signatureValid: valid)
    }

    static func a(_ owner: DomainName, _ address: String, ttl: UInt32 = 300) -> ResourceRecord {
        ResourceRecord(owner: owner, type: .a, rrClass: .in, ttl: ttl, rdata: .a(A(IPv4Address(address)!)))
    }

    /// Class ANY, empty RDATA: delete the RRset (RFC 2136 §2.5.2).
    static func deleteRRSet(_ owner: DomainName, _ type: RRType) -> ResourceRecord {
        ResourceRecord(owner: owner, type: type, rrClass: .any, ttl: 0, rdata: .unknown(UnknownRData(type: type, data: [])))
    }

    /// Class NONE: delete one record (RFC 2136 §2.5.4).
    static func deleteRecord(_ record: ResourceRecord) -> ResourceRecord {
        ResourceRecord(owner: record.owner, type: record.type, rrClass: .none, ttl: 0, rdata: record.rdata)
    }
}
