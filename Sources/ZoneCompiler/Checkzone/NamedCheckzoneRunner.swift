/// Runs a check with named-checkzone's options and renders named-checkzone's output:
/// the findings as BIND words them, then "loaded serial N" and "OK", or "not loaded
/// due to errors." — with the same exit status, 0 or 1.
public enum NamedCheckzoneRunner {
    public struct Output: Sendable {
        /// What goes to standard output (BIND prints its messages there, except with -D).
        public var stdout: String
        public var stderr: String
        public var exitStatus: Int32
        /// The zone to write to the `-o` file, when the check passed.
        public var fileDump: String?
    }

    public static func run(_ options: NamedCheckzoneOptions, toolVersion: String) -> Output {
        if options.version {
            return Output(stdout: "dnsplane \(toolVersion) (named-checkzone 9.18 compatible)\n", stderr: "", exitStatus: 0)
        }
        if options.help {
            return Output(stdout: "", stderr: NamedCheckzoneOptions.usage + "\n", exitStatus: 0)
        }
        let origin: DomainName
        do {
            origin = try DomainName(options.zoneName, origin: .root)
        } catch {
            return Output(stdout: "", stderr: "named-checkzone: bad zone name '\(options.zoneName)': \(error)\n", exitStatus: 1)
        }
        var compileOptions = CompileOptions(origin: origin, rrClass: options.rrClass, policy: options.policy)
        if let directory = options.workingDirectory { compileOptions.includeBase = .directory(directory) }
        let zoneLabel = "zone \(origin.bindText)/\(options.rrClass)"

        let result: CompileResult
        if let file = options.file {
            var path = file
            if let directory = options.workingDirectory, !file.hasPrefix("/"), file != "-" {
                path = directory.hasSuffix("/") ? directory + file : directory + "/" + file
            }
            result = Compiler.compile(file: path, options: compileOptions)
        } else {
            // BIND loads nothing without a file, and reports the empty zone.
            result = Compiler.compile(bytes: [], name: options.zoneName, options: compileOptions)
        }

        var messages = ""
        for diagnostic in bindOrdered(result.diagnostics) {
            let line = diagnostic.bindMessage ?? "\(zoneLabel): \(diagnostic.message)"
            if !line.isEmpty { messages += line + "\n" }
        }
        var dumped = ""
        let status: Int32
        if result.hasErrors {
            if let failure = result.loadFailure {
                messages += "\(zoneLabel): loading from master file \(options.file ?? options.zoneName) failed: \(failure)\n"
            }
            messages += "\(zoneLabel): not loaded due to errors.\n"
            status = 1
        } else {
            let serial = result.zone.soa?.serial ?? 0
            messages += "\(zoneLabel): loaded serial \(serial)\(isSigned(result.zone) ? " (DNSSEC signed)" : "")\n"
            messages += "OK\n"
            status = 0
            if options.dump || options.outputFile == "-" {
                dumped = CanonicalZoneWriter.write(result.zone, style: options.outputStyle)
            }
        }
        var fileDump: String?
        if status == 0, let file = options.outputFile, file != "-" {
            fileDump = CanonicalZoneWriter.write(result.zone, style: options.outputStyle)
        }
        if options.quiet { return Output(stdout: dumped, stderr: "", exitStatus: status, fileDump: fileDump) }
        // With a dump on standard output, BIND moves its messages to standard error.
        if !dumped.isEmpty { return Output(stdout: dumped, stderr: messages, exitStatus: status, fileDump: fileDump) }
        return Output(stdout: messages, stderr: "", exitStatus: status, fileDump: fileDump)
    }

    /// BIND prints load-time messages (those with a file and line) first, then the
    /// post-load checks.
    static func bindOrdered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let loadTime = diagnostics.filter { isLoadTime($0) }
        let postLoad = diagnostics.filter { !isLoadTime($0) }
        return loadTime + postLoad
    }

    static func isLoadTime(_ diagnostic: Diagnostic) -> Bool {
        guard let bind = diagnostic.bindMessage else { return diagnostic.location != nil }
        return !bind.hasPrefix("zone ")
    }

    /// named-checkzone says "(DNSSEC signed)" for a zone with a DNSKEY and NSEC or
    /// NSEC3PARAM at its apex.
    static func isSigned(_ zone: Zone) -> Bool {
        guard let apex = zone.node(zone.origin), apex.has(RRType.dnskey) else { return false }
        return apex.has(RRType.nsec) || apex.has(RRType.nsec3param)
    }
}
