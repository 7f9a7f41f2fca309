/// The fixed part of a message (RFC 1035 §4.1.1), without the section counts: those
/// follow from the sections themselves when a message is encoded.
///
/// `rcode` is the full 12-bit response code. Its low four bits travel in the header,
/// the upper eight in the OPT record (RFC 6891 §6.1.3), so a code above 15 needs EDNS:
/// without an OPT record only the low four bits reach the wire.
public struct MessageHeader: Hashable, Sendable {
    public var id: UInt16
    /// QR: the message is a response.
    public var isResponse: Bool
    public var opcode: Opcode
    /// AA: the answer comes from an authority for the question's zone.
    public var isAuthoritative: Bool
    /// TC: the message was truncated to fit its transport.
    public var isTruncated: Bool
    /// RD: the client asks for recursion.
    public var recursionDesired: Bool
    /// RA: the server offers recursion.
    public var recursionAvailable: Bool
    /// Z: the bit between RA and AD, which must be zero (RFC 1035); kept so that a
    /// message re-encodes to the same bits and so dig-style text can show it (`MBZ`).
    public var z: Bool
    /// AD: authentic data (RFC 4035 §3.2.3).
    public var authenticData: Bool
    /// CD: checking disabled (RFC 4035 §3.2.2).
    public var checkingDisabled: Bool
    public var rcode: RCode

    public init(
        id: UInt16 = 0, isResponse: Bool = false, opcode: Opcode = .query,
        isAuthoritative: Bool = false, isTruncated: Bool = false,
        recursionDesired: Bool = false, recursionAvailable: Bool = false, z: Bool = false,
        authenticData: Bool = false, checkingDisabled: Bool = false, rcode: RCode = .noError
    ) {
        self.id = id
        self.isResponse = isResponse
        self.opcode = opcode
        self.isAuthoritative = isAuthoritative
        self.isTruncated = isTruncated
        self.recursionDesired = recursionDesired
        self.recursionAvailable = recursionAvailable
        self.z = z
        self.authenticData = authenticData
        self.checkingDisabled = checkingDisabled
        self.rcode = rcode
    }

    /// The header's second 16-bit word: flags, opcode and the low four RCODE bits.
    public var flagsWord: UInt16 {
        var word = UInt16(opcode.rawValue & 0x0F) << 11 | (rcode.rawValue & 0x000F)
        if isResponse { word |= 0x8000 }
        if isAuthoritative { word |= 0x0400 }
        if isTruncated { word |= 0x0200 }
        if recursionDesired { word |= 0x0100 }
        if recursionAvailable { word |= 0x0080 }
        if z { word |= 0x0040 }
        if authenticData { word |= 0x0020 }
        if checkingDisabled { word |= 0x0010 }
        return word
    }

    /// Reads the flags word; the RCODE holds only the header's four bits until an OPT
    /// record adds the rest.
    public init(id: UInt16, flagsWord word: UInt16) {
        self.init(
            id: id,
            isResponse: word & 0x8000 != 0,
            opcode: Opcode(UInt8((word >> 11) & 0x0F)),
            isAuthoritative: word & 0x0400 != 0,
            isTruncated: word & 0x0200 != 0,
            recursionDesired: word & 0x0100 != 0,
            recursionAvailable: word & 0x0080 != 0,
            z: word & 0x0040 != 0,
            authenticData: word & 0x0020 != 0,
            checkingDisabled: word & 0x0010 != 0,
            rcode: RCode(word & 0x000F)
        )
    }

    /// The header octets are this long (RFC 1035 §4.1.1).
    public static let wireLength = 12
}
