extension Message {
    /// The three record sections, in wire order.
    enum Section: CustomStringConvertible {
        case answer, authority, additional

        var description: String {
            switch self {
            case .answer: return "answer"
            case .authority: return "authority"
            case .additional: return "additional"
            }
        }
    }

    /// Decodes a whole message, strictly: every count must be met, every RDLENGTH must
    /// be filled exactly by its RDATA, and no octet may follow the last record. Any
    /// failure is a `WireError` a server answers with FORMERR.
    ///
    /// Beyond the format, the rules BIND 9.18's parser applies are applied here too, so
    /// that we answer FORMERR where BIND does: questions share one name and class and
    /// do not repeat; outside UPDATE every record has the message's class; one OPT, at
    /// the root, in the additional section; TSIG last; RFC 2136's empty RDATA only in
    /// prerequisites and deletions; type 0 never; known EDNS options well-formed.
    ///
    /// Nothing is allocated from a count before the count is checked against the
    /// octets left, and compression pointers must point backwards (see `WireReader`),
    /// so hostile input costs time and memory in proportion to its length.
    public init(wire bytes: [UInt8]) throws(WireError) {
        guard bytes.count >= MessageHeader.wireLength else {
            throw WireError(.truncated, at: bytes.count, "a header needs 12 octets, found \(bytes.count)")
        }
        var reader = WireReader(bytes: bytes)
        let id = try reader.readU16()
        var header = MessageHeader(id: id, flagsWord: try reader.readU16())
        let questionCount = Int(try reader.readU16())
        let answerCount = Int(try reader.readU16())
        let authorityCount = Int(try reader.readU16())
        let additionalCount = Int(try reader.readU16())

        let minimum = questionCount * Question.minimumWireLength
            + (answerCount + authorityCount + additionalCount) * ResourceRecord.minimumWireLength
        guard minimum <= reader.remaining else {
            throw WireError(.tooManyRecords, at: 4,
                            "counts \(questionCount)/\(answerCount)/\(authorityCount)/\(additionalCount) need at least \(minimum) octets, \(reader.remaining) follow the header")
        }

        var questions: [Question] = []
        questions.reserveCapacity(questionCount)
        // Several questions must share one name and one class, so only their types
        // can repeat; a set keeps that check linear however many there are.
        var questionTypes = Set<RRType>()
        for index in 0..<questionCount {
            try Self.checkNotAtEnd(reader, owed: questionCount - index, of: "question")
            let start = reader.position
            let question = try Question(wire: &reader)
            if let first = questions.first {
                guard question.name == first.name, question.rrClass == first.rrClass else {
                    throw WireError(.badQuestion, at: start, "question \(question) differs from \(first) in name or class")
                }
                guard questionTypes.insert(question.type).inserted else {
                    throw WireError(.badQuestion, at: start, "question \(question) repeated")
                }
            } else if questionCount > 1 {
                questionTypes.insert(question.type)
            }
            questions.append(question)
        }

        var extras = PseudoRecords()
        extras.messageClass = questions.first?.rrClass
        let isUpdate = header.opcode == .update
        let answers = try Self.readRecords(answerCount, in: .answer, isUpdate: isUpdate, from: &reader, extras: &extras)
        let authorities = try Self.readRecords(authorityCount, in: .authority, isUpdate: isUpdate, from: &reader, extras: &extras)
        let additionals = try Self.readRecords(additionalCount, in: .additional, isUpdate: isUpdate, from: &reader, extras: &extras)
        guard reader.isAtEnd else {
            throw WireError(.trailingBytes, at: reader.position, "\(reader.remaining) octets after the last record")
        }

        if let extended = extras.extendedRCode {
            header.rcode = RCode(UInt16(extended) << 4 | header.rcode.rawValue)
        }
        self.init(header: header, questions: questions, answers: answers, authorities: authorities,
                  additionals: additionals, edns: extras.edns, tsig: extras.tsig)
        tsigLocation = extras.tsigLocation
    }

    /// Data that ends exactly where a question or record should start means the counts
    /// promised more than was sent: a different fault from a record cut in the middle.
    static func checkNotAtEnd(_ reader: WireReader, owed: Int, of section: String) throws(WireError) {
        guard reader.isAtEnd else { return }
        throw WireError(.tooManyRecords, at: reader.position,
                        "the message ends with \(owed) \(section) record\(owed == 1 ? "" : "s") still counted")
    }

    /// The OPT and TSIG records found while reading the sections.
    struct PseudoRecords {
        /// The class every record must have outside UPDATE: the question's, or the
        /// first record's when there is no question (later AXFR messages).
        var messageClass: RRClass?
        var edns: EDNS?
        var extendedRCode: UInt8?
        var tsig: TSIGRecord?
        var tsigLocation: TSIGLocation?
    }

