import Foundation

/// BIND's `named-compilezone`, used as the reference for presentation format: what it
/// accepts and how it prints each record.
enum BINDOracle {
    static let candidates = ["/usr/bin/named-compilezone", "/usr/sbin/named-compilezone", "/usr/local/bin/named-compilezone", "/usr/local/sbin/named-compilezone"]

    /// NAMED_COMPILEZONE names the tool; otherwise the usual places are searched.
    static var path: String? {
        if let chosen = ProcessInfo.processInfo.environment["NAMED_COMPILEZONE"] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// DNSPLANE_REQUIRE_PEERS=1 turns a missing peer tool into a failure.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["DNSPLANE_REQUIRE_PEERS"] == "1" }

    /// Run the oracle tests when the tool is there, or when it is required (and then
    /// fail for its absence).
    static var shouldRun: Bool { path != nil || isRequired }

    static let header = "$ORIGIN example.\n$TTL 300\n@ SOA ns hostmaster 1 3600 900 604800 300\n@ NS ns\nns A 192.0.2.1\n"
    static let headerLines = 5

    struct Result {
        var succeeded: Bool
        /// RDATA text by owner name (absolute, lower case), blanks collapsed.
        var rdata: [String: String]
        var messages: String
    }

    /// Compiles a zone for `example.` holding `records` after an SOA and an NS, and
    /// returns each record's RDATA as BIND prints it with `-s full`.
    static func compile(_ records: [(owner: String, type: String, rdata: String)]) throws -> Result {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        var zone = header
        for record in records { zone += "\(record.owner) \(record.type) \(record.rdata)\n" }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dnsplane-oracle-\(UUID().uuidString).zone")
        try zone.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-i", "none", "-k", "ignore", "-s", "full", "-o", "-", "example.", file.path]
        // One pipe for both streams, read to the end before waiting: two pipes read one
        // after the other could stall on a full buffer.
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        var rdata: [String: String] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 4 else { continue }
            rdata[fields[0].lowercased()] = fields.dropFirst(4).joined(separator: " ")
        }
        return Result(succeeded: process.terminationStatus == 0, rdata: rdata,
                      messages: String(decoding: output, as: UTF8.self))
    }

    /// BIND's messages with the record each line number refers to.
    static func explain(_ messages: String, records: [(owner: String, type: String, rdata: String)]) -> String {
        messages.split(separator: "\n").map { line -> String in
            guard let range = line.range(of: #"\.zone:[0-9]+:"#, options: .regularExpression),
                  let number = Int(line[range].dropFirst(6).dropLast()) else { return String(line) }
            let index = number - headerLines - 1
            guard records.indices.contains(index) else { return String(line) }
            return "\(line)  <- \(records[index].type) \(records[index].rdata)"
        }.joined(separator: "\n")
    }

    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
