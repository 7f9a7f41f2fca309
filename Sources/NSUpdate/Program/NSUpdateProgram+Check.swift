import DNSCore
#if canImport(Glibc)
import Glibc
#endif

extension NSUpdateProgram {
    /// `--check`: the whole script is read and every problem reported with its line;
    /// nothing is sent and no name is resolved. Exit 1 when there are errors.
    func runCheck() throws(Fatal) -> Int32 {
        try setUpFamilies()
        let fd = try openInput()
        defer { if fd > 2 { close(fd) } }
        var checker = ScriptChecker(path: inputName)
        // Key problems are findings too, not reasons to stop.
        let keyOutput = CapturedOutput()
        let quietProgram = NSUpdateProgram(options: options, program: program, output: keyOutput, resolver: OfflineResolver())
        quietProgram.families = families
        var session: UpdateSession
        do {
            session = try quietProgram.makeSession(resolver: OfflineResolver())
        } catch {
            checker.report(line: 0, check: "key", error.message)
            session = UpdateSession(configuration: UpdateSession.Configuration(port: options.port, families: families,
                                                                               localOnly: options.localOnly, versionText: Self.version),
                                    defaultServers: [], resolver: OfflineResolver())
        }
        for line in keyOutput.standardError.split(separator: "\n") {
            checker.report(line: 0, severity: .warning, check: "key", String(line) + " (updates would go unsigned)")
        }

        var reader = ScriptLineReader(fileDescriptor: fd)
        var lineNumber = 0
        var pendingSince: Int?
        while let line = reader.nextLine() {
            lineNumber = reader.physicalLine
            let before = session.updates.count + session.prerequisites.count
            switch session.execute(line: line, number: lineNumber) {
            case .more, .print:
                break
            case .warn(let text):
                checker.report(line: lineNumber, severity: .warning, check: "unsupported", text)
            case .syntaxError(var error):
                error.message += Self.fragmentNote(reader)
                checker.refused(line: lineNumber, error)
            case .send:
                checker.checkMessage(updates: session.updates, lines: session.updateLines, zone: session.userZone,
                                     rrClass: session.zoneClass ?? session.defaultClass)
                session.finishSend(answer: nil, resetZoneClass: true)
                pendingSince = nil
                continue
            case .quit:
                if let pendingSince {
                    checker.report(line: lineNumber, severity: .warning, check: "not-sent",
                                   "quit drops the update begun on line \(pendingSince); nothing after the last send is sent")
                }
                return finishCheck(checker)
            }
            if pendingSince == nil && session.updates.count + session.prerequisites.count > before {
                pendingSince = lineNumber
            }
        }
        if let pendingSince {
            checker.checkMessage(updates: session.updates, lines: session.updateLines, zone: session.userZone,
                                 rrClass: session.zoneClass ?? session.defaultClass)
            checker.report(line: lineNumber, severity: .warning, check: "not-sent",
                           "the input ends without 'send' or a blank line: the update begun on line \(pendingSince) would be dropped")
        }
        return finishCheck(checker)
    }

    private func finishCheck(_ checker: ScriptChecker) -> Int32 {
        output.out(options.json ? checker.json() : checker.text())
        return checker.errorCount > 0 ? 1 : 0
    }
}
