import ArgumentParser
import ZoneCompiler

/// `dnsplane check`: lint zone files or folders of `<origin>.zone` files for CI.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check zone files with every check, in one pass.",
        discussion: """
        Each PATH is a zone file (its name minus .zone is the origin) or a folder of such files.
        Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage or I/O errors.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github, sarif
    }

    enum IncludeBase: String, ExpressibleByArgument, CaseIterable {
        case cwd, file
    }

    @Option(help: "Output format: text, json, github (workflow annotations) or sarif (2.1.0).")
    var format: Format = .text

    @Option(name: .customLong("severity"), help: ArgumentHelp("Set a check's severity, e.g. ns-count=off. Repeatable.", valueName: "ID=error|warning|off"))
    var severities: [String] = []

    @Option(help: "The origin of a single FILE whose name is not <origin>.zone.")
    var origin: String?

    @Option(help: ArgumentHelp("The previous version (a file, or a folder of <origin>.zone files): the serial must have increased, and no more than --max-change-ratio of its records may be gone.", valueName: "PATH"))
    var previous: String?

    @Option(name: .customLong("max-change-ratio"), help: ArgumentHelp("With --previous: the share of the previous version's records a zone may lose (1 allows any).", valueName: "R"))
    var maxChangeRatio: Double = 0.5

    @Option(name: .customLong("max-ttl"), help: "The largest TTL allowed (seconds or 1d2h form).")
    var maxTTL: String?

    @Option(name: .customLong("include-base"), help: "Resolve relative $INCLUDE paths from the working directory (cwd, as BIND does) or from the including file (file).")
    var includeBase: IncludeBase = .cwd

    @Argument(help: "Zone files or folders of <origin>.zone files.")
    var paths: [String]

    func run() throws {
        var policy = CheckPolicy.dnsplane
        for override in severities {
            do { try policy.apply(override: override) } catch { throw ValidationError(error.description) }
        }
        if let maxTTL {
            guard let ttl = TTLText.parse(maxTTL) else { throw ValidationError("--max-ttl: bad TTL '\(maxTTL)'") }
            policy.maxTTL = ttl
        }
        guard (0...1).contains(maxChangeRatio) else { throw ValidationError("--max-change-ratio must be between 0 and 1") }
        let sources = try collectSources()
        var reports: [ZoneReport] = []
        for source in sources {
            var options = CompileOptions(origin: source.origin, policy: policy,
                                         includeBase: includeBase == .file ? .includingFile : .workingDirectory)
            let previousZone = previousVersion(of: source)
            options.previousSerial = previousZone?.soa?.serial
            var result = Compiler.compile(file: source.path, options: options)
            if let previousZone, let finding = ChangeRatioGuard(maxRatio: maxChangeRatio)
                .finding(result.zone, previous: previousZone, severity: policy.severity(of: .changeRatio)) {
                result.diagnostics.append(finding)
            }
            reports.append(ZoneReport(origin: source.origin, path: source.path, result: result))
        }
        switch format {
        case .text: FileHandleOutput.standardOutput(TextRenderer.render(reports))
        case .json: FileHandleOutput.standardOutput(JSONRenderer.render(reports))
        case .github: FileHandleOutput.standardOutput(GitHubRenderer.render(reports))
        case .sarif: FileHandleOutput.standardOutput(SARIFRenderer.render(reports, toolVersion: DNSPlane.version))
        }
        // A zone file that could not be opened at all is an I/O error, not a finding.
        let unreadable = reports.contains { report in
            report.result.diagnostics.contains { $0.check == .includeFailed && $0.location?.file == 0 && $0.location?.line == 0 }
        }
        if unreadable { throw ExitCode(2) }
        if reports.contains(where: { $0.result.hasErrors }) { throw ExitCode(1) }
    }

    private func collectSources() throws -> [ZoneSourceFiles.Source] {
        if origin != nil && (paths.count != 1 || ZoneSourceFiles.kind(of: paths[0]) != .file) {
            throw ValidationError("--origin applies to a single zone file")
        }
        var sources: [ZoneSourceFiles.Source] = []
        for path in paths {
            switch ZoneSourceFiles.kind(of: path) {
            case .missing:
                FileHandleOutput.standardError("dnsplane: cannot read \(path): no such file or directory\n")
                throw ExitCode(2)
            case .directory:
                let files: [String]
                do { files = try ZoneSourceFiles.zoneFiles(in: path) } catch {
                    FileHandleOutput.standardError("dnsplane: cannot read \(error)\n")
                    throw ExitCode(2)
                }
                if files.isEmpty {
                    FileHandleOutput.standardError("dnsplane: \(path) holds no <origin>.zone files\n")
                    throw ExitCode(2)
                }
                for file in files {
                    guard let origin = ZoneSourceFiles.origin(forFile: file) else {
                        FileHandleOutput.standardError("dnsplane: \(file): the file name is not a valid origin\n")
                        throw ExitCode(2)
                    }
                    sources.append(.init(origin: origin, path: file))
                }
            case .file:
                if let origin {
                    guard let name = try? DomainName(origin, origin: .root) else {
                        throw ValidationError("--origin: bad domain name '\(origin)'")
                    }
                    sources.append(.init(origin: name, path: path))
                } else if let implied = ZoneSourceFiles.origin(forFile: path) {
                    sources.append(.init(origin: implied, path: path))
                } else {
                    throw ValidationError("\(path): name the file <origin>.zone or give --origin")
                }
            }
        }
        return sources
    }

    /// The same zone in `--previous`, when there is one to compare with.
    private func previousVersion(of source: ZoneSourceFiles.Source) -> Zone? {
        guard let previous else { return nil }
        var path = previous
        if ZoneSourceFiles.kind(of: previous) == .directory {
            let base = source.path.split(separator: "/").last.map(String.init) ?? source.path
            path = previous.hasSuffix("/") ? previous + base : previous + "/" + base
        }
        guard ZoneSourceFiles.kind(of: path) == .file else { return nil }
        let options = CompileOptions(origin: source.origin, policy: CheckPolicy(profile: .namedCheckzone))
        return Compiler.compile(file: path, options: options).zone
    }
}
