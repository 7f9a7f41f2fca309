/// The EDNS(0) information a message carries in its OPT pseudo-record (RFC 6891 §6.1).
///
/// The OPT record is taken out of the additional section when a message is decoded and
/// put back (last but for a TSIG) when it is encoded: it describes the message and the
/// transport, not the data, so code that walks the additional section never trips on it.
/// The extended RCODE bits are not here but in `MessageHeader.rcode`, joined with the
/// header's four bits, so there is one response code to read and set.
public struct EDNS: Hashable, Sendable {
    /// The requestor's UDP payload size (the OPT CLASS field), as sent.
    public var udpPayloadSize: UInt16
    public var version: UInt8
    /// DO: the requestor can take DNSSEC records (RFC 3225).
    public var dnssecOK: Bool
    /// The 15 Z bits after DO, as received. RFC 6891 §6.1.4 says to ignore them and
    /// send zero; they are kept so a message re-encodes to the same bytes.
    public var otherFlags: UInt16
    public var options: [EDNSOption]

    public init(udpPayloadSize: UInt16 = 1232, version: UInt8 = 0, dnssecOK: Bool = false,
                otherFlags: UInt16 = 0, options: [EDNSOption] = []) {
        self.udpPayloadSize = udpPayloadSize
        self.version = version
        self.dnssecOK = dnssecOK
        self.otherFlags = otherFlags & 0x7FFF
        self.options = options
    }

    /// RFC 6891 §6.2.5: a payload size below 512 is treated as 512.
    public var effectiveUDPPayloadSize: Int { max(512, Int(udpPayloadSize)) }

    /// The first option with `code`, if any.
    public func option(_ code: EDNSOptionCode) -> EDNSOption? {
        options.first { $0.code == code }
    }

    /// The NSID option's data (empty for a request), or nil without one.
    public var nsid: [UInt8]? { option(.nsid)?.data }

    /// The COOKIE option's raw data, or nil without one.
    public var cookie: [UInt8]? { option(.cookie)?.data }

    /// The EXPIRE option: nil without one, `.some(nil)` for a request (no data),
    /// `.some(seconds)` for an answer. A malformed EXPIRE reads as a request.
    public var expire: UInt32?? {
        guard let option = option(.expire) else { return nil }
        return .some(option.expireSeconds)
    }

    /// Every well-formed Extended DNS Error, in order (RFC 8914 §3 allows several).
    public var extendedDNSErrors: [ExtendedDNSError] {
        options.compactMap { option in
            guard option.code == .extendedDNSError else { return nil }
            return try? ExtendedDNSError(option: option)
        }
    }

    /// Puts `option` where the first option with its code was, dropping any others
    /// with that code, or appends it.
    public mutating func setOption(_ option: EDNSOption) {
        guard let index = options.firstIndex(where: { $0.code == option.code }) else {
            options.append(option)
            return
        }
        // Nothing before `index` has this code, so the slot is unchanged by the removal.
        options.removeAll { $0.code == option.code }
        options.insert(option, at: index)
    }

    /// The OPT record's length on the wire: root owner, type, class, TTL, RDLENGTH
    /// and the options.
    public var wireLength: Int {
        11 + options.reduce(0) { $0 + $1.wireLength }
    }
}

extension EDNS {
    /// Reads the OPT record's fields after its owner and type; `reader` is bounded by
    /// its RDATA. Returns the EDNS data and the extended RCODE's upper eight bits.
    /// Options we know must be well-formed (see `EDNSOption.formatProblem`), as BIND
    /// 9.18 requires: a malformed one makes the message a FORMERR there and here.
    static func decode(payloadSize: UInt16, ttl: UInt32, from reader: inout WireReader) throws(WireError) -> (EDNS, UInt8) {
        var options: [EDNSOption] = []
        while !reader.isAtEnd {
            let start = reader.position
            guard reader.remaining >= 4 else {
                throw WireError(.badOPT, at: start, "option header needs 4 octets, \(reader.remaining) left")
            }
            let code = try reader.readU16()
            let length = Int(try reader.readU16())
            guard length <= reader.remaining else {
                throw WireError(.badOPT, at: start, "option \(EDNSOptionCode(code)) length \(length) runs past the RDATA")
            }
            let option = EDNSOption(code: EDNSOptionCode(code), data: try reader.readBytes(length))
            if let problem = option.formatProblem {
                throw WireError(.badOPT, at: start, "\(option.code) option \(problem)")
            }
            options.append(option)
        }
        let edns = EDNS(
            udpPayloadSize: payloadSize,
            version: UInt8(truncatingIfNeeded: ttl >> 16),
            dnssecOK: ttl & 0x8000 != 0,
            otherFlags: UInt16(truncatingIfNeeded: ttl) & 0x7FFF,
            options: options
        )
        return (edns, UInt8(ttl >> 24))
    }

    /// Writes the whole OPT record. `extendedRCode` is the RCODE's upper eight bits.
    func encode(to writer: inout WireWriter, extendedRCode: UInt8) {
        writer.writeU8(0)  // root owner, never compressed (RFC 6891 §6.1.2)
        writer.writeU16(RRType.opt.rawValue)
        writer.writeU16(udpPayloadSize)
        var ttl = UInt32(extendedRCode) << 24 | UInt32(version) << 16 | UInt32(otherFlags & 0x7FFF)
        if dnssecOK { ttl |= 0x8000 }
        writer.writeU32(ttl)
        let lengthOffset = writer.count
        writer.writeU16(0)
        for option in options {
            writer.writeU16(option.code.rawValue)
            writer.writeU16(UInt16(option.data.count))
            writer.writeBytes(option.data)
        }
        let length = writer.count - lengthOffset - 2
        precondition(length <= 0xFFFF, "EDNS options longer than 65535 octets")
        writer.setU16(UInt16(length), at: lengthOffset)
    }
}
