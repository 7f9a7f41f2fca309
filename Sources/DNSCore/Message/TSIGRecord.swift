/// A TSIG record (RFC 8945 §4.2), the fields a signer fills in and a verifier checks.
///
/// The codec only carries the record: computing and checking the MAC lives with the
/// keys, above DNSCore. On the wire the record is always the last one of the additional
/// section, class ANY, TTL 0, and its names are never compressed (RFC 8945 §4.2,
/// RFC 3597 §4).
public struct TSIGRecord: Hashable, Sendable {
    /// The owner name: the key's name.
    public var keyName: DomainName
    /// The algorithm, as a name (`hmac-sha256.`).
    public var algorithm: DomainName
    /// Seconds since the epoch; 48 bits on the wire.
    public var timeSigned: UInt64
    /// Seconds of clock skew the signer allows.
    public var fudge: UInt16
    public var mac: [UInt8]
    /// The message ID the signer used; a forwarder may change the header's.
    public var originalID: UInt16
    /// The TSIG error (RFC 8945 §3: BADSIG, BADKEY, BADTIME, BADTRUNC), or NOERROR.
    public var error: RCode
    /// Empty, except for BADTIME where it holds the server's time (RFC 8945 §5.2.3).
    public var otherData: [UInt8]

    public init(keyName: DomainName, algorithm: DomainName, timeSigned: UInt64, fudge: UInt16 = 300,
                mac: [UInt8], originalID: UInt16, error: RCode = .noError, otherData: [UInt8] = []) {
        self.keyName = keyName
        self.algorithm = algorithm
        self.timeSigned = timeSigned
        self.fudge = fudge
        self.mac = mac
        self.originalID = originalID
        self.error = error
        self.otherData = otherData
    }

    /// Seconds fit in 48 bits (RFC 8945 §4.2).
    public static let maxTimeSigned: UInt64 = 0xFFFF_FFFF_FFFF

    /// The whole record's length on the wire.
    public var wireLength: Int {
        keyName.wire.count + 10 + algorithm.wire.count + 16 + mac.count + otherData.count
    }

    /// Reads the RDATA that fills `reader` up to its limit.
    init(keyName: DomainName, rdata reader: inout WireReader) throws(WireError) {
        self.keyName = keyName
        algorithm = try reader.readName(allowCompression: false)
        let high = UInt64(try reader.readU16())
        timeSigned = high << 32 | UInt64(try reader.readU32())
        fudge = try reader.readU16()
        let macLength = Int(try reader.readU16())
        mac = try reader.readBytes(macLength)
        originalID = try reader.readU16()
        error = RCode(try reader.readU16())
        let otherLength = Int(try reader.readU16())
        otherData = try reader.readBytes(otherLength)
        guard reader.isAtEnd else {
            throw WireError(.rdataLength, at: reader.position, "TSIG: \(reader.remaining) octets left after the RDATA")
        }
    }

    /// Writes the whole record: owner, type, class ANY, TTL 0, RDATA.
    public func encode(to writer: inout WireWriter) {
        precondition(mac.count <= 0xFFFF && otherData.count <= 0xFFFF, "TSIG field longer than 65535 octets")
        writer.writeName(keyName, compress: false)
        writer.writeU16(RRType.tsig.rawValue)
        writer.writeU16(RRClass.any.rawValue)
        writer.writeU32(0)
        writer.writeU16(UInt16(truncatingIfNeeded: wireLength - keyName.wire.count - 10))
        writer.writeName(algorithm, compress: false)
        let time = timeSigned & Self.maxTimeSigned
        writer.writeU16(UInt16(truncatingIfNeeded: time >> 32))
        writer.writeU32(UInt32(truncatingIfNeeded: time))
        writer.writeU16(fudge)
        writer.writeU16(UInt16(mac.count))
        writer.writeBytes(mac)
        writer.writeU16(originalID)
        writer.writeU16(error.rawValue)
        writer.writeU16(UInt16(otherData.count))
        writer.writeBytes(otherData)
    }
}

/// Where a received message's TSIG record sat, so a verifier can MAC the exact bytes
/// the signer covered (RFC 8945 §4.3.1): the message up to the TSIG record, with the
/// original ID and ARCOUNT one less than received.
public struct TSIGLocation: Hashable, Sendable {
    /// Offset of the TSIG record's owner name in the received bytes.
    public var offset: Int
    /// ARCOUNT as received, the TSIG record included.
    public var additionalCount: UInt16

    public init(offset: Int, additionalCount: UInt16) {
        self.offset = offset
        self.additionalCount = additionalCount
    }

    /// The received message as it was before the TSIG record was added: the bytes
    /// before `offset`, with `originalID` as the ID and ARCOUNT less one.
    public func unsignedMessage(from wire: [UInt8], originalID: UInt16) -> [UInt8] {
        precondition(offset >= MessageHeader.wireLength && offset <= wire.count && additionalCount > 0)
        var bytes = Array(wire[0..<offset])
        bytes[0] = UInt8(originalID >> 8)
        bytes[1] = UInt8(truncatingIfNeeded: originalID)
        let count = additionalCount - 1
        bytes[10] = UInt8(count >> 8)
        bytes[11] = UInt8(truncatingIfNeeded: count)
        return bytes
    }
}
