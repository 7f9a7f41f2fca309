import Foundation
import Testing
import TestSupport

/// Issue 5's differential test: each script run by BIND's nsupdate and by
/// nsupdate-swift against a real named, each on a fresh copy of the same zone. Both
/// must exit alike, leave the same zone (AXFR) and print the same `show` and `answer`
/// text; where a script is bad input, nsupdate-swift's message must name the line.
@Suite("nsupdate-swift against BIND's nsupdate", .serialized)
struct CorpusTests {
    @Test("corpus: same exit status, same zone, same show output")
    func corpus() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runCorpus() }
    }

    func runCorpus() throws {
        guard Peers.find("named") != nil else { return try Peers.skip("named") }
        guard NSUpdateBinary.bind != nil else { return try Peers.skip("nsupdate") }
        let scripts = try CorpusScript.load() + CorpusScript.generated
        #expect(scripts.count >= 40)
        let server = try CorpusServer(scripts: scripts)
        defer { server.stop() }

        var statusAgree = 0, zonesAgree = 0, outputAgree = 0, compared = 0
        var differences: [String] = []
        for script in scripts {
            let bind = try server.run(script, .bind)
            let swift = try server.run(script, .swift)
            let context = Comment(rawValue: "\(script.name): \(script.title)\nBIND stderr:\n\(bind.stderr)\nnsupdate-swift stderr:\n\(swift.stderr)")
            if let difference = script.difference {
                // Where we do not copy BIND on purpose: check both behave as documented.
                #expect(bind.status == script.expectedStatus, "BIND no longer behaves as documented. \(context)")
                #expect(swift.status == script.swiftExpectedStatus, context)
                differences.append("\(script.name): \(difference)")
                continue
            }
            compared += 1
            if let expected = script.expectedStatus {
                #expect(bind.status == expected, "BIND's exit status is not what the script says. \(context)")
            }
            #expect(swift.status == bind.status, context)
            #expect(swift.zone == bind.zone, context)
            #expect(swift.output == bind.output, context)
            if let line = script.errorLine {
                #expect(swift.stderr.contains("\(swift.scriptPath):\(line):"), "the message does not name line \(line). \(context)")
            }
            if let text = script.errorText {
                #expect(swift.stderr.contains(text), context)
            }
            statusAgree += swift.status == bind.status ? 1 : 0
            zonesAgree += swift.zone == bind.zone ? 1 : 0
            outputAgree += swift.output == bind.output ? 1 : 0
        }
        print("nsupdate corpus: \(scripts.count) scripts, \(compared) compared; exit status agrees \(statusAgree)/\(compared), "
              + "zones agree \(zonesAgree)/\(compared), show/answer output agrees \(outputAgree)/\(compared); "
              + "\(differences.count) documented difference(s):\n" + differences.joined(separator: "\n"))
    }
}
