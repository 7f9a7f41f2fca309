extension RData {
    /// Reads the RDATA of `type` from the reader's remaining tokens: the type's own
    /// presentation form, or RFC 3597's `\# length hex` for any type. Every token must
    /// be used.
    public init(text reader: inout RDataTextReader, type: RRType) throws(TextError) {
        if let first = reader.peek(), !first.isQuoted, reader.bytes(first).elementsEqual([0x5C, 0x23]) {
            reader.skip()
            self = try Self.readGeneric(&reader, type: type)
        } else if let format = Self.formats[type.rawValue] {
            let first = reader.currentToken
            let textLength = reader.remainingTextLength
            self = try format.init(text: &reader).rdata
            // RDATA is at most 65535 octets. Its text is never much shorter than its wire
            // form, so only long text needs the check (and the encoding it costs).
            if textLength > 0xFFFF / 2 && wireBytes.count > 0xFFFF {
                throw reader.error(.stringTooLong, "RDATA longer than 65535 octets", at: first)
            }
        } else {
            throw reader.error(.unknownType, "type \(type) has no presentation format: write its RDATA as \\# length hex")
        }
        try reader.expectEnd()
    }

    static func readGeneric(_ reader: inout RDataTextReader, type: RRType) throws(TextError) -> RData {
        let lengthToken = reader.currentToken
        let length = try reader.number(max: 65535, "RDATA length")
        let data = try reader.hexRemaining("generic RDATA", allowEmpty: length == 0)
        guard data.count == length else {
            throw reader.error(.badRData, "generic RDATA length \(length) does not match the \(data.count) octets given", at: lengthToken)
        }
        guard formats[type.rawValue] != nil else { return .unknown(UnknownRData(type: type, data: data)) }
        do {
            return try decode(type: type, bytes: data)
        } catch {
            throw reader.error(.badRData, "generic RDATA is not valid \(type): \(error)", at: lengthToken)
        }
    }

    /// Appends the presentation form; names relative to `origin` when one is given.
    public func writeText(to writer: inout RDataTextWriter) {
        switch self {
        case .unknown(let unknown): writer.generic(unknown.data)
        default: format!.writeText(to: &writer)
        }
    }

    /// The presentation form with absolute names.
    public var text: String {
        var writer = RDataTextWriter()
        writeText(to: &writer)
        return writer.text
    }

    /// Parses RDATA text of `type`, e.g. `RData(type: .mx, text: "10 mail.example.")`.
    public init(type: RRType, text: String, origin: DomainName? = .root) throws(TextError) {
        let entries = try EntryScanner.entries(in: Array(text.utf8))
        let entry = entries.first ?? TextEntry()
        var reader = RDataTextReader(entry: entry, from: 0, origin: origin)
        try self.init(text: &reader, type: type)
    }
}

extension RData: CustomStringConvertible {
    public var description: String { text }
}
