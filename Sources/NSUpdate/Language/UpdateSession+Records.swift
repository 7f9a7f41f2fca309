import DNSCore

extension UpdateSession {
    // MARK: Prerequisites (RFC 2136 §2.4)

    mutating func evaluatePrerequisite(_ cursor: inout CommandLineCursor, line: Int) throws(CommandError) {
        guard let (word, column) = cursor.nextWord() else { throw CommandError("could not read operation code", column: cursor.restColumn) }
        switch true {
        case word.equalsKeyword("nxdomain"): try makePrerequisite(&cursor, positive: false, rrset: false, line: line)
        case word.equalsKeyword("yxdomain"): try makePrerequisite(&cursor, positive: true, rrset: false, line: line)
        case word.equalsKeyword("nxrrset"): try makePrerequisite(&cursor, positive: false, rrset: true, line: line)
        case word.equalsKeyword("yxrrset"): try makePrerequisite(&cursor, positive: true, rrset: true, line: line)
        default: throw CommandError("incorrect operation code: \(word.text)", column: column)
        }
    }

    /// nxdomain: ANY/NONE; yxdomain: ANY/ANY; nxrrset: TYPE/NONE; yxrrset: TYPE/ANY,
    /// or with RDATA the value-dependent form TYPE/zone class (RFC 2136 §2.4.1-5).
    mutating func makePrerequisite(_ cursor: inout CommandLineCursor, positive: Bool, rrset: Bool, line: Int) throws(CommandError) {
        try checkRoom()
        let owner = try readOwner(&cursor)
        var type = RRType.any
        var dataClass = RRClass.any
        var rdata: RData?
        if rrset {
            guard let (word, column) = cursor.nextWord() else {
                throw CommandError("could not read class or type", column: cursor.restColumn)
            }
            if let rrClass = Self.bindClass(word) {
                guard setZoneClass(rrClass) else { throw CommandError("class mismatch: \(word.text)", column: column) }
                dataClass = rrClass
                guard let (typeWord, typeColumn) = cursor.nextWord() else {
                    throw CommandError("could not read type", column: cursor.restColumn)
                }
                guard let parsed = Self.bindType(typeWord) else { throw CommandError("invalid type: \(typeWord.text)", column: typeColumn) }
                type = parsed
            } else {
                dataClass = resolvedZoneClass()
                guard let parsed = Self.bindType(word) else { throw CommandError("invalid type: \(word.text)", column: column) }
                type = parsed
            }
            if positive {
                rdata = try readRData(&cursor, type: type, rrClass: dataClass, line: line)
            }
        }
        let recordClass: RRClass = positive ? (rdata != nil ? dataClass : .any) : .none
        let record = ResourceRecord(owner: owner, type: type, rrClass: recordClass, ttl: 0,
                                    rdata: rdata ?? .unknown(UnknownRData(type: type, data: [])))
        appendPrerequisite(record, line: line)
    }

    // MARK: Updates (RFC 2136 §2.5)

    mutating func evaluateUpdate(_ cursor: inout CommandLineCursor, line: Int) throws(CommandError) {
        guard let (word, column) = cursor.nextWord() else { throw CommandError("could not read operation code", column: cursor.restColumn) }
        if word.equalsKeyword("delete") || word.equalsKeyword("del") {
            try addOrDelete(&cursor, isDelete: true, line: line)
        } else if word.equalsKeyword("add") {
            try addOrDelete(&cursor, isDelete: false, line: line)
        } else {
            throw CommandError("incorrect operation code: \(word.text)", column: column)
        }
    }

