/// RFC 2136 §2 names for the four sections of an UPDATE message. They are views of the
/// same storage, so an UPDATE decodes and encodes exactly like a query.
extension Message {
    /// The zone section (RFC 2136 §2.3): the question section.
    public var zones: [Question] {
        get { questions }
        set { questions = newValue }
    }

    /// The zone being updated: the only entry of the zone section when there is
    /// exactly one (RFC 2136 §3.1.1 makes any other count a FORMERR).
    public var zone: Question? {
        questions.count == 1 ? questions[0] : nil
    }

    /// The prerequisite section (RFC 2136 §2.4): the answer section.
    public var prerequisites: [ResourceRecord] {
        get { answers }
        set { answers = newValue }
    }

    /// The update section (RFC 2136 §2.5): the authority section.
    public var updates: [ResourceRecord] {
        get { authorities }
        set { authorities = newValue }
    }

    /// True when the opcode is UPDATE.
    public var isUpdate: Bool { header.opcode == .update }
}
