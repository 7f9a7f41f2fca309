/// Message digest over a zone (RFC 8976 §2).
public struct ZONEMD: RDataFormat {
    public static let rrType = RRType.zonemd
    public var serial: UInt32
    public var scheme: UInt8
    public var hashAlgorithm: UInt8
    public var digest: [UInt8]

    public init(serial: UInt32, scheme: UInt8, hashAlgorithm: UInt8, digest: [UInt8]) {
        self.serial = serial
        self.scheme = scheme
        self.hashAlgorithm = hashAlgorithm
        self.digest = digest
    }

    /// RFC 8976 §2.2.4: at least 12 octets; SHA384 and SHA512 digests have their length.
    static func problem(_ algorithm: UInt8, _ length: Int) -> String? {
        switch (algorithm, length) {
        case (1, let n) where n != 48: return "a SHA384 digest is 48 octets, found \(n)"
        case (2, let n) where n != 64: return "a SHA512 digest is 64 octets, found \(n)"
        case (_, let n) where n < 12: return "a digest is at least 12 octets, found \(n)"
        default: return nil
        }
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        serial = try reader.readU32()
        scheme = try reader.readU8()
        hashAlgorithm = try reader.readU8()
        digest = reader.readRemaining()
        if let problem = Self.problem(hashAlgorithm, digest.count) { throw Self.malformed(reader, problem) }
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU32(serial)
        writer.writeU8(scheme)
        writer.writeU8(hashAlgorithm)
        writer.writeBytes(digest)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        serial = try reader.u32("serial")
        scheme = try reader.u8("scheme")
        hashAlgorithm = try reader.u8("hash algorithm")
        let first = reader.currentToken
        digest = try reader.hexRemaining("the digest")
        if let problem = Self.problem(hashAlgorithm, digest.count) { throw reader.error(.badRData, problem, at: first) }
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(serial)
        writer.number(scheme)
        writer.number(hashAlgorithm)
        writer.hex(digest)
    }

    public var rdata: RData { .zonemd(self) }
}
