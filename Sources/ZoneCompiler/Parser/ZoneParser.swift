#if canImport(Glibc)
import Glibc
#endif

/// Reads master files (RFC 1035 §5) into a `ZoneBuilder` the way BIND's loader does,
/// but reports every problem instead of stopping at the first: a bad record costs one
/// diagnostic and the rest of the file is still read and checked.
struct ZoneParser {
    let options: CompileOptions
    var builder: ZoneBuilder
    var sink: DiagnosticSink
    var files = SourceFileTable()

    // TTL state crosses $INCLUDE boundaries in both directions, as in BIND.
    /// The `$TTL` default.
    private var defaultTTL: UInt32?
    /// The last TTL written on a record (RFC 1035 semantics when there is no $TTL).
    private var lastTTL: UInt32?
    /// Paths of the files being read, for cycle detection.
    private var openPaths: [String] = []
    /// A `$DATE` in the past was read: the file is a dump whose TTLs age from then.
    private var datedDump = false
    /// `ttl-inherited` is reported once per compile, as BIND warns once per load.
    private var warnedInheritedTTL = false

    /// Per-file state: restored when an $INCLUDE returns.
    private struct FileState {
        var origin: DomainName
        /// The last owner's wire form, reused from record to record (no allocation);
        /// empty when there is none.
        var lastOwner: [UInt8] = []
        /// `$ORIGIN` (or an `$INCLUDE` origin) changed the origin and no record has
        /// been read since: a blank owner now is probably meant to be the new origin.
        var originChanged = false
        let file: Int32
        let path: String
        let depth: Int
    }

    init(options: CompileOptions) {
        self.options = options
        builder = ZoneBuilder(origin: options.origin, rrClass: options.rrClass)
        sink = DiagnosticSink(policy: options.policy)
    }

    // MARK: Files

    /// Parses a top-level file; `-` is standard input. Diagnostics name it as given.
    mutating func parseFile(path: String) {
        let file = files.add(path: path, includedFrom: nil)
        do {
            let opened = path == "-" ? path : resolve(path, from: "")
            var reader = try ZoneFileReader(path: opened)
            parse(&reader, state: FileState(origin: options.origin, file: file, path: opened, depth: 0))
        } catch {
            // named-checkzone prints only its "loading ... failed" line for this.
            sink.report(.includeFailed, "cannot read \(error)", at: SourceLocation(file: file, line: 0, column: 0),
                        bind: "", result: error.bindResult)
        }
    }

    /// Parses text already in memory, named `name` in diagnostics.
    mutating func parse(bytes: [UInt8], name: String) {
        let file = files.add(path: name, includedFrom: nil)
        var reader = ZoneFileReader(bytes: bytes)
        parse(&reader, state: FileState(origin: options.origin, file: file, path: name, depth: 0))
    }

    private mutating func parse(_ reader: inout ZoneFileReader, state initial: FileState) {
        var state = initial
        var entry = TextEntry()
        openPaths.append(state.path)
        defer {
            openPaths.removeLast()
            reader.close()
        }
        while true {
            do {
                guard try reader.next(into: &entry) else { return }
            } catch {
                switch error {
                case .text(let textError):
                    report(textError, file: state.file)
                    continue
                case .io(let code):
                    sink.report(.includeFailed, "read error in \(state.path): \(String(cString: strerror(code)))",
                                at: SourceLocation(file: state.file, line: Int32(reader.line), column: 1))
                    return
                }
            }
            // BIND takes a quoted "$TTL" for the directive too.
            let first = entry.tokens[0]
            if !entry.leadingBlank && first.end > first.start && entry.bytes[Int(first.start)] == UInt8(ascii: "$") {
                directive(entry, state: &state)
                if reader.entryEndsInput { unterminatedDirective(entry, file: state.file) }
            } else {
                if state.originChanged {
                    if entry.leadingBlank && !state.lastOwner.isEmpty { inheritedOwner(entry, state) }
                    state.originChanged = false
                }
                record(entry, state: &state)
                if reader.entryEndsInput {
                    let last = entry.tokens[entry.tokens.count - 1]
                    report(.noFinalNewline, "the file does not end with a newline", at: last, file: state.file,
                           bind: "\(shown(state.file)):\(last.line): file does not end with newline")
                }
            }
        }
    }

    // MARK: Directives

