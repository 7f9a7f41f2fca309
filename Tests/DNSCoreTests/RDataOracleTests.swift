import Foundation
import Testing
import TestSupport
@testable import DNSCore

/// Our presentation format against BIND's: every record of `RDataOracleCases.valid`
/// must render exactly as `named-compilezone` renders it, and every input of
/// `RDataOracleCases.invalid` must be rejected by both.
@Suite("RDATA text against BIND named-compilezone")
struct RDataOracleTests {
    static let origin: DomainName = "example."

    @Test("BIND 9.18 oracle: same records accepted, same rendering, same rejections",
          .enabled(if: BINDOracle.shouldRun, "named-compilezone not found: skipped (set DNSPLANE_REQUIRE_PEERS=1 to make this a failure)"))
    func oracle() async throws {
        // Starts processes and waits on them: off the cooperative pool (two threads here).
        try await onBlockingThread { try runOracle() }
    }

    func runOracle() throws {
        guard BINDOracle.path != nil else {
            Issue.record("DNSPLANE_REQUIRE_PEERS=1 but named-compilezone is not installed")
            return
        }
        // BIND shows signature times near its clock; so do we here.
        let now = Int64(Date().timeIntervalSince1970)

        // Every type with a codec has cases.
        let covered = Set(RDataOracleCases.valid.map(\.0.rawValue))
        for code in RData.formats.keys where !covered.contains(code) && !RDataOracleCases.notInZones.contains(RRType(code)) {
            Issue.record("no oracle case for \(RRType(code))")
        }

        var records: [(owner: String, type: String, rdata: String)] = []
        var ours: [String: String] = [:]
        for (index, (type, text)) in RDataOracleCases.valid.enumerated() {
            let owner = "r\(index)"
            records.append((owner, type.description, text))
            do {
                let rdata = try RData(type: type, text: text, origin: Self.origin)
                var writer = RDataTextWriter(timeReference: now)
                rdata.writeText(to: &writer)
                ours["\(owner).example."] = writer.text
            } catch {
                Issue.record("we reject \(type) \(text): \(error)")
            }
        }
        let result = try BINDOracle.compile(records)
        #expect(result.succeeded, "BIND rejected the zone:\n\(BINDOracle.explain(result.messages, records: records))")
        var compared = 0
        for (index, (type, text)) in RDataOracleCases.valid.enumerated() {
            let owner = "r\(index).example."
            guard let bind = result.rdata[owner] else {
                Issue.record("BIND printed nothing for \(type) \(text)")
                continue
            }
            guard let mine = ours[owner] else { continue }
            #expect(BINDOracle.normalised(mine) == bind, "\(type) \(text)")
            compared += 1
        }
        #expect(compared == RDataOracleCases.valid.count)

        for (type, text) in RDataOracleCases.invalid {
            let bind = try BINDOracle.compile([("bad", type.description, text)])
            #expect(!bind.succeeded, "BIND accepts \(type) \(text); the case is wrong")
            #expect(throws: TextError.self, "we accept \(type) \(text)") {
                try RData(type: type, text: text, origin: Self.origin)
            }
        }
    }
}
