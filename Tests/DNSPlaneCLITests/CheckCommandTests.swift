import Foundation
import Testing
import TestSupport

@Suite("dnsplane check")
struct CheckCommandTests {
    static let clean = """
    $TTL 300
    @ SOA ns1 hostmaster 1 3600 900 604800 300
    @ NS ns1
    @ NS ns2
    ns1 A 192.0.2.1
    ns2 A 192.0.2.2

    """
    static let broken = clean + "www A 192.0.2.300\nmail CNAME ns1\nmail A 192.0.2.5\n"
    static let warned = clean + "x.*.w TXT \"odd\"\n"

    @Test("Exit status: 0 clean, 0 with warnings only, 1 errors, 2 usage or I/O")
    func exitStatus() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runExitStatus() }
    }

    func runExitStatus() throws {
        let dir = try CLIRunner.directory(["zones/example.zone": Self.clean, "warn/example.zone": Self.warned,
                                           "bad/example.zone": Self.broken, "empty/readme.txt": "x", "db.example": Self.clean])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["check", "zones"], in: dir).status == 0)
        #expect(try CLIRunner.run(["check", "warn"], in: dir).status == 0)
        #expect(try CLIRunner.run(["check", "bad/example.zone"], in: dir).status == 1)
        #expect(try CLIRunner.run(["check", "zones", "bad"], in: dir).status == 1)
        #expect(try CLIRunner.run(["check", "missing.zone"], in: dir).status == 2)
        #expect(try CLIRunner.run(["check", "empty"], in: dir).status == 2)
        #expect(try CLIRunner.run(["check", "db.example"], in: dir).status == 2)
        #expect(try CLIRunner.run(["check", "--origin", "example.", "db.example"], in: dir).status == 0)
        #expect(try CLIRunner.run(["check", "--format", "yaml", "zones"], in: dir).status == 2)
        #expect(try CLIRunner.run(["check", "--severity", "syntax=off", "zones"], in: dir).status == 2)
        #expect(try CLIRunner.run(["check"], in: dir).status == 2)
        #expect(try CLIRunner.run(["check", "--severity", "non-terminal-wildcard=error", "warn"], in: dir).status == 1)
    }

    @Test("Text: file:line:col: severity: message [check-id], and the include chain")
    func text() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runText() }
    }

    func runText() throws {
        let dir = try CLIRunner.directory(["example.zone": Self.clean + "$INCLUDE part.zone\n", "part.zone": "www A 192.0.2.300\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLIRunner.run(["check", "example.zone"], in: dir)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("part.zone:1:7: error: ") == true, "\(lines)")
        #expect(lines.first?.hasSuffix("[bad-rdata]") == true)
        #expect(lines.dropFirst().first == "    included from example.zone:7:10")
        #expect(lines.last == "1 zone checked: 1 error, 0 warnings")
    }

    @Test("JSON: one document with the documented fields")
    func json() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runJson() }
    }

    func runJson() throws {
        let dir = try CLIRunner.directory(["example.zone": Self.broken])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLIRunner.run(["check", "--format", "json", "example.zone"], in: dir)
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        let zones = try #require(document["zones"] as? [[String: Any]])
        #expect(zones.first?["origin"] as? String == "example.")
        #expect(zones.first?["serial"] as? Int == 1)
        let diagnostics = try #require(zones.first?["diagnostics"] as? [[String: Any]])
        let checks = diagnostics.compactMap { $0["check"] as? String }
        #expect(checks.contains("bad-rdata"))
        #expect(checks.contains("cname-and-other-data"))
        for diagnostic in diagnostics {
            for key in ["check", "severity", "message", "file", "line", "column", "owner", "includedFrom"] {
                #expect(diagnostic.keys.contains(key), "missing \(key)")
            }
        }
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == diagnostics.filter { $0["severity"] as? String == "error" }.count)
    }

    @Test("GitHub: workflow command lines with escaped properties")
    func github() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runGithub() }
    }

    func runGithub() throws {
        let dir = try CLIRunner.directory(["example.zone": Self.broken])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLIRunner.run(["check", "--format", "github", "example.zone"], in: dir)
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix("::error file=example.zone,line=") || line.hasPrefix("::warning file=example.zone,"), "\(line)")
            #expect(line.contains(",title="))
        }
    }

    @Test("SARIF 2.1.0: the fields GitHub code scanning requires")
    func sarif() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runSarif() }
    }

    func runSarif() throws {
        let dir = try CLIRunner.directory(["example.zone": Self.broken])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLIRunner.run(["check", "--format", "sarif", "example.zone"], in: dir)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["version"] as? String == "2.1.0")
        #expect((document["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "dnsplane")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(Set(ruleIDs).count == ruleIDs.count)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for item in results {
            let ruleID = try #require(item["ruleId"] as? String)
            let index = try #require(item["ruleIndex"] as? Int)
            #expect(ruleIDs[index] == ruleID)
            #expect(["error", "warning", "note", "none"].contains(item["level"] as? String ?? ""))
            #expect(((item["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let location = try #require((item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "example.zone")
            let line = try #require((location["region"] as? [String: Any])?["startLine"] as? Int)
            #expect(line >= 1)
        }
    }

    @Test("--previous: the serial must increase")
    func previous() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runPrevious() }
    }

    func runPrevious() throws {
        let newer = Self.clean.replacingOccurrences(of: "hostmaster 1 ", with: "hostmaster 2 ")
        let dir = try CLIRunner.directory(["new/example.zone": Self.clean, "old/example.zone": newer, "next/example.zone": newer])
        defer { try? FileManager.default.removeItem(at: dir) }
        let regressed = try CLIRunner.run(["check", "--previous", "old", "new"], in: dir)
        #expect(regressed.status == 1)
        #expect(regressed.stdout.contains("[serial-regression]"))
        #expect(try CLIRunner.run(["check", "--previous", "new/example.zone", "next/example.zone"], in: dir).status == 0)
    }

    @Test("--previous: a version that loses more than --max-change-ratio of the records is an error")
    func changeRatio() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runChangeRatio() }
    }

    func runChangeRatio() throws {
        // 4 records besides the SOA, then 10 hosts more; the next version drops the
        // hosts: 10 of 14 gone (71 %).
        let hosts = (1...10).map { "h\($0) A 192.0.2.\(10 + $0)\n" }.joined()
        let truncated = Self.clean.replacingOccurrences(of: "hostmaster 1 ", with: "hostmaster 2 ")
        let dir = try CLIRunner.directory(["old/example.zone": Self.clean + hosts, "new/example.zone": truncated])
        defer { try? FileManager.default.removeItem(at: dir) }
        let refused = try CLIRunner.run(["check", "--previous", "old", "new"], in: dir)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("[change-ratio]"), "\(refused.stdout)")
        #expect(refused.stdout.contains("removes 10 of 14 records (71 %)"), "\(refused.stdout)")
        #expect(try CLIRunner.run(["check", "--previous", "old", "--max-change-ratio", "0.75", "new"], in: dir).status == 0)
        let warned = try CLIRunner.run(["check", "--previous", "old", "--severity", "change-ratio=warning", "new"], in: dir)
        #expect(warned.status == 0)
        #expect(warned.stdout.contains("[change-ratio]"))
        #expect(try CLIRunner.run(["check", "--max-change-ratio", "1.5", "new"], in: dir).status == 2)
    }

    @Test("compile writes canonical text that checkzone accepts unchanged")
    func compile() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runCompile() }
    }

    func runCompile() throws {
        let dir = try CLIRunner.directory(["example.zone": Self.clean + "www CNAME ns1\n_s._tcp SRV 0 1 80 ns1\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["compile", "example.", "example.zone", "-o", "out.zone"], in: dir).status == 0)
        let out = try String(contentsOf: dir.appendingPathComponent("out.zone"), encoding: .utf8)
        #expect(out.hasPrefix("example."))
        #expect(out.split(separator: "\n").count == 7)
        #expect(try CLIRunner.run(["checkzone", "example.", "out.zone"], in: dir).status == 0)
        #expect(try CLIRunner.run(["compile", "-s", "relative", "example.", "example.zone", "-o", "rel.zone"], in: dir).status == 0)
        #expect(try CLIRunner.run(["checkzone", "example.", "rel.zone"], in: dir).status == 0)
        let broken = try CLIRunner.directory(["example.zone": Self.broken])
        defer { try? FileManager.default.removeItem(at: broken) }
        #expect(try CLIRunner.run(["compile", "example.", "example.zone", "-o", "out.zone"], in: broken).status == 1)
        #expect(!FileManager.default.fileExists(atPath: broken.appendingPathComponent("out.zone").path))
    }

    @Test("checkzone: named-checkzone's output, flags in getopt form, usage errors exit 1")
    func checkzone() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runCheckzone() }
    }

    func runCheckzone() throws {
        let dir = try CLIRunner.directory(["example.zone": Self.clean])
        defer { try? FileManager.default.removeItem(at: dir) }
        let ok = try CLIRunner.run(["checkzone", "-ilocal", "-kfail", "example.", "example.zone"], in: dir)
        #expect(ok.status == 0)
        #expect(ok.stdout == "zone example/IN: loaded serial 1\nOK\n")
        #expect(try CLIRunner.run(["checkzone", "-q", "example.", "example.zone"], in: dir).stdout.isEmpty)
        let dumped = try CLIRunner.run(["checkzone", "-D", "example.", "example.zone"], in: dir)
        #expect(dumped.stdout.hasPrefix("example."))
        #expect(dumped.stderr.contains("loaded serial 1"))
        let usage = try CLIRunner.run(["checkzone", "-i", "bogus", "example.", "example.zone"], in: dir)
        #expect(usage.status == 1)
        #expect(usage.stderr.contains("invalid argument to -i: bogus"))
        let missing = try CLIRunner.run(["checkzone", "example.", "nofile"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("loading from master file nofile failed: file not found"))
    }
}

@Suite("dnsplane keygen")
struct KeygenCommandTests {
    @Test("Prints a key named-checkconf accepts; bad input exits 2")
    func keygen() throws {
        let result = try CLIRunner.run(["keygen", "update.home.arpa"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("key \"update.home.arpa\" {\n\talgorithm hmac-sha256;\n\tsecret \""))
        let secret = result.stdout.split(separator: "\"")[3]
        #expect(Data(base64Encoded: String(secret))?.count == 32)
        #expect(try CLIRunner.run(["keygen", "-a", "hmac-sha512", "k"]).stdout.contains("hmac-sha512"))
        #expect(try CLIRunner.run(["keygen", "-a", "hmac-sha3", "k"]).status == 2)
        #expect(try CLIRunner.run(["keygen", "a..b"]).status == 2)
        if let checkconf = ["/usr/bin/named-checkconf", "/usr/sbin/named-checkconf"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            let dir = try CLIRunner.directory(["key.conf": result.stdout])
            defer { try? FileManager.default.removeItem(at: dir) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: checkconf)
            process.arguments = [dir.appendingPathComponent("key.conf").path]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
    }
}