    private mutating func directive(_ entry: TextEntry, state: inout FileState) {
        let name = entry.tokens[0]
        // BIND reads directive arguments as plain tokens: a quote there is a syntax
        // error, except for the $INCLUDE file name and the $GENERATE RDATA template.
        let isInclude = Self.is(entry, name, "$INCLUDE")
        if !Self.is(entry, name, "$GENERATE"),
           let quoted = entry.tokens.dropFirst().enumerated().first(where: { $0.element.isQuoted && !(isInclude && $0.offset == 0) }) {
            return report(.syntax, "a quoted string cannot be a directive argument", at: quoted.element, file: state.file,
                          bind: "dns_master_load: \(shown(state.file)):\(quoted.element.line): syntax error", result: "syntax error")
        }
        if Self.is(entry, name, "$ORIGIN") {
            guard entry.tokens.count >= 2 else {
                return report(.badDirective, "$ORIGIN needs a domain name", at: name, file: state.file,
                              bind: "dns_master_load: \(shown(state.file)):\(name.line): unexpected end of input",
                              result: "unexpected end of input")
            }
            guard let origin = parseName(entry, entry.tokens[1], origin: state.origin, file: state.file) else { return }
            state.origin = origin
            state.originChanged = true
            trailingText(entry, after: 2, directive: "$ORIGIN", file: state.file)
        } else if Self.is(entry, name, "$TTL") {
            guard entry.tokens.count >= 2 else {
                return report(.badDirective, "$TTL needs a TTL", at: name, file: state.file,
                              bind: "dns_master_load: \(shown(state.file)):\(name.line): unexpected end of input",
                              result: "unexpected end of input")
            }
            guard var ttl = TTLText.parse(entry.bytes(of: entry.tokens[1])) else {
                // named-checkzone prints only its "loading ... failed: bad ttl" line.
                return report(.badTTL, "bad TTL '\(entry.text(of: entry.tokens[1]))': expected seconds or a duration like 1h30m",
                              at: entry.tokens[1], file: state.file, bind: "", result: "bad ttl")
            }
            if ttl > 0x7FFF_FFFF {
                report(.ttlTooLarge, "$TTL \(ttl) is above 2147483647; 0 is used", at: entry.tokens[1], file: state.file,
                       bind: "dns_master_load: \(shown(state.file)):\(entry.tokens[1].line): $TTL \(ttl) > MAXTTL, setting $TTL to 0")
                ttl = 0
            }
            defaultTTL = ttl
            trailingText(entry, after: 2, directive: "$TTL", file: state.file)
        } else if Self.is(entry, name, "$INCLUDE") {
            include(entry, state: &state)
        } else if Self.is(entry, name, "$GENERATE") {
            generate(entry, state: &state)
        } else if Self.is(entry, name, "$DATE") {
            date(entry, file: state.file)
        } else {
            report(.badDirective, "unknown directive '\(entry.text(of: name))'", at: name, file: state.file,
                   bind: "dns_master_load: \(shown(state.file)):\(name.line): unknown $ directive '\(entry.text(of: name))'",
                   result: "syntax error")
        }
    }

    private mutating func inheritedOwner(_ entry: TextEntry, _ state: FileState) {
        let owner = DomainName(trustedWire: state.lastOwner)
        report(.ownerInheritedAfterOrigin,
               "this record has no owner, so it belongs to \(owner), not to the new origin \(state.origin)",
               at: entry.tokens[0], file: state.file,
               bind: "\(shown(state.file)):\(entry.line): record with inherited owner (\(owner.bindText)) immediately after $ORIGIN (\(state.origin.bindText))")
    }

    /// A directive on the last line with no newline after it, which BIND refuses
    /// (all but `$INCLUDE` without an origin, which it reads differently).
    private mutating func unterminatedDirective(_ entry: TextEntry, file: Int32) {
        let name = entry.tokens[0]
        if Self.is(entry, name, "$INCLUDE") && entry.tokens.count <= 2 { return }
        let last = entry.tokens[entry.tokens.count - 1]
        report(.directiveTrailingText, "\(entry.text(of: name)) ends the file without a newline", at: last, file: file,
               bind: "dns_master_load: \(shown(file)):\(last.line): extra input text", result: "extra input text")
    }

    private mutating func trailingText(_ entry: TextEntry, after index: Int, directive: String, file: Int32) {
        guard entry.tokens.count > index else { return }
        let token = entry.tokens[index]
        report(.directiveTrailingText, "text after \(directive)'s arguments: '\(entry.text(of: token))'", at: token, file: file,
               bind: "dns_master_load: \(shown(file)):\(token.line): extra input text", result: "extra input text")
    }

