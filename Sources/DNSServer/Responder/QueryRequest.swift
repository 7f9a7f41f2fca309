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
    /// no compression pointer, no records but an optional OPT record without options,
    /// nothing after. Anything else returns nil, and the strict decoder
    /// (`Message(wire:)`) takes the request, so both paths accept exactly the same
    /// messages.
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
            // version and flags, RDLENGTH 0.
            guard index + 11 == count, bytes[index] == 0, bytes[index + 1] == 0, bytes[index + 2] == 41,
                  bytes[index + 9] == 0, bytes[index + 10] == 0 else { return nil }
            hasEDNS = true
            payloadSize = UInt16(bytes[index + 3]) << 8 | UInt16(bytes[index + 4])
            ednsVersion = bytes[index + 6]
            dnssecOK = bytes[index + 7] & 0x80 != 0
        } else {
            guard index == count else { return nil }
        }
    }
}