    /// `update add NAME TTL [CLASS] TYPE RDATA` and `update delete NAME [TTL] [CLASS]
    /// [TYPE [RDATA]]`, read word by word exactly as BIND's `update_addordelete`: a
    /// delete's TTL is read and thrown away, a word that is not a number is taken as
    /// the class or type (for an add only when a default TTL is set), and class ANY
    /// is read as the type ANY.
    mutating func addOrDelete(_ cursor: inout CommandLineCursor, isDelete: Bool, line: Int) throws(CommandError) {
        try checkRoom()
        let owner = try readOwner(&cursor)
        var ttl: UInt32 = 0
        var classOrType: (word: ArraySlice<UInt8>, column: Int)?

        guard let (ttlWord, ttlColumn) = cursor.nextWord() else {
            if isDelete { return deleteAll(owner, line: line) }
            throw CommandError("could not read owner ttl", column: cursor.restColumn)
        }
        switch Self.parseUInt32(ttlWord) {
        case .success(let value):
            if !isDelete && value > Self.maxTTL {
                throw CommandError("ttl '\(ttlWord.text)' is out of range (0 to \(Self.maxTTL))", column: ttlColumn)
            }
            ttl = isDelete ? 0 : value
            classOrType = cursor.nextWord()
        case .failure(let reason):
            if isDelete {
                ttl = 0
            } else if let defaultTTL {
                ttl = defaultTTL
            } else {
                throw CommandError("ttl '\(ttlWord.text)': \(reason)", column: ttlColumn)
            }
            classOrType = (ttlWord, ttlColumn)
        }

        guard let (word, column) = classOrType else {
            if isDelete { return deleteAll(owner, line: line) }
            throw CommandError("could not read class or type", column: cursor.restColumn)
        }
        var dataClass: RRClass
        let type: RRType
        if let rrClass = Self.bindClass(word), rrClass != .any {
            guard setZoneClass(rrClass) else { throw CommandError("class mismatch: \(word.text)", column: column) }
            dataClass = rrClass
            guard let (typeWord, typeColumn) = cursor.nextWord() else {
                if isDelete { return deleteAll(owner, line: line) }
                throw CommandError("could not read type", column: cursor.restColumn)
            }
            guard let parsed = Self.bindType(typeWord) else {
                throw CommandError("'\(typeWord.text)' is not a valid type: unknown class/type", column: typeColumn)
            }
            type = parsed
        } else {
            dataClass = resolvedZoneClass()
            guard let parsed = Self.bindType(word) else {
                throw CommandError("'\(word.text)' is not a valid class or type: unknown class/type", column: column)
            }
            type = parsed
        }

        let rdata = try readRData(&cursor, type: type, rrClass: dataClass, line: line)
        if isDelete {
            // With RDATA: delete that RR (class NONE); without: the RRset (class ANY).
            let record = ResourceRecord(owner: owner, type: type, rrClass: rdata == nil ? .any : .none, ttl: 0,
                                        rdata: rdata ?? .unknown(UnknownRData(type: type, data: [])))
            appendUpdate(record, line: line)
            return
        }
        guard let rdata else { throw CommandError("could not read rdata", column: cursor.restColumn) }
        if checkNames {
            guard CheckNames.ownerIsValid(owner, type: type, rrClass: dataClass) else {
                throw CommandError("check-names failed: bad owner '\(BINDResultText.formatted(owner))'", column: 1)
            }
            if let bad = CheckNames.badName(in: rdata, owner: owner) {
                throw CommandError("check-names failed: bad name '\(BINDResultText.formatted(bad))'", column: 1)
            }
        }
        if case .nsec3param(let parameters) = rdata, parameters.iterations > Self.maxNSEC3Iterations {
            throw CommandError("NSEC3PARAM has excessive iterations (> \(Self.maxNSEC3Iterations))", column: 1)
        }
        appendUpdate(ResourceRecord(owner: owner, type: type, rrClass: dataClass, ttl: ttl, rdata: rdata), line: line)
    }

    /// A section holds at most 65535 records (its count is 16 bits); BIND fails to
    /// render such a message, we refuse the record that would not fit.
    private func checkRoom() throws(CommandError) {
        guard prerequisites.count < 0xFFFF && updates.count < 0xFFFF else {
            throw CommandError("too many records for one message (a section holds at most 65535): send first")
        }
    }

    /// BIND 9.18's `dns_nsec3_maxiterations()`.
    static let maxNSEC3Iterations: UInt16 = 150

    private mutating func deleteAll(_ owner: DomainName, line: Int) {
        appendUpdate(ResourceRecord(owner: owner, type: .any, rrClass: .any, ttl: 0,
                                    rdata: .unknown(UnknownRData(type: .any, data: []))), line: line)
    }

    /// The owner name: absolute, since nsupdate's origin is the root.
    private func readOwner(_ cursor: inout CommandLineCursor) throws(CommandError) -> DomainName {
        guard let (word, column) = cursor.nextWord() else { throw CommandError("could not read owner name", column: cursor.restColumn) }
        do {
            return try DomainName(text: word, origin: .root)
        } catch {
            throw CommandError("invalid owner name: \(BINDResultText.name(error))", column: column)
        }
    }

    /// BIND's `parse_rdata`: nil when nothing follows the type, else the whole rest of
    /// the line must read as RDATA of `type` in `rrClass`.
    private func readRData(_ cursor: inout CommandLineCursor, type: RRType, rrClass: RRClass, line: Int) throws(CommandError) -> RData? {
        guard let rest = cursor.rest else { return nil }
        let entry: TextEntry
        do {
            entry = try RDataLexer.entry(rest, line: line, column: cursor.restColumn)
        } catch {
            throw CommandError("invalid rdata format: \(error.message)", column: error.column)
        }
        guard let first = entry.tokens.first else { return nil }
        let generic = !first.isQuoted && entry.bytes(of: first).elementsEqual([UInt8(ascii: "\\"), UInt8(ascii: "#")])
        // BIND defines these types' text only in class IN (HS shares A's); elsewhere
        // only the RFC 3597 form reads.
        if !generic, rrClass != .in, Self.inClassOnlyTypes.contains(type), !(type == .a && rrClass == .hs) {
            throw CommandError("invalid rdata format: unknown class/type", column: Int(first.column))
        }
        var reader = RDataTextReader(entry: entry, from: 0, origin: .root)
        do {
            return try RData(text: &reader, type: type)
        } catch {
            throw CommandError("invalid rdata format: \(error.message)", column: error.column)
        }
    }

    static let inClassOnlyTypes: Set<RRType> = [.a, .wks, .nsap, .nsapPtr, .px, .aaaa, .eid, .nimloc, .srv, .atma, .naptr,
                                                  .kx, .a6, .apl, .dhcid, .svcb, .https]
}
