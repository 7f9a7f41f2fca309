/// NSEC3 parameters of a zone (RFC 5155 §4).
public struct NSEC3PARAM: RDataFormat {
    public static let rrType = RRType.nsec3param
    public var hashAlgorithm: UInt8
    public var flags: UInt8
    public var iterations: UInt16
    public var salt: [UInt8]

    public init(hashAlgorithm: UInt8, flags: UInt8, iterations: UInt16, salt: [UInt8]) {
        self.hashAlgorithm = hashAlgorithm
        self.flags = flags
        self.iterations = iterations
        self.salt = salt
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        hashAlgorithm = try reader.readU8()
        flags = try reader.readU8()
        iterations = try reader.readU16()
        salt = try reader.readCharacterString()
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU8(hashAlgorithm)
        writer.writeU8(flags)
        writer.writeU16(iterations)
        writer.writeCharacterString(salt)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        hashAlgorithm = UInt8(try reader.code("hash algorithm", max: 255, table: DNSSECMnemonics.nsec3HashAlgorithms))
        flags = try reader.u8("flags")
        iterations = try reader.u16("iterations")
        salt = try Self.readSalt(&reader)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(hashAlgorithm)
        writer.number(flags)
        writer.number(iterations)
        Self.writeSalt(salt, to: &writer)
    }

    /// The salt: one token of hex, or `-` for none (RFC 5155 §3.3), at most 255 octets.
    static func readSalt(_ reader: inout RDataTextReader) throws(TextError) -> [UInt8] {
        let token = reader.currentToken
        let salt = try reader.hexToken("the salt", dashIsEmpty: true)
        guard salt.count <= 255 else { throw reader.error(.badRData, "salt longer than 255 octets", at: token) }
        return salt
    }

    static func writeSalt(_ salt: [UInt8], to writer: inout RDataTextWriter) {
        if salt.isEmpty { writer.word("-") } else { writer.hex(salt, chunked: false) }
    }

    public var rdata: RData { .nsec3param(self) }
}
