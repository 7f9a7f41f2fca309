import Foundation

/// One named-checkzone run to compare: a zone file in a directory, the zone name and
/// the flags. Both tools get `-w DIRECTORY` and the file name relative to it, so
/// `$INCLUDE` paths and the file names in messages are the same for both.
struct CheckzoneCase: Sendable {
    /// The corpus file name, or `generated #N`.
    var name: String
    var zoneName: String
    var flags: [String]
    var directory: String
    var file: String
    /// named-checkzone's exit status, recorded in the corpus (`; expect:`).
    var expectedStatus: Int32?
    /// Why we knowingly differ (`; differs:`), pointing into docs/checkzone-differences.md.
    var knownDifference: String?
    /// Our exit status where it knowingly differs (`; ours:`).
    var oursStatus: Int32?
    /// The zone text of a generated case, for reports.
    var text: String?

    var arguments: [String] { ["-w", directory] + flags + [zoneName, file] }

    /// Our expected exit status: the recorded difference, else BIND's.
    var expectedOursStatus: Int32? { oursStatus ?? expectedStatus }
}

/// The hand-written corpus in `Corpus/checkzone`: `*.zone` files, each starting with
/// `; key: value` header lines (see the README there).
enum CheckzoneCorpus {
    static let directory: String = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return here.appendingPathComponent("Corpus/checkzone").path
    }()

    static func load() throws -> [CheckzoneCase] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".zone") }
            .sorted()
        return try names.map { try parse(name: $0) }
    }

    static func parse(name: String) throws -> CheckzoneCase {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name))
        let text = String(decoding: data, as: UTF8.self)
        var header: [String: String] = [:]
        // "\r\n" is one Character, so split on any line end.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            guard line.hasPrefix("; "), let colon = line.firstIndex(of: ":") else { break }
            let key = line[line.index(line.startIndex, offsetBy: 2)..<colon].trimmingCharacters(in: .whitespaces)
            header[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return CheckzoneCase(
            name: name,
            zoneName: header["zone"] ?? "example.com",
            flags: (header["args"] ?? "").split(separator: " ").map(String.init),
            directory: directory,
            file: name,
            expectedStatus: header["expect"].flatMap { Int32($0) },
            knownDifference: header["differs"],
            oursStatus: header["ours"].flatMap { Int32($0) }
        )
    }
}
