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
            // named-checkzone -h prints the usage and exits 1, as for a bad command line.
            return Output(stdout: "", stderr: NamedCheckzoneOptions.usage + "\n", exitStatus: 1)
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
            // With -w the compile resolves relative paths against the directory, and
            // names files as given, as named-checkzone does after its chdir.
            result = Compiler.compile(file: file, options: compileOptions)
        } else {
            // BIND loads nothing without a file, and reports the empty zone.
            result = Compiler.compile(bytes: [], name: options.zoneName, options: compileOptions)
        }

        let (loadTime, postLoad) = bindOrdered(result)
        var messages = ""
        func print(_ diagnostics: [Diagnostic]) {
            for diagnostic in diagnostics {
                let line = diagnostic.bindMessage ?? "\(zoneLabel): \(diagnostic.message)"
                if !line.isEmpty { messages += line + "\n" }
            }
        }
        print(loadTime)
        var dumped = ""
        let status: Int32
        if let failure = loadTime.first(where: { $0.severity == .error }) {
            // BIND stops at a failed load: no post-load checks, and the first error's
            // result in the summary.
            let file = options.file ?? options.zoneName
            messages += "\(zoneLabel): loading from master file \(file) failed: \(failure.bindResult ?? "syntax error")\n"
            messages += "\(zoneLabel): not loaded due to errors.\n"
            status = 1
        } else if postLoad.contains(where: { $0.severity == .error }) {
            print(postLoad)
            messages += "\(zoneLabel): not loaded due to errors.\n"
            status = 1
        } else {
            print(postLoad)
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

    /// The findings in the order BIND makes them: load-time ones (with a file and line)
    /// in reading order, `$INCLUDE`d files where they were included; then the post-load
    /// checks, which stop early as BIND's do.
    static func bindOrdered(_ result: CompileResult) -> (loadTime: [Diagnostic], postLoad: [Diagnostic]) {
        var loadTime: [(key: [Int32], diagnostic: Diagnostic)] = []
        var postLoad: [(rank: Int, owner: [UInt8], step: Int, diagnostic: Diagnostic)] = []
        for diagnostic in result.diagnostics {
            if isLoadTime(diagnostic) {
                loadTime.append((readingOrder(diagnostic.location, result.files), diagnostic))
            } else {
                let (rank, step) = postLoadRank(diagnostic.check)
                postLoad.append((rank, rank == 4 ? (diagnostic.owner?.canonicalSortKey ?? []) : [], step, diagnostic))
            }
        }
        // Sorting is stable: findings on one line keep the order they were made.
        loadTime.sort { $0.key.lexicographicallyPrecedes($1.key) }
        postLoad.sort { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.owner != b.owner { return a.owner.lexicographicallyPrecedes(b.owner) }
            return a.step < b.step
        }
        // A missing SOA or NS, or an apex NS without address, ends the checks; so
        // does an unusable NSEC3PARAM.
        if postLoad.contains(where: { $0.rank < 3 && $0.diagnostic.severity == .error }) {
            postLoad.removeAll { $0.rank >= 3 }
        } else if postLoad.contains(where: { $0.rank == 3 && $0.diagnostic.severity == .error }) {
            postLoad.removeAll { $0.rank > 3 }
        }
        return (loadTime.map(\.diagnostic), postLoad.map(\.diagnostic))
    }

    /// Where a finding is in the order the files were read: the lines of the
    /// `$INCLUDE`s leading to it, outermost first, then its own line and column.
    static func readingOrder(_ location: SourceLocation?, _ files: SourceFileTable) -> [Int32] {
        guard let location else { return [Int32.max] }
        var key = files.includeChain(of: location).reversed().flatMap { [$0.line, $0.column] }
        key += [location.line, location.column]
        return key
    }

    /// zone_postload's order: apex NS targets and the SOA and NS counts, then the
    /// NSEC3PARAM checks, then the integrity checks name by name (in canonical order;
    /// at one name delegation NS, MX, SRV, then SPF), duplicates and CDS. An error in
    /// the first two stages ends the checks.
    static func postLoadRank(_ check: CheckID) -> (rank: Int, step: Int) {
        switch check {
        case .apexNSNoAddress: return (0, 0)
        case .soaMissing: return (1, 0)
        case .nsMissing: return (2, 0)
        case .nsec3paramUnsupported, .nsec3paramIterations: return (3, 0)
        case .delegationNSNoAddress, .glueMissing, .siblingGlueMissing: return (4, 0)
        case .mxTargetIsCNAME, .mxTargetNoAddress: return (4, 1)
        case .srvTargetIsCNAME, .srvTargetNoAddress: return (4, 2)
        case .spfWithoutTXT: return (4, 3)
        case .duplicateRecords: return (5, 0)
        case .cdsDNSKEYMismatch: return (5, 1)
        default: return (6, 0)
        }
    }

    static func isLoadTime(_ diagnostic: Diagnostic) -> Bool {
        guard let bind = diagnostic.bindMessage else { return diagnostic.location != nil }
        return !bind.hasPrefix("zone ")
    }

    /// named-checkzone says "(DNSSEC signed)" when the apex DNSKEY RRset is signed and
    /// there is a signed NSEC RRset or a usable NSEC3PARAM at the apex (BIND's
    /// iszonesecure).
    static func isSigned(_ zone: Zone) -> Bool {
        guard let apex = zone.node(zone.origin), apex.has(.dnskey) else { return false }
        // One RRSIG RRset per covered type: look at all of them.
        let covered = Set(apex.rrsets.filter { $0.type == .rrsig }.flatMap(\.rdatas).compactMap { rdata -> RRType? in
            if case .rrsig(let signature) = rdata { return signature.typeCovered }
            return nil
        })
        guard covered.contains(.dnskey) else { return false }
        if apex.has(.nsec) && covered.contains(.nsec) { return true }
        return apex.rrset(.nsec3param)?.rdatas.contains { rdata in
            if case .nsec3param(let parameters) = rdata { return parameters.hashAlgorithm == 1 && parameters.flags == 0 }
            return false
        } ?? false
    }
}