    /// `$DATE YYYYMMDDHHMMSS`: the time a dump was made, which BIND reads to age TTLs
    /// in its own dumps; a master file may carry it, so it is checked and ignored.
    private mutating func date(_ entry: TextEntry, file: Int32) {
        let directive = entry.tokens[0]
        guard entry.tokens.count >= 2 else {
            return report(.badDirective, "$DATE needs a time (YYYYMMDDHHMMSS)", at: directive, file: file,
                          bind: "dns_master_load: \(shown(file)):\(directive.line): unexpected end of input",
                          result: "unexpected end of input")
        }
        let token = entry.tokens[1]
        guard let seconds = Self.dumpTime(entry.bytes(of: token)) else {
            let text = entry.bytes(of: token)
            let result = text.count == 14 && text.allSatisfy({ $0 &- 48 < 10 }) ? "out of range" : "syntax error"
            return report(.badDirective, "bad $DATE '\(entry.text(of: token))': expected YYYYMMDDHHMMSS", at: token, file: file,
                          bind: "dns_master_load: \(shown(file)):\(token.line): \(result)", result: result)
        }
        // A date in the future counts as now, so it ages nothing (BIND).
        if seconds < Int64(time(nil)) { datedDump = true }
        trailingText(entry, after: 2, directive: "$DATE", file: file)
    }

