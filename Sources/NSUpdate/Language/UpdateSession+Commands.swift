import DNSCore
import TSIG

extension UpdateSession {
    /// Runs one input line (without its line ending) read as line `number`.
    public mutating func execute(line: [UInt8], number: Int) -> CommandResult {
        var cursor = CommandLineCursor(line)
        guard let (word, column) = cursor.nextWord() else { return .send }
        if word.first == UInt8(ascii: ";") { return .more }
        do {
            return try dispatch(word, column: column, &cursor, line: number)
        } catch {
            return .syntaxError(error)
        }
    }

    private mutating func dispatch(_ word: ArraySlice<UInt8>, column: Int, _ cursor: inout CommandLineCursor,
                                   line: Int) throws(CommandError) -> CommandResult {
        switch true {
        case word.equalsKeyword("quit"):
            return .quit
        case word.equalsKeyword("prereq"):
            try evaluatePrerequisite(&cursor, line: line)
        case word.equalsKeyword("nxdomain"):
            try makePrerequisite(&cursor, positive: false, rrset: false, line: line)
        case word.equalsKeyword("yxdomain"):
            try makePrerequisite(&cursor, positive: true, rrset: false, line: line)
        case word.equalsKeyword("nxrrset"):
            try makePrerequisite(&cursor, positive: false, rrset: true, line: line)
        case word.equalsKeyword("yxrrset"):
            try makePrerequisite(&cursor, positive: true, rrset: true, line: line)
        case word.equalsKeyword("update"):
            try evaluateUpdate(&cursor, line: line)
        case word.equalsKeyword("delete"), word.equalsKeyword("del"):
            try addOrDelete(&cursor, isDelete: true, line: line)
        case word.equalsKeyword("add"):
            try addOrDelete(&cursor, isDelete: false, line: line)
        case word.equalsKeyword("server"):
            try evaluateServer(&cursor)
        case word.equalsKeyword("local"):
            try evaluateLocal(&cursor)
        case word.equalsKeyword("zone"):
            try evaluateZone(&cursor)
        case word.equalsKeyword("class"):
            try evaluateClass(&cursor)
        case word.equalsKeyword("send"):
            return .send
        case word.equalsKeyword("debug"):
            if debugging { extraDebugging = true } else { debugging = true }
        case word.equalsKeyword("ttl"):
            try evaluateTTL(&cursor)
        case word.equalsKeyword("show"):
            let message = outgoingMessage(zone: userZone)
            return .print("Outgoing update query:\n" + message.text(style: .nsupdateShow))
        case word.equalsKeyword("answer"):
            guard let answer else { return .more }
            return .print("Answer:\n" + answer.text(style: .nsupdate))
        case word.equalsKeyword("key"):
            try evaluateKey(&cursor)
        case word.equalsKeyword("check-names"), word.equalsKeyword("checknames"):
            try evaluateCheckNames(&cursor)
        case word.equalsKeyword("gsstsig"), word.equalsKeyword("oldgsstsig"):
            // What BIND built without GSS-API says; nsupdate-swift has no Kerberos.
            return .warn("gsstsig not supported")
        case word.equalsKeyword("realm"):
            return .warn("realm: GSS-TSIG is not supported")
        case word.equalsKeyword("help"):
            return .print(helpText)
        case word.equalsKeyword("version"):
            return .print("\(configuration.versionText)\n")
        default:
            throw CommandError("incorrect section name: \(word.text)", column: column)
        }
        return .more
    }

    var helpText: String {
        """
        \(configuration.versionText):
        local address [port]      (set local resolver)
        server address [port]     (set primary server for zone)
        send                      (send the update request)
        show                      (show the update request)
        answer                    (show the answer to the last request)
        quit                      (quit, any pending update is not sent)
        help                      (display this message)
        key [hmac:]keyname secret (use TSIG to sign the request)
        gsstsig                   (use GSS_TSIG to sign the request)
        oldgsstsig                (use Microsoft's GSS_TSIG to sign the request)
        zone name                 (set the zone to be updated)
        class CLASS               (set the zone's DNS class, e.g. IN (default), CH)
        check-names { on | off }  (enable / disable check-names)
        [prereq] nxdomain name    (require that this name does not exist)
        [prereq] yxdomain name    (require that this name exists)
        [prereq] nxrrset ....     (require that this RRset does not exist)
        [prereq] yxrrset ....     (require that this RRset exists)
        [update] add ....         (add the given record to the zone)
        [update] del[ete] ....    (remove the given record(s) from the zone)

        """
    }

