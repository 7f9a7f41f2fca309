/// RDATA whose format depends on the class, as BIND implements it: most types mean the
/// same in every class, but a few are defined for IN only (RFC 1035 §3.4, and the
/// address-bearing types after it), and A in class CH is a Chaosnet address (a domain
/// name and a 16-bit octal address, RFC 1035 §3.4.1's sibling in BIND's ch_3/a_1).
///
/// Outside IN those types read only as RFC 3597 generic data, kept opaque; CH A reads
/// in its own form. Everything else goes through the class-free `RData` codecs.
enum ClassSpecificRData {
    /// BIND's rdata/in_1 types: no presentation format in any other class.
    static let internetOnly: Set<RRType> = [
        .a, .wks, .nsap, .nsapPtr, .px, .aaaa, .eid, .nimloc, .srv, .atma, .naptr, .kx, .a6, .apl, .dhcid,
        .svcb, .https,
    ]

    /// The RDATA of `type` in `rrClass`, or nil when the class-free codec applies.
    static func read(_ reader: inout RDataTextReader, type: RRType, rrClass: RRClass) throws(TextError) -> RData? {
        guard rrClass != .in, internetOnly.contains(type) else { return nil }
        // HS borrows IN's A (BIND's hs_4/a_1).
        if rrClass == .hs && type == .a { return nil }
        if let first = reader.peek(), !first.isQuoted, reader.bytes(first).elementsEqual([0x5C, 0x23]) {
            reader.skip()
            let lengthToken = reader.currentToken
            let length = try reader.number(max: 65535, "RDATA length")
            let data = try reader.hexRemaining("generic RDATA", allowEmpty: length == 0)
            guard data.count == length else {
                throw reader.error(.badRData, "generic RDATA length \(length) does not match the \(data.count) octets given", at: lengthToken)
            }
            return .unknown(UnknownRData(type: type, data: data))
        }
        if rrClass == .ch && type == .a {
            let name = try reader.name("a Chaosnet domain name")
            let token = try reader.next("a Chaosnet address")
            guard let address = octal(reader.bytes(token)) else {
                throw reader.error(.badNumber, "bad Chaosnet address '\(reader.entry.text(of: token))': expected an octal number up to 177777", at: token)
            }
            try reader.expectEnd()
            return .unknown(UnknownRData(type: type, data: name.wire + [UInt8(address >> 8), UInt8(address & 0xFF)]))
        }
        let token = reader.currentToken
        throw reader.error(.unknownType, "type \(type) has no presentation format in class \(rrClass): write its RDATA as \\# length hex", at: token)
    }

    static func octal(_ text: ArraySlice<UInt8>) -> UInt16? {
        guard !text.isEmpty, text.count <= 6 else { return nil }
        var value: UInt32 = 0
        for byte in text {
            guard byte &- 48 < 8 else { return nil }
            value = value * 8 + UInt32(byte - 48)
        }
        return value <= 0xFFFF ? UInt16(value) : nil
    }
}
