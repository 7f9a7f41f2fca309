extension Message {
    /// The message as BIND 9.18 prints it: header lines, the OPT pseudosection, each
    /// non-empty section (`;; ZONE SECTION:` and so on for UPDATE), then the TSIG
    /// pseudosection. Records are `owner TTL CLASS TYPE RDATA` on BIND's tab stops
    /// (columns 24, 32, 40 and 48), in wire order, as dig 9.18 keeps them.
    ///
    /// dig's own lines are left out: its greeting and statistics, and the notes that
    /// depend on what it sent (a cookie's `(good)`, the `+noedns` retry hint). Its
    /// warning about recursion is kept, since it follows from the header alone.
    ///
    /// This is what nsupdate's `show` and `answer` print (`.nsupdateShow`, `.nsupdate`)
    /// and what dig prints for a received message (`.dig`).
    public func text(style: MessageTextStyle = .dig) -> String {
        var out = ColumnText()
        writeHeader(style, to: &out)
        writeOPTPseudosection(to: &out)
        let names: [String] = isUpdate
            ? ["ZONE", "PREREQUISITE", "UPDATE", "ADDITIONAL"]
            : ["QUESTION", "ANSWER", "AUTHORITY", "ADDITIONAL"]
        if !questions.isEmpty {
            out.append(";; \(names[0]) SECTION:")
            out.newline()
            for question in questions {
                out.bytes.append(UInt8(ascii: ";"))
                writeQuestion(question, to: &out)
            }
            out.newline()
        }
        for (index, records) in [answers, authorities, additionals].enumerated() where !records.isEmpty {
            out.append(";; \(names[index + 1]) SECTION:")
            out.newline()
            // Only prerequisites and deletions carry records without RDATA.
            let updateSection = isUpdate && index < 2
            for record in records { writeRecord(record, updateSection: updateSection, unsent: style.isUnsent, to: &out) }
            out.newline()
        }
        if let tsig {
            out.append(";; TSIG PSEUDOSECTION:")
            out.newline()
            writeTSIG(tsig, to: &out)
            out.newline()
        }
        return out.text
    }

    private func writeHeader(_ style: MessageTextStyle, to out: inout ColumnText) {
        let counts = style.isUnsent ? (0, 0, 0, 0) : wireCounts
        let status: String
        let id: String
        switch style.header {
        case .dig:
            status = BINDText.rcodeName(header.rcode) ?? "?\(header.rcode.rawValue)"
            id = "\(header.id)"
        case .library:
            status = BINDText.rcodeName(header.rcode) ?? "\(header.rcode.rawValue)"
            let digits = "\(header.id)"
            id = String(repeating: " ", count: max(0, 6 - digits.count)) + digits
        }
        out.append(";; ->>HEADER<<- opcode: \(header.opcode), status: \(status), id: \(id)")
        out.newline()
        var flags = ";; flags:"
        if header.isResponse { flags += " qr" }
        if header.isAuthoritative { flags += " aa" }
        if header.isTruncated { flags += " tc" }
        if header.recursionDesired { flags += " rd" }
        if header.recursionAvailable { flags += " ra" }
        if header.authenticData { flags += " ad" }
        if header.checkingDisabled { flags += " cd" }
        if header.z { flags += "; MBZ: 0x4" }
        switch style.header {
        case .dig:
            out.append("\(flags); QUERY: \(counts.0), ANSWER: \(counts.1), AUTHORITY: \(counts.2), ADDITIONAL: \(counts.3)")
            out.newline()
            // dig checks RD and RA of whatever it received, response or not.
            if header.recursionDesired && !header.recursionAvailable {
                out.append(";; WARNING: recursion requested but not available")
                out.newline()
            }
            out.newline()
        case .library:
            let sectionNames = isUpdate ? ("ZONE", "PREREQ", "UPDATE") : ("QUESTION", "ANSWER", "AUTHORITY")
            out.append("\(flags); \(sectionNames.0): \(counts.0), \(sectionNames.1): \(counts.1), \(sectionNames.2): \(counts.2), ADDITIONAL: \(counts.3)")
            out.newline()
        }
    }

    private func writeQuestion(_ question: Question, to out: inout ColumnText) {
        out.column = 0  // BIND counts columns from the name, after the ';'
        var name: [UInt8] = []
        question.name.appendText(to: &name)
        out.append(bytes: name)
        out.indent(to: 32)
        out.append(BINDText.className(question.rrClass))
        out.indent(to: 40)
        out.append(BINDText.typeName(question.type))
        out.newline()
    }

    private func writeRecordStart(owner: DomainName, ttl: UInt32, rrClass: RRClass, type: RRType, to out: inout ColumnText) {
        var name: [UInt8] = []
        owner.appendText(to: &name)
        out.append(bytes: name)
        out.indent(to: 24)
        out.append("\(ttl)")
        out.indent(to: 32)
        out.append(BINDText.className(rrClass))
        out.indent(to: 40)
        out.append(BINDText.typeName(type))
        out.indent(to: 48)
    }

    private func writeRecord(_ record: ResourceRecord, updateSection: Bool, unsent: Bool, to out: inout ColumnText) {
        writeRecordStart(owner: record.owner, ttl: record.ttl, rrClass: record.rrClass, type: record.type, to: &out)
        // RFC 2136 prerequisites and deletions carry no RDATA; BIND prints nothing.
        if case .unknown(let unknown) = record.rdata, unknown.data.isEmpty, updateSection,
           record.rrClass == .any || record.rrClass == .none {
            out.newline()
            return
        }
        var writer = RDataTextWriter()
        var rdataClass = record.rrClass
        if unsent, rdataClass == .none || rdataClass == .any, let zone = questions.first {
            rdataClass = zone.rrClass
        }
        if rdataClass != .in, Self.isClassINOnly(record.type, in: rdataClass) {
            // BIND knows these types only in class IN (`rdata/in_1/`); in any other
            // class, UPDATE's NONE included, it prints the RFC 3597 generic form.
            writer.generic(record.rdata.wireBytes)
        } else {
            record.rdata.writeText(to: &writer)
        }
        out.append(bytes: writer.bytes)
        out.newline()
    }

    /// BIND's TSIG text: algorithm, time, fudge, MAC size, MAC (base64 in words of 56,
    /// absent when empty), original ID, error, other size and other data (base64 in
    /// words of 56), each followed by a blank, so the line ends with one.
    private func writeTSIG(_ tsig: TSIGRecord, to out: inout ColumnText) {
        writeRecordStart(owner: tsig.keyName, ttl: 0, rrClass: .any, type: .tsig, to: &out)
        var algorithm: [UInt8] = []
        tsig.algorithm.appendText(to: &algorithm)
        out.append(bytes: algorithm)
        out.append(" \(tsig.timeSigned & TSIGRecord.maxTimeSigned) \(tsig.fudge) \(tsig.mac.count) ")
        if !tsig.mac.isEmpty {
            out.append(bytes: Self.base64Words(tsig.mac, width: 56))
            out.append(" ")
        }
        out.append("\(tsig.originalID) \(BINDText.tsigErrorName(tsig.error)) \(tsig.otherData.count) ")
        out.append(bytes: Self.base64Words(tsig.otherData, width: 56))
        out.newline()
    }

    static func base64Words(_ data: [UInt8], width: Int) -> [UInt8] {
        let encoded = Base64.encode(data)
        var out: [UInt8] = []
        out.reserveCapacity(encoded.count + encoded.count / width)
        var start = 0
        while start < encoded.count {
            if start > 0 { out.append(0x20) }
            let end = min(start + width, encoded.count)
            out.append(contentsOf: encoded[start..<end])
            start = end
        }
        return out
    }
}
