/// A DNS message (RFC 1035 §4.1): header, question, answer, authority and additional
/// sections.
///
/// The two pseudo-records are lifted out of the additional section: the OPT record
/// into `edns` (RFC 6891) and a trailing TSIG record into `tsig` (RFC 8945). What is
/// left in `additionals` is data, and encoding puts the pseudo-records back where they
/// belong (OPT after the data, TSIG last). UPDATE messages (RFC 2136 §2) use the same
/// four sections under other names; see `Message+Update.swift`.
///
/// Two messages are equal when they say the same thing: `tsigLocation`, which only
/// records where a TSIG sat in the bytes a message was decoded from, is left out.
public struct Message: Sendable {
    public var header: MessageHeader
    public var questions: [Question]
    public var answers: [ResourceRecord]
    public var authorities: [ResourceRecord]
    /// The additional section without its OPT and TSIG records.
    public var additionals: [ResourceRecord]
    /// The OPT record's contents, or nil for a message without EDNS.
    public var edns: EDNS?
    /// The TSIG record, always the last record of the message on the wire.
    public var tsig: TSIGRecord?
    /// Set by decoding when the message carried a TSIG record.
    public internal(set) var tsigLocation: TSIGLocation?

    public init(header: MessageHeader = MessageHeader(), questions: [Question] = [], answers: [ResourceRecord] = [],
                authorities: [ResourceRecord] = [], additionals: [ResourceRecord] = [],
                edns: EDNS? = nil, tsig: TSIGRecord? = nil) {
        self.header = header
        self.questions = questions
        self.answers = answers
        self.authorities = authorities
        self.additionals = additionals
        self.edns = edns
        self.tsig = tsig
        self.tsigLocation = nil
    }

    /// The section counts this message has on the wire, pseudo-records included.
    public var wireCounts: (questions: Int, answers: Int, authorities: Int, additionals: Int) {
        (questions.count, answers.count, authorities.count,
         additionals.count + (edns == nil ? 0 : 1) + (tsig == nil ? 0 : 1))
    }
}

extension Message: Hashable {
    public static func == (a: Message, b: Message) -> Bool {
        a.header == b.header && a.questions == b.questions && a.answers == b.answers
            && a.authorities == b.authorities && a.additionals == b.additionals
            && a.edns == b.edns && a.tsig == b.tsig
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(header)
        hasher.combine(questions)
        hasher.combine(answers)
        hasher.combine(authorities)
        hasher.combine(additionals)
        hasher.combine(edns)
        hasher.combine(tsig)
    }
}
