import DNSCore

/// The parts of a query the responder needs, read without decoding the message.
struct QueryRequest {
    var id: UInt16
    /// The request's flags word (opcode, RD, CD are echoed).
    var flags: UInt16
    /// The question's name is `nameLength` octets of uncompressed wire form.
    var nameLength: Int
    var type: RRType
    var rrClass: RRClass
    var hasEDNS = false
    var payloadSize: UInt16 = 512
    var ednsVersion: UInt8 = 0
    var dnssecOK = false

    init(id: UInt16, flags: UInt16, nameLength: Int, type: RRType, rrClass: RRClass) {
        self.id = id
        self.flags = flags
        self.nameLength = nameLength
        self.type = type
        self.rrClass = rrClass
    }

    /// Reads the common shape of a query: opcode QUERY, one question whose name has
    /// no compression pointer, no records but an optional OPT record, nothing after.
    /// The OPT record may carry the options resolvers send and the responder ignores
    /// (`ignoredOptionsAreWellFormed`). Anything else returns nil, and the strict
    /// decoder (`Message(wire:)`) takes the request, so both paths accept exactly the
    /// same messages.
    init?(fastParse bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard count >= 17 else { return nil }
        let flags = UInt16(bytes[2]) << 8 | UInt16(bytes[3])
        // QR clear, opcode QUERY; QDCOUNT 1, ANCOUNT 0, NSCOUNT 0, ARCOUNT 0 or 1.
        guard flags & 0xF800 == 0, bytes[4] == 0, bytes[5] == 1, bytes[6] == 0, bytes[7] == 0,
              bytes[8] == 0, bytes[9] == 0, bytes[10] == 0, bytes[11] <= 1 else { return nil }
        var index = 12
        while true {
            guard index < count else { return nil }
            let length = Int(bytes[index])
            if length == 0 { break }
            guard length <= 63 else { return nil }
            index += 1 + length
        }
        index += 1
        let nameLength = index - 12
        guard nameLength <= DomainName.maxWireLength, index + 4 <= count else { return nil }
        self.init(id: UInt16(bytes[0]) << 8 | UInt16(bytes[1]), flags: flags, nameLength: nameLength,
                  type: RRType(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])),
                  rrClass: RRClass(UInt16(bytes[index + 2]) << 8 | UInt16(bytes[index + 3])))
        index += 4
        if bytes[11] == 1 {
            // OPT: root owner, type 41, class = payload size, TTL = extended RCODE,
            // version and flags, RDLENGTH, options.
            guard index + 11 <= count, bytes[index] == 0, bytes[index + 1] == 0, bytes[index + 2] == 41,
                  index + 11 + (Int(bytes[index + 9]) << 8 | Int(bytes[index + 10])) == count,
                  Self.ignoredOptionsAreWellFormed(bytes, from: index + 11) else { return nil }
            hasEDNS = true
            payloadSize = UInt16(bytes[index + 3]) << 8 | UInt16(bytes[index + 4])
            ednsVersion = bytes[index + 6]
            dnssecOK = bytes[index + 7] & 0x80 != 0
        } else {
            guard index == count else { return nil }
        }
    }

    /// True when the options from `start` to the end fill it exactly and are all ones
    /// the answer does not depend on, well-formed by the strict decoder's rules:
    /// COOKIE (RFC 7873; 8 or 16 to 40 octets, ignored: we send no server cookie, as
    /// the RFC allows), NSID (RFC 5001, not served), TCP keepalive (RFC 7828) and
    /// PADDING (RFC 7830). Resolvers send a COOKIE with every query; without this they
    /// would all take the slow path. Any other option (EXPIRE, which the secondary
    /// answers, CLIENT-SUBNET, ...) is left to the strict decoder.
    static func ignoredOptionsAreWellFormed(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        let end = bytes.count
        while index < end {
            guard index + 4 <= end else { return false }
            let code = UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            index += 4 + length
            guard index <= end else { return false }
            switch code {
            case EDNSOptionCode.cookie.rawValue:
                guard length == 8 || (16...40).contains(length) else { return false }
            case EDNSOptionCode.nsid.rawValue, EDNSOptionCode.tcpKeepalive.rawValue, EDNSOptionCode.padding.rawValue:
                continue
            default:
                return false
            }
        }
        return true
    }
}