    // MARK: Settings

    private mutating func evaluateServer(_ cursor: inout CommandLineCursor) throws(CommandError) {
        if configuration.localOnly { throw CommandError("cannot reset server in localhost-only mode") }
        guard let (host, column) = cursor.nextWord() else { throw CommandError("could not read server name", column: cursor.restColumn) }
        var port = configuration.port
        if let (word, portColumn) = cursor.nextWord() {
            port = try Self.port(word, column: portColumn)
        }
        switch resolver.addresses(of: host.text, port: port, families: configuration.families, limit: 4) {
        case .success(let addresses):
            servers = addresses
            usesDefaultServers = false
        case .failure(let error):
            // BIND has already dropped the old list by now, and leaves none.
            servers = []
            usesDefaultServers = false
            throw CommandError("couldn't get address for '\(host.text)': \(error)", column: column)
        }
    }

    private mutating func evaluateLocal(_ cursor: inout CommandLineCursor) throws(CommandError) {
        guard let (host, column) = cursor.nextWord() else { throw CommandError("could not read server name", column: cursor.restColumn) }
        var port: UInt16 = 0
        if let (word, portColumn) = cursor.nextWord() {
            port = try Self.port(word, column: portColumn)
        }
        let text = host.text
        if configuration.families.ipv6, let address = SocketAddress(literal: text, port: port), address.isIPv6 {
            localIPv6 = address
        } else if configuration.families.ipv4, let address = SocketAddress(literal: text, port: port), !address.isIPv6 {
            localIPv4 = address
        } else {
            throw CommandError("invalid address \(text)", column: column)
        }
    }