    static func readRecords(_ count: Int, in section: Section, isUpdate: Bool, from reader: inout WireReader,
                            extras: inout PseudoRecords) throws(WireError) -> [ResourceRecord] {
        var records: [ResourceRecord] = []
        records.reserveCapacity(count)
        for index in 0..<count {
            try checkNotAtEnd(reader, owed: count - index, of: "\(section)")
            let start = reader.position
            let owner = try reader.readName()
            let type = RRType(try reader.readU16())
            let rrClass = RRClass(try reader.readU16())
            let ttl = try reader.readU32()
            let lengthOffset = reader.position
            let length = Int(try reader.readU16())
            guard length <= reader.remaining else {
                throw WireError(.rdataLength, at: lengthOffset,
                                "\(type) RDLENGTH \(length) runs past the message (\(reader.remaining) octets left)")
            }
            let messageEnd = reader.limit
            reader.limit = reader.position + length

            switch type {
            case .opt:
                // RFC 6891 §6.1.1: one OPT, in the additional section, owned by the root.
                guard section == .additional else {
                    throw WireError(.badOPT, at: start, "OPT record in the \(section) section")
                }
                guard extras.edns == nil else { throw WireError(.badOPT, at: start, "second OPT record") }
                guard owner.isRoot else { throw WireError(.badOPT, at: start, "OPT owner \(owner) is not the root") }
                let (edns, extended) = try EDNS.decode(payloadSize: rrClass.rawValue, ttl: ttl, from: &reader)
                extras.edns = edns
                extras.extendedRCode = extended
            case .tsig:
                // RFC 8945 §5.1: the last record of the additional section, class ANY.
                guard section == .additional, index == count - 1 else {
                    throw WireError(.badTSIG, at: start, "TSIG record is not the last record of the message")
                }
                guard rrClass == .any else {
                    throw WireError(.badTSIG, at: start, "TSIG record of class \(rrClass), not ANY")
                }
                extras.tsig = try TSIGRecord(keyName: owner, rdata: &reader)
                extras.tsigLocation = TSIGLocation(offset: start, additionalCount: UInt16(count))
            default:
                if !isUpdate, !Self.classFreeTypes.contains(type.rawValue) {
                    // BIND's rule: outside UPDATE all data is of one class, unless that
                    // class is ANY. TSIG, TKEY, SIG(0) and KEY have classes of their own.
                    if let messageClass = extras.messageClass {
                        guard messageClass == .any || rrClass == messageClass else {
                            throw WireError(.classMismatch, at: start, "\(type) record of class \(rrClass) in a class \(messageClass) message")
                        }
                    } else {
                        extras.messageClass = rrClass
                    }
                }
                let rdata: RData
                if isUpdate, (section == .answer && (rrClass == .any || rrClass == .none))
                    || (section == .authority && rrClass == .any) {
                    // RFC 2136 §2.4, §2.5: prerequisites of class ANY or NONE and
                    // deletions of class ANY name an RRset or a name, and carry no RDATA
                    // whatever the type's format; RDATA there is a FORMERR (§3.2.1,
                    // §3.4.1.2), as in BIND. Deleting one RR (update section, class NONE)
                    // gives the RR's RDATA, decoded like any other.
                    guard length == 0 else {
                        throw WireError(.rdataLength, at: lengthOffset,
                                        "\(section == .answer ? "prerequisite" : "update") of class \(rrClass) with \(length) octets of RDATA")
                    }
                    rdata = .unknown(UnknownRData(type: type, data: []))
                } else if type.rawValue == 0 {
                    throw WireError(.badRData, at: start, "type 0 is reserved and has no RDATA format")
                } else if rrClass != .in, rrClass != .none, rrClass != .any, Self.isClassINOnly(type, in: rrClass) {
                    // RFC 3597 §5: these types are defined for class IN; in another class
                    // their RDATA is opaque, as BIND keeps it.
                    rdata = .unknown(UnknownRData(type: type, data: reader.readRemaining()))
                } else {
                    rdata = try RData.decode(type: type, from: &reader)
                }
                records.append(ResourceRecord(owner: owner, type: type, rrClass: rrClass, ttl: ttl, rdata: rdata))
            }
            reader.limit = messageEnd
        }
        return records
    }

    /// SIG (for SIG(0)), KEY and TKEY may differ in class from the rest of a message.
    static let classFreeTypes: Set<UInt16> = [24, 25, 249]

    /// Types whose RDATA format is defined for class IN only (BIND's `rdata/in_1/`): A
    /// (which HS shares), WKS, NSAP, NSAP-PTR, PX, AAAA, EID, NIMLOC, SRV, ATMA, NAPTR, KX,
    /// A6, APL, DHCID, SVCB, HTTPS.
    static let classINOnlyTypes: Set<UInt16> = [1, 11, 22, 23, 26, 28, 31, 32, 33, 34, 35, 36, 38, 42, 49, 64, 65]

    /// True when `type`'s RDATA has no defined format in `rrClass` (not IN).
    static func isClassINOnly(_ type: RRType, in rrClass: RRClass) -> Bool {
        classINOnlyTypes.contains(type.rawValue) && !(rrClass == .hs && type == .a)
    }
}