    /// Seconds since 1970 for fourteen digits making a real date and time (BIND's
    /// dns_time64_fromtext); nil for anything else.
    static func dumpTime(_ text: ArraySlice<UInt8>) -> Int64? {
        guard text.count == 14, text.allSatisfy({ $0 &- 48 < 10 }) else { return nil }
        func field(_ offset: Int, _ length: Int) -> Int64 {
            text.dropFirst(offset).prefix(length).reduce(0) { $0 * 10 + Int64($1 - 48) }
        }
        let year = field(0, 4), month = field(4, 2), day = field(6, 2)
        let hour = field(8, 2), minute = field(10, 2), second = field(12, 2)
        guard (1...12).contains(month) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days: Int64 = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Int(month - 1)]
        guard (1...days).contains(day), hour < 24, minute < 60, second <= 60 else { return nil }
        // Days from the civil date (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
        return daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
    }

    private mutating func include(_ entry: TextEntry, state: inout FileState) {
        let directive = entry.tokens[0]
        guard entry.tokens.count >= 2 else {
            return report(.badDirective, "$INCLUDE needs a file name", at: directive, file: state.file,
                          bind: "dns_master_load: \(shown(state.file)):\(directive.line): unexpected end of input",
                          result: "unexpected end of input")
        }
        let pathToken = entry.tokens[1]
        var origin = state.origin
        if entry.tokens.count >= 3 {
            guard let given = parseName(entry, entry.tokens[2], origin: state.origin, file: state.file) else { return }
            origin = given
            trailingText(entry, after: 3, directive: "$INCLUDE", file: state.file)
        }
        guard !datedDump else {
            // A $DATE in the past ages TTLs from there on, which an included file
            // would escape; BIND refuses the combination.
            return report(.badDirective, "$INCLUDE after $DATE: a dump with a date cannot include files", at: directive,
                          file: state.file, bind: "dns_master_load: \(shown(state.file)):\(directive.line): $INCLUDE may not be used with $DATE",
                          result: "syntax error")
        }
        if options.includeBase == .forbidden {
            return report(.includeFailed, "$INCLUDE is not allowed here", at: pathToken, file: state.file, result: "permission denied")
        }
        // The name is taken as written, backslashes and all, as BIND takes it.
        let written = String(decoding: entry.bytes(of: pathToken), as: UTF8.self)
        let path = resolve(written, from: state.path)
        // Named as BIND names it: as written, relative to its working directory.
        let display = options.includeBase == .includingFile ? path : written
        let here = location(pathToken, file: state.file)
        guard state.depth + 1 <= options.maxIncludeDepth else {
            return report(.includeFailed, "$INCLUDE nested deeper than \(options.maxIncludeDepth) files", at: pathToken,
                          file: state.file, result: "too many levels of $INCLUDE")
        }
        guard !openPaths.contains(path) else {
            // BIND has no loop check; it recurses until it runs out of files.
            return report(.includeFailed, "$INCLUDE of \(display) includes itself", at: pathToken, file: state.file,
                          bind: "dns_master_load: \(shown(state.file)):\(pathToken.line): \(display): too many open files",
                          result: "too many open files")
        }
        do {
            var reader = try ZoneFileReader(path: path)
            let file = files.add(path: display, includedFrom: here)
            // The included file starts with the includer's owner (BIND), which the
            // includer gets back afterwards along with its origin.
            parse(&reader, state: FileState(origin: origin, lastOwner: state.lastOwner, originChanged: entry.tokens.count >= 3,
                                            file: file, path: path, depth: state.depth + 1))
        } catch {
            // BIND opens a directory and fails on its first read, at line 1 of it.
            let bind = error.errno == EISDIR
                ? "dns_master_load: \(display):1: isc_lex_gettoken() failed: not a file"
                : "dns_master_load: \(shown(state.file)):\(pathToken.line): \(display): \(error.bindResult)"
            report(.includeFailed, "cannot read $INCLUDE file \(error)", at: pathToken, file: state.file,
                   bind: bind, result: error.bindResult)
        }
    }

    /// Resolves a path to open: absolute paths as they are, relative ones per
    /// `options.includeBase` (`.directory` stands in for named-checkzone's chdir).
    private func resolve(_ path: String, from includingFile: String) -> String {
        if path.hasPrefix("/") { return path }
        switch options.includeBase {
        case .workingDirectory:
            return path
        case .directory(let directory):
            return directory.hasSuffix("/") ? directory + path : directory + "/" + path
        case .forbidden:
            return path
        case .includingFile:
            guard let slash = includingFile.lastIndex(of: "/") else { return path }
            return String(includingFile[...slash]) + path
        }
    }

    // MARK: Records

    private mutating func record(_ entry: TextEntry, state: inout FileState) {
        var index = 0
        if entry.leadingBlank {
            guard !state.lastOwner.isEmpty else {
                let token = entry.tokens[0]
                return report(.noOwner, "no owner name: the first record must name its owner", at: token, file: state.file,
                              bind: "\(shown(state.file)):\(token.line): no current owner name",
                              result: "no owner")
            }
        } else {
            // A quoted owner is a name like any other (BIND reads `"a b"` as a\032b).
            let token = entry.tokens[0]
            do {
                try DomainName.parse(text: entry.bytes(of: token), origin: state.origin, into: &state.lastOwner)
            } catch {
                // Later records with a blank owner must not attach to the previous name.
                state.lastOwner.removeAll(keepingCapacity: true)
                let result = Self.bindResult(for: error)
                return report(.badName, "bad name '\(entry.text(of: token))': \(error)", at: token, file: state.file,
                              bind: "dns_master_load: \(shown(state.file)):\(token.line): \(result)", result: result)
            }
            index = 1
        }

        // [class] [TTL] [class] type, as BIND reads it.
        var rrClass: RRClass?
        var explicitTTL: UInt32?
        var ttlToken: TextToken?
        for _ in 0..<3 {
            guard index < entry.tokens.count else { break }
            let token = entry.tokens[index]
            if token.isQuoted { break }
            let text = entry.bytes(of: token)
            if rrClass == nil, let parsed = RRClass(mnemonic: text) {
                rrClass = parsed
                index += 1
            } else if explicitTTL == nil, let first = text.first, first &- 48 < 10 {
                guard let ttl = TTLText.parse(text) else {
                    // BIND takes a token that is no TTL for the type: "unknown RR type '1y'".
                    return report(.badTTL, "bad TTL '\(entry.text(of: token))': expected seconds or a duration like 1h30m",
                                  at: token, file: state.file,
                                  bind: "\(shown(state.file)):\(token.line): unknown RR type '\(entry.text(of: token))'",
                                  result: "unknown class/type")
                }
                explicitTTL = ttl
                ttlToken = token
                index += 1
            } else {
                break
            }
        }
        guard index < entry.tokens.count else {
            let token = entry.tokens[entry.tokens.count - 1]
            return report(.syntax, "missing record type", at: token, file: state.file,
                          bind: "dns_master_load: \(shown(state.file)):\(token.line): unexpected end of line", result: "unexpected end of input")
        }
        let typeToken = entry.tokens[index]
        guard let type = RRType(mnemonic: entry.bytes(of: typeToken)), !typeToken.isQuoted else {
            return report(.unknownType, "unknown RR type '\(entry.text(of: typeToken))'", at: typeToken, file: state.file,
                          bind: "\(shown(state.file)):\(typeToken.line): unknown RR type '\(entry.text(of: typeToken))'",
                          result: "unknown class/type")
        }
        if type.isMetaType {
            return report(.metaType, "type \(type) is a meta type and cannot be zone data", at: typeToken, file: state.file,
                          bind: "\(shown(state.file)):\(typeToken.line): type '\(type)': invalid use of a meta type",
                          result: "invalid use of a meta type")
        }
        if type.rawValue == 0 {
            // TYPE0 is reserved; BIND's RDATA parser refuses it as a meta type.
            return report(.metaType, "type 0 is reserved and cannot be zone data", at: typeToken, file: state.file,
                          bind: "dns_rdata_fromtext: \(shown(state.file)):\(typeToken.line): near '\(entry.text(of: typeToken))': invalid use of a meta type",
                          result: "invalid use of a meta type")
        }
        if type == .md || type == .mf {
            return report(.obsoleteType, "type \(type) is obsolete (RFC 1123 §5.2.4): use MX", at: typeToken, file: state.file,
                          bind: "\(shown(state.file)):\(typeToken.line): type '\(type)': obsolete", result: "obsolete")
        }
        index += 1

        var reader = RDataTextReader(entry: entry, from: index, origin: state.origin)
        let rdata: RData
        do {
            if options.rrClass != .in, let special = try ClassSpecificRData.read(&reader, type: type, rrClass: options.rrClass) {
                rdata = special
            } else {
                rdata = try RData(text: &reader, type: type)
            }
        } catch {
            return report(error, file: state.file, entry: entry)
        }

        if type == .ns && state.lastOwner.count > 2 && state.lastOwner[0] == 1 && state.lastOwner[1] == UInt8(ascii: "*") {
            let owner = DomainName(trustedWire: state.lastOwner)
            return report(.wildcardNS, "NS records at the wildcard \(owner) cannot work: a wildcard cannot delegate", at: entry.tokens[0],
                          file: state.file, bind: "dns_master_load: \(shown(state.file)):\(entry.line): \(owner.bindText): invalid NS owner name (wildcard)",
                          result: "invalid NS owner name (wildcard)")
        }
        if (type == .ns && options.rrClass == .in) || type == .mx {
            // Failing, BIND refuses the record itself.
            if checkAddressLikeTarget(entry, targetIndex: type == .ns ? index : index + 1, type: type, file: state.file) {
                return
            }
        }

        if let rrClass, rrClass != options.rrClass {
            return report(.classMismatch, "class \(rrClass) is not the zone's class \(options.rrClass)",
                          at: entry.tokens[0], file: state.file,
                          bind: "\(shown(state.file)):\(entry.line): class '\(rrClass)' != zone class '\(options.rrClass)'",
                          result: "bad class")
        }

        // The TTL: written, else $TTL, else the last one written, else for an SOA its
        // MINIMUM; otherwise the record has none.
        var ttl: UInt32
        if var written = explicitTTL {
            if written > 0x7FFF_FFFF {
                report(.ttlTooLarge, "TTL \(written) is above 2147483647; 0 is used", at: ttlToken!, file: state.file,
                       bind: "dns_master_load: \(shown(state.file)):\(ttlToken!.line): $TTL \(written) > MAXTTL, setting $TTL to 0")
                written = 0
            }
            ttl = written
            lastTTL = written
        } else if let defaultTTL {
            ttl = defaultTTL
        } else if let lastTTL {
            ttl = lastTTL
            if !warnedInheritedTTL {
                warnedInheritedTTL = true
                report(.ttlInherited, "no TTL and no $TTL: this record takes the TTL written before it (\(ttl)), as RFC 1035 did; RFC 2308 asks for $TTL",
                       at: entry.tokens[0], file: state.file, bind: "\(shown(state.file)):\(entry.line): using RFC1035 TTL semantics")
            }
        } else if case .soa(let soa) = rdata {
            report(.ttlFromSOAMinimum, "no TTL and no $TTL: the SOA takes its MINIMUM \(soa.minimum) as TTL",
                   at: typeToken, file: state.file,
                   bind: "\(shown(state.file)):\(entry.line): no TTL specified; using SOA MINTTL instead")
            // BIND makes the MINIMUM the default from here on, as if it were a $TTL.
            ttl = soa.minimum
            if ttl > 0x7FFF_FFFF {
                report(.ttlTooLarge, "SOA MINIMUM \(ttl) is above 2147483647; 0 is used", at: typeToken, file: state.file,
                       bind: "dns_master_load: \(shown(state.file)):\(entry.line): $TTL \(ttl) > MAXTTL, setting $TTL to 0")
                ttl = 0
            }
            defaultTTL = ttl
        } else {
            return report(.noTTL, "no TTL: give this record a TTL or put a $TTL before it", at: entry.tokens[0], file: state.file,
                          bind: "\(shown(state.file)):\(entry.line): no TTL specified; zone rejected",
                          result: "no ttl")
        }
        // The limit applies to the TTL the record is loaded with: a record joining an
        // RRset takes the RRset's TTL (BIND checks the merged RRset).
        if let maxTTL = options.policy.maxTTL, ttl > maxTTL,
           state.lastOwner.withUnsafeBufferPointer({ builder.rrsetTTL(ownerWire: $0, type: type) }).map({ $0 > maxTTL }) ?? true {
            report(.maxTTL, "TTL \(ttl) is above the maximum \(maxTTL)", at: ttlToken ?? entry.tokens[0], file: state.file,
                   bind: "dns_master_load: \(shown(state.file)):\(entry.line): TTL \(ttl) exceeds configured max-zone-ttl \(maxTTL)",
                   result: "out of range")
        }

        let here = location(entry.tokens[0], file: state.file)
        let reported = sink.diagnostics.count
        state.lastOwner.withUnsafeBufferPointer { owner in
            _ = builder.add(ownerWire: owner, type: type, ttl: ttl, rdata: rdata, location: here, diagnostics: &sink)
        }
        if sink.diagnostics.count != reported {
            sink.prefixBindMessages(from: reported, with: "\(shown(state.file)):\(entry.line): ")
        }
    }

    /// An NS or MX target written like an IP address ("1.2.3.4", or "1.2.3.4.")
    /// became a name below the origin: almost always a mistake. BIND checks the text
    /// as written, so this does too.
    /// True when the finding is an error.
    private mutating func checkAddressLikeTarget(_ entry: TextEntry, targetIndex: Int, type: RRType, file: Int32) -> Bool {
        guard targetIndex < entry.tokens.count else { return false }
        let token = entry.tokens[targetIndex]
        var text = entry.bytes(of: token)
        if text.last == UInt8(ascii: ".") { text = text.dropLast() }
        guard IPv4Address(text: text) != nil || IPv6Address(text: text) != nil else { return false }
        let path = shown(file)
        let written = entry.text(of: token)
        if type == .ns {
            report(.nsTargetIsAddress, "NS target '\(written)' looks like an IP address; NS needs a host name", at: token, file: file,
                   bind: "\(path):\(token.line): NS record '\(written)' appears to be an address", result: "NS is an address")
        } else {
            let bind = sink.policy.severity(of: .mxTargetIsAddress) == .error
                ? "dns_rdata_fromtext: \(path):\(token.line): near '\(written)': MX is an address"
                : "\(path):\(token.line): warning: '\(written)': MX is an address"
            report(.mxTargetIsAddress, "MX target '\(written)' looks like an IP address; MX needs a host name", at: token, file: file,
                   bind: bind, result: "MX is an address")
        }
        return sink.policy.severity(of: type == .ns ? .nsTargetIsAddress : .mxTargetIsAddress) == .error
    }

    // MARK: $GENERATE

    private mutating func generate(_ entry: TextEntry, state: inout FileState) {
        let directive = entry.tokens[0]
        let path = shown(state.file)
        // BIND names the result, not the field: "$GENERATE: F:L: syntax error".
        func fail(_ message: String, _ token: TextToken, result: String = "syntax error", bind: String? = nil) {
            report(.badGenerate, message, at: token, file: state.file,
                   bind: "$GENERATE: \(path):\(token.line): \(bind ?? result)", result: result)
        }
        guard entry.tokens.count >= 5 else {
            return report(.badGenerate, "$GENERATE needs a range, an owner template, a type and an RDATA template", at: directive,
                          file: state.file, bind: "dns_master_load: \(path):\(directive.line): unexpected end of line",
                          result: "unexpected end of input")
        }
        let rangeToken = entry.tokens[1]
        guard let range = Self.generateRange(entry.bytes(of: rangeToken)) else {
            return fail("invalid range '\(entry.text(of: rangeToken))'", rangeToken, bind: "invalid range '\(entry.text(of: rangeToken))'")
        }
        guard let ownerTemplate = GenerateTemplate(entry.bytes(of: entry.tokens[2])) else {
            return fail("bad owner template '\(entry.text(of: entry.tokens[2]))'", entry.tokens[2])
        }
        var index = 3
        var explicitTTL: UInt32?
        var rrClass: RRClass?
        for _ in 0..<2 {
            guard index < entry.tokens.count - 2 else { break }
            let token = entry.tokens[index]
            let text = entry.bytes(of: token)
            if rrClass == nil, let parsed = RRClass(mnemonic: text) {
                rrClass = parsed
                index += 1
            } else if explicitTTL == nil, let first = text.first, first &- 48 < 10, let ttl = TTLText.parse(text) {
                // A token that does not read as a TTL is taken as the type, as BIND
                // does: "1y" is an unknown type, not a bad TTL.
                explicitTTL = ttl
                index += 1
            } else {
                break
            }
        }
        // Only the RDATA template may be quoted.
        if let quoted = entry.tokens[1...index].first(where: \.isQuoted) {
            return report(.syntax, "a quoted string cannot be a $GENERATE range, owner, TTL, class or type", at: quoted,
                          file: state.file, bind: "dns_master_load: \(path):\(quoted.line): syntax error", result: "syntax error")
        }
        let typeToken = entry.tokens[index]
        guard let type = RRType(mnemonic: entry.bytes(of: typeToken)) else {
            return fail("unknown RR type '\(entry.text(of: typeToken))'", typeToken, result: "unknown class/type",
                        bind: "unknown RR type '\(entry.text(of: typeToken))'")
        }
        if type.isMetaType {
            return fail("type \(type) is a meta type and cannot be zone data", typeToken, result: "invalid use of a meta type")
        }
        let rdataToken = entry.tokens[index + 1]
        guard let rdataTemplate = GenerateTemplate(entry.bytes(of: rdataToken)) else {
            return fail("bad RDATA template '\(entry.text(of: rdataToken))'", rdataToken)
        }
        if entry.tokens.count > index + 2 {
            trailingText(entry, after: index + 2, directive: "$GENERATE", file: state.file)
        }
        if let rrClass, rrClass != options.rrClass {
            return report(.classMismatch, "class \(rrClass) is not the zone's class \(options.rrClass)", at: directive,
                          file: state.file, bind: "\(path):\(directive.line): class '\(rrClass)' != zone class '\(options.rrClass)'",
                          result: "bad class")
        }
        let ttl: UInt32
        if let explicitTTL {
            ttl = explicitTTL
            lastTTL = explicitTTL
        } else if let defaultTTL {
            ttl = defaultTTL
        } else if let lastTTL {
            ttl = lastTTL
        } else {
            return report(.noTTL, "no TTL: give $GENERATE a TTL or put a $TTL before it", at: directive, file: state.file,
                          bind: "dns_master_load: \(path):\(directive.line): no TTL specified", result: "no ttl")
        }
        let count = (range.stop - range.start) / range.step + 1
        guard count <= options.maxGeneratedRecords else {
            return fail("range '\(entry.text(of: rangeToken))' makes \(count) records, more than the limit of \(options.maxGeneratedRecords)", rangeToken)
        }

        let here = location(directive, file: state.file)
        files.addGenerator(at: here)
        if let maxTTL = options.policy.maxTTL, ttl > maxTTL {
            report(.maxTTL, "TTL \(ttl) is above the maximum \(maxTTL)", at: directive, file: state.file,
                   bind: "dns_master_load: \(path):\(directive.line): TTL \(ttl) exceeds configured max-zone-ttl \(maxTTL)",
                   result: "out of range")
        }
        var ownerText: [UInt8] = []
        var rdataText: [UInt8] = []
        var value = range.start
        while value <= range.stop {
            ownerTemplate.expand(value, into: &ownerText)
            rdataTemplate.expand(value, into: &rdataText)
            let owner: DomainName
            do {
                owner = try DomainName(text: ownerText, origin: state.origin)
            } catch {
                return fail("bad owner name '\(String(decoding: ownerText, as: UTF8.self))': \(error)", entry.tokens[2],
                            result: Self.bindResult(for: error))
            }
            // BIND drops a generated record outside the zone before it reads the RDATA.
            guard owner.isSubdomain(of: options.origin) else {
                sink.report(.outOfZone, "\(owner) is outside the zone \(options.origin); the record is ignored", at: here,
                            owner: owner, bind: "\(path):\(directive.line): ignoring out-of-zone data (\(owner.bindText))")
                value += range.step
                continue
            }
            if type == .ns && owner.wire.count > 2 && owner.wire[0] == 1 && owner.wire[1] == UInt8(ascii: "*") {
                report(.wildcardNS, "NS records at the wildcard \(owner) cannot work: a wildcard cannot delegate", at: directive,
                       file: state.file, bind: "dns_master_load: \(path):\(directive.line): \(owner.bindText): invalid NS owner name (wildcard)",
                       result: "invalid NS owner name (wildcard)")
                value += range.step
                continue
            }
            let rdata: RData
            do {
                let generated = try EntryScanner.entries(in: rdataText)
                guard let rdataEntry = generated.first, generated.count == 1 else {
                    return fail("empty RDATA for \(String(decoding: ownerText, as: UTF8.self))", rdataToken)
                }
                var reader = RDataTextReader(entry: rdataEntry, from: 0, origin: state.origin)
                if options.rrClass != .in, let special = try ClassSpecificRData.read(&reader, type: type, rrClass: options.rrClass) {
                    rdata = special
                } else {
                    rdata = try RData(text: &reader, type: type)
                }
            } catch {
                return fail("bad RDATA '\(String(decoding: rdataText, as: UTF8.self))': \(error.message)", rdataToken,
                            result: error.bindResult(near: nil))
            }
            let reported = sink.diagnostics.count
            builder.add(owner: owner, type: type, ttl: ttl, rdata: rdata, location: here, diagnostics: &sink)
            if sink.diagnostics.count != reported {
                sink.prefixBindMessages(from: reported, with: "\(path):\(directive.line): ")
            }
            value += range.step
        }
    }

    /// `start-stop` or `start-stop/step`, read as BIND reads it (sscanf's
    /// "%u-%u%1[/]%u": a sign is allowed, anything after the numbers is ignored), with
    /// start <= stop, step >= 1 and every number at most 2^31-1.
    static func generateRange(_ text: some Collection<UInt8>) -> (start: Int, stop: Int, step: Int)? {
        let bytes = Array(text)
        var index = 0
        /// sscanf's %u: blanks, a sign, digits; the value cut to 32 bits.
        func unsigned() -> UInt32? {
            while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
            var negative = false
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                negative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let first = index
            var value: UInt64 = 0
            while index < bytes.count && bytes[index] &- 48 < 10 {
                value = value > (UInt64.max - 9) / 10 ? UInt64.max : value * 10 + UInt64(bytes[index] - 48)
                index += 1
            }
            guard index > first else { return nil }
            return UInt32(truncatingIfNeeded: negative ? 0 &- value : value)
        }
        guard let start = unsigned(), index < bytes.count, bytes[index] == UInt8(ascii: "-") else { return nil }
        index += 1
        guard let stop = unsigned() else { return nil }
        var step: UInt32 = 1
        if index < bytes.count && bytes[index] == UInt8(ascii: "/") {
            index += 1
            guard let parsed = unsigned() else { return nil }
            step = parsed
        }
        let limit = UInt32(Int32.max)
        guard start <= stop, step >= 1, start <= limit, stop <= limit, step <= limit else { return nil }
        return (Int(start), Int(stop), Int(step))
    }

    // MARK: Helpers

    /// True when `token`, quoted or not, is `word` in any case.
    static func `is`(_ entry: TextEntry, _ token: TextToken, _ word: StaticString) -> Bool {
        guard Int(token.end - token.start) == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { expected -> Bool in
            var i = Int(token.start)
            for byte in expected {
                let written: UInt8 = entry.bytes[i]
                let lower: UInt8 = written &- 0x41 < 26 ? written | 0x20 : written
                if lower != (byte &- 0x41 < 26 ? byte | 0x20 : byte) { return false }
                i += 1
            }
            return true
        }
    }

    /// BIND's result text for a name that does not read.
    static func bindResult(for error: DomainNameError) -> String {
        switch error {
        case .emptyLabel: return "empty label"
        case .labelTooLong: return "label too long"
        case .nameTooLong: return "ran out of space"
        case .bitstringLabel: return "bad label type"
        case .badEscape: return "bad escape"
        default: return "bad name"
        }
    }

    /// A file's name as diagnostics show it.
    private func shown(_ file: Int32) -> String { files.entries[Int(file)].path }

    private func location(_ token: TextToken, file: Int32) -> SourceLocation {
        SourceLocation(file: file, line: token.line, column: token.column)
    }

    private mutating func parseName(_ entry: TextEntry, _ token: TextToken, origin: DomainName, file: Int32) -> DomainName? {
        do {
            return try DomainName(text: entry.bytes(of: token), origin: origin)
        } catch {
            let result = Self.bindResult(for: error)
            report(.badName, "bad name '\(entry.text(of: token))': \(error)", at: token, file: file,
                   bind: "dns_master_load: \(shown(file)):\(token.line): \(result)", result: result)
            return nil
        }
    }

    private mutating func parseTTL(_ entry: TextEntry, _ token: TextToken, file: Int32) -> UInt32? {
        guard let ttl = TTLText.parse(entry.bytes(of: token)) else {
            report(.badTTL, "bad TTL '\(entry.text(of: token))': expected seconds or a duration like 1h30m", at: token,
                   file: file, result: "bad ttl")
            return nil
        }
        return ttl
    }

    private mutating func report(
        _ check: CheckID, _ message: String, at token: TextToken, file: Int32, bind: String? = nil, result: String? = nil
    ) {
        let path = shown(file)
        let bindLine = bind ?? "dns_master_load: \(path):\(token.line): \(message)"
        sink.report(check, message, at: location(token, file: file), bind: bindLine, result: result)
    }

    /// Maps a text error to its check, with BIND's wording for `checkzone`; `entry`
    /// is the record being read, for the token BIND quotes.
    private mutating func report(_ error: TextError, file: Int32, entry: TextEntry? = nil) {
        let check: CheckID
        switch error.kind {
        case .unbalancedParentheses, .unbalancedQuotes, .badEscape, .unexpectedEnd, .extraTokens, .unknownClass:
            check = .syntax
        case .badName: check = .badName
        case .badNumber, .badRData, .stringTooLong: check = .badRData
        case .badTTL: check = .badTTL
        case .unknownType: check = .unknownType
        case .badDirective: check = .badDirective
        }
        let near = entry.flatMap { entry in
            entry.tokens.first { Int($0.line) == error.line && Int($0.column) == error.column }.map { entry.text(of: $0) }
        }
        let result = error.bindResult(near: near)
        let context: String
        switch error.kind {
        case .unbalancedParentheses, .unbalancedQuotes, .stringTooLong, .badEscape: context = ""
        case .badRData where result == "unexpected token": context = ""
        case .badRData where result == "unexpected end of input" || result == "bad base64 encoding": context = "near eol: "
        case .unexpectedEnd: context = "near eol: "
        default: context = near.map { "near '\($0)': " } ?? ""
        }
        sink.report(check, error.message, at: SourceLocation(file: file, line: Int32(error.line), column: Int32(error.column)),
                    bind: "dns_rdata_fromtext: \(shown(file)):\(error.line): \(context)\(result)", result: result)
    }
}