    /// `strtol` then a range check, as `server` and `local` read their port.
    static func port(_ word: ArraySlice<UInt8>, column: Int) throws(CommandError) -> UInt16 {
        var digits = word[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0 &- 48 < 10 }) else {
            throw CommandError("port '\(word.text)' is not numeric", column: column)
        }
        var value = 0
        for digit in digits {
            value = min(value * 10 + Int(digit - 48), Int(Int32.max))
        }
        guard !negative, value >= 1, value <= 65535 else {
            throw CommandError("port '\(word.text)' is out of range (1 to 65535)", column: column)
        }
        return UInt16(value)
    }

    private mutating func evaluateZone(_ cursor: inout CommandLineCursor) throws(CommandError) {
        guard let (word, column) = cursor.nextWord() else { throw CommandError("could not read zone name", column: cursor.restColumn) }
        do {
            userZone = try DomainName(text: word, origin: .root)
        } catch {
            userZone = nil
            throw CommandError("could not parse zone name: \(BINDResultText.name(error))", column: column)
        }
    }

    private mutating func evaluateClass(_ cursor: inout CommandLineCursor) throws(CommandError) {
        guard let (word, column) = cursor.nextWord() else { throw CommandError("could not read class name", column: cursor.restColumn) }
        guard let rrClass = Self.bindClass(word) else {
            throw CommandError("could not parse class name: \(word.text)", column: column)
        }
        guard rrClass != .none, rrClass != .any, rrClass.rawValue != 0 else {
            throw CommandError("bad default class: \(word.text)", column: column)
        }
        defaultClass = rrClass
    }

    private mutating func evaluateTTL(_ cursor: inout CommandLineCursor) throws(CommandError) {
        guard let (word, column) = cursor.nextWord() else { throw CommandError("could not read ttl", column: cursor.restColumn) }
        if word.equalsKeyword("none") {
            defaultTTL = nil
            return
        }
        switch Self.parseUInt32(word) {
        case .failure(let reason):
            // BIND rejects this line without a word; we say why.
            throw CommandError("ttl '\(word.text)': \(reason)", column: column)
        case .success(let ttl):
            guard ttl <= Self.maxTTL else {
                throw CommandError("ttl '\(word.text)' is out of range (0 to \(Self.maxTTL))", column: column)
            }
            defaultTTL = ttl
        }
    }

    private mutating func evaluateCheckNames(_ cursor: inout CommandLineCursor) throws(CommandError) {
        guard let (word, column) = cursor.nextWord() else {
            throw CommandError("could not read check-names directive", column: cursor.restColumn)
        }
        if word.equalsKeyword("yes") || word.equalsKeyword("true") || word.equalsKeyword("on") {
            checkNames = true
        } else if word.equalsKeyword("no") || word.equalsKeyword("false") || word.equalsKeyword("off") {
            checkNames = false
        } else {
            throw CommandError("incorrect check-names directive: \(word.text)", column: column)
        }
    }

    private mutating func evaluateKey(_ cursor: inout CommandLineCursor) throws(CommandError) {
        guard let (nameWord, column) = cursor.nextWord() else { throw CommandError("could not read key name", column: cursor.restColumn) }
        var algorithm = TSIGAlgorithm.hmacMD5
        var macLength: Int?
        var name = nameWord
        if let colon = nameWord.firstIndex(of: UInt8(ascii: ":")) {
            switch KeyText.algorithm(String(decoding: nameWord[..<colon], as: UTF8.self)) {
            case .success(let parsed): (algorithm, macLength) = parsed
            case .failure(let failure): throw CommandError(failure.message, column: column)
            }
            name = nameWord[(colon + 1)...]
        }
        let keyName: DomainName
        do {
            keyName = try DomainName(text: name, origin: .root)
        } catch {
            throw CommandError("could not parse key name", column: column)
        }
        // The secret is the rest of the line, blanks and all (BIND splits on CR/LF only).
        guard let (secretText, secretColumn) = cursor.nextWord(delimiters: [0x0D, 0x0A]) else {
            throw CommandError("could not read key secret", column: cursor.restColumn)
        }
        guard let secret = KeyText.secret(secretText) else {
            throw CommandError("could not create key from \(secretText.text): bad base64 encoding", column: secretColumn)
        }
        key = SessionKey(key: TSIGKey(name: keyName, algorithm: algorithm, secret: secret), macLength: macLength)
    }

    // MARK: Shared readers

    /// BIND refuses TTLs above 2^31 - 1 (RFC 2181 §8).
    static let maxTTL: UInt32 = 2_147_483_647

    /// `isc_parse_uint32` in base 10: digits only (the first must be alphanumeric),
    /// "not a valid number" or "out of range" otherwise.
    static func parseUInt32(_ word: ArraySlice<UInt8>) -> Result<UInt32, NumberError> {
        guard let first = word.first, first &- 48 < 10 || (first | 0x20) &- 0x61 < 26 else { return .failure(.notANumber) }
        guard word.allSatisfy({ $0 &- 48 < 10 }) else { return .failure(.notANumber) }
        var value: UInt64 = 0
        for digit in word {
            value = value * 10 + UInt64(digit - 48)
            if value > UInt64(UInt32.max) { return .failure(.outOfRange) }
        }
        return .success(UInt32(value))
    }

    enum NumberError: Error, CustomStringConvertible {
        case notANumber, outOfRange
        var description: String { self == .notANumber ? "not a valid number" : "out of range" }
    }

    /// `dns_rdatatype_fromtext`: our mnemonics, and the few newer ones BIND 9.18.49
    /// also knows (DSYNC, HHIT, BRID).
    static func bindType(_ word: ArraySlice<UInt8>) -> RRType? {
        if let type = RRType(mnemonic: word) { return type }
        let upper = String(decoding: word.map { $0 &- 0x61 < 26 ? $0 - 0x20 : $0 }, as: UTF8.self)
        return bindOnlyTypes[upper]
    }

    static let bindOnlyTypes: [String: RRType] = {
        var table: [String: RRType] = [:]
        for code in BINDMnemonics.namedTypeCodes where RRType(code).mnemonic == nil {
            table[BINDMnemonics.typeName(RRType(code))] = RRType(code)
        }
        return table
    }()

    /// `dns_rdataclass_fromtext`: as ours, but BIND has no name for class 2 (`CS`).
    static func bindClass(_ word: ArraySlice<UInt8>) -> RRClass? {
        guard !word.equalsKeyword("cs") else { return nil }
        if word.equalsKeyword("reserved0") { return RRClass(0) }
        return RRClass(mnemonic: word)
    }
}
