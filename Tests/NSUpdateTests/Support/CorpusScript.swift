import Foundation

/// One nsupdate script of the corpus: the text, with `@ZONE@`, `@SERVER@`, `@PORT@`,
/// `@KEYS@`, `@RESOLV@` and `@CLOSEDPORT@` filled in per run (and `@PAD:N@` by blanks
/// that make its line N bytes long), and what its header
/// comments (lines nsupdate itself skips) say:
///
///     ; title: what it shows
///     ; args: command-line arguments (same placeholders)
///     ; stdin: yes            (the script goes to standard input, not as a file)
///     ; expect: N            (BIND's exit status, checked so the corpus stays honest)
///     ; error-line: N        (nsupdate-swift's message must name this line)
///     ; error-text: TEXT     (nsupdate-swift's standard error must contain this)
///     ; differs: WHY         (a documented difference from BIND: then `expect` is BIND's
///     ; swift-expect: N       status and `swift-expect` ours, and nothing else is compared)
struct CorpusScript {
    var name: String
    var text: String

    var title: String { header("title") ?? name }
    var arguments: String { header("args") ?? "" }
    var usesStandardInput: Bool { header("stdin") == "yes" }
    var expectedStatus: Int32? { header("expect").flatMap { Int32($0) } }
    var errorLine: Int? { header("error-line").flatMap { Int($0) } }
    var errorText: String? { header("error-text") }
    var difference: String? { header("differs") }
    var swiftExpectedStatus: Int32? { header("swift-expect").flatMap { Int32($0) } }

    func header(_ key: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line[...]
            let prefix = "; \(key): "
            if trimmed.hasPrefix(prefix) { return String(trimmed.dropFirst(prefix.count)) }
        }
        return nil
    }

    /// The scripts in `Corpus/`, in name order.
    static func load() throws -> [CorpusScript] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".nsupdate") }.sorted()
        return try names.map { name in
            CorpusScript(name: name, text: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// Cases too large to keep as files: lines past BIND's 128 KiB input buffer.
    static var generated: [CorpusScript] {
        let split = "update add long.@ZONE@ 300 TXT a" + String(repeating: " ", count: 200_000) + "b"
        let exact = "update add exact.@ZONE@ 300 TXT a@PAD:131071@"
        return [
            CorpusScript(name: "G1-overlong-line.nsupdate", text: """
                ; title: a line over 131071 bytes is read in two pieces; the second is not a command
                ; args: -k @KEYS@/upd.key
                ; expect: 1
                ; error-line: 8
                ; error-text: the line is longer than 131071 bytes
                server @SERVER@
                zone @ZONE@
                \(split)
                send

                """),
            CorpusScript(name: "G2-line-of-131071-bytes.nsupdate", text: """
                ; title: a line of exactly 131071 bytes: its newline is read as a blank line, which sends
                ; args: -k @KEYS@/upd.key
                ; expect: 0
                server @SERVER@
                zone @ZONE@
                \(exact)
                update add after.@ZONE@ 300 A 192.0.2.200

                """),
        ]
    }
}
