import DNSCore
import Foundation
import TestSupport

/// One BIND named with two fresh zones per corpus script, one for BIND's nsupdate and
/// one for nsupdate-swift, all starting from the same text, so no reset is needed
/// between runs: each run has its zone, and the two are compared by AXFR afterwards.
/// Zone names are the same length for both (`c07-b.test`, `c07-s.test`) so that
/// output columns line up after the name is normalized.
final class CorpusServer {
    enum Runner: String, CaseIterable {
        case bind = "b"
        case swift = "s"
    }

    let named: NamedServer
    let directory: ScratchDirectory
    let keysDirectory: String
    let resolvConf: String

    /// Every zone starts as this (MNAME 127.0.0.1., so discovery needs no resolver).
    static let zoneText = """
        $TTL 300
        @ IN SOA 127.0.0.1. hostmaster 1 3600 600 86400 300
        @ IN NS ns1
        ns1 IN A 127.0.0.1
        www IN A 192.0.2.10
        www IN A 192.0.2.11
        mail IN MX 10 mx
        mx IN A 192.0.2.25
        txt IN TXT "hello world"
        alias IN CNAME www
        multi IN A 192.0.2.1
        multi IN AAAA 2001:db8::1
        multi IN TXT "t"

        """

    static func zoneName(_ script: CorpusScript, _ runner: Runner) -> String {
        "c\(script.name.prefix(2).lowercased())-\(runner.rawValue).test"
    }

    init(scripts: [CorpusScript]) throws {
        directory = try ScratchDirectory("nsupdate-corpus")
        keysDirectory = directory.path("keys")
        for key in TestKeys.server { try directory.write("keys/\(key.file)", key.statement) }
        for (file, text) in TestKeys.clientFiles { try directory.write("keys/\(file)", text) }
        resolvConf = try directory.write("resolv.conf", "nameserver 127.0.0.1\n")
        var zones: [NamedServer.Zone] = []
        for script in scripts {
            for runner in Runner.allCases {
                let name = Self.zoneName(script, runner)
                let file = try directory.write("zones/\(name).db", Self.zoneText)
                zones.append(NamedServer.Zone(name: name, role: .primary(file: file, allowUpdate: TestKeys.allowUpdate)))
            }
        }
        named = try NamedServer(zones: zones, keys: TestKeys.namedStatements, options: "notify no;")
        try named.start(readyZone: try DomainName(Self.zoneName(scripts[0], .swift) + "."))
    }

    func stop() {
        named.stop()
        directory.remove()
    }

    struct Run {
        var status: Int32
        /// Standard output with the zone name and what differs per run (IDs, TSIG
        /// times and MACs) replaced.
        var output: String
        var stderr: String
        var zone: [String]
        var scriptPath: String
    }

    func substitute(_ text: String, zone: String) -> String {
        var result = text.replacingOccurrences(of: "@ZONE@", with: zone)
            .replacingOccurrences(of: "@SERVER@", with: "127.0.0.1 \(named.port)")
            .replacingOccurrences(of: "@PORT@", with: "\(named.port)")
            .replacingOccurrences(of: "@KEYS@", with: keysDirectory)
            .replacingOccurrences(of: "@RESOLV@", with: resolvConf)
            .replacingOccurrences(of: "@CLOSEDPORT@", with: "9")
        if result.contains("@PAD:") {
            result = result.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                guard let range = line.range(of: "@PAD:"), let end = line[range.upperBound...].firstIndex(of: "@"),
                      let width = Int(line[range.upperBound..<end]) else { return String(line) }
                let without = line[..<range.lowerBound] + line[line.index(after: end)...]
                return String(without) + String(repeating: " ", count: max(0, width - without.utf8.count))
            }.joined(separator: "\n")
        }
        return result
    }

    func run(_ script: CorpusScript, _ runner: Runner) throws -> Run {
        let zone = Self.zoneName(script, runner)
        let text = substitute(script.text, zone: zone)
        let path = try directory.write("scripts/\(zone).nsupdate", text)
        var arguments = substitute(script.arguments, zone: zone).split(separator: " ").map(String.init)
        if !script.usesStandardInput { arguments.append(path) }
        let executable = runner == .bind ? NSUpdateBinary.bind! : NSUpdateBinary.swift
        let result = try CommandRunner.run(executable, arguments, input: script.usesStandardInput ? text : nil, timeout: 60)
        return Run(status: result.status, output: Self.normalize(result.stdout, zone: zone), stderr: result.stderr,
                   zone: try transfer(zone), scriptPath: path)
    }

    /// The zone's records as sorted text, its name replaced by `ZONE`.
    func transfer(_ zone: String) throws -> [String] {
        try DNSProbe.axfr(try DomainName(zone + "."), port: named.port).map { record in
            "\(record.owner) \(record.ttl) \(record.rrClass) \(record.type) \(record.rdata)".replacingOccurrences(of: zone, with: "ZONE")
        }.sorted()
    }

    static let tsigErrors: Set<Substring> = ["NOERROR", "BADSIG", "BADKEY", "BADTIME", "BADTRUNC"]

    static func normalize(_ text: String, zone: String) -> String {
        text.replacingOccurrences(of: zone, with: "ZONE").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if let range = line.range(of: "id: ") {
                return line[..<range.lowerBound] + "id: X"
            }
            if line.contains("\tTSIG\t") {
                // owner TTL class TSIG algorithm [time] fudge [MAC size, MAC, original ID] error
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                return (fields.prefix(5) + fields.dropFirst(6).prefix(1) + fields.dropFirst(7).filter { tsigErrors.contains($0) })
                    .joined(separator: " ")
            }
            return String(line)
        }.joined(separator: "\n")
    }
}
