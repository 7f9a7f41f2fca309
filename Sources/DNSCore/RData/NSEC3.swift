/// Hashed next secure record (RFC 5155 §3).
public struct NSEC3: RDataFormat {
    public static let rrType = RRType.nsec3
    public var hashAlgorithm: UInt8
    /// Bit 0 (the low bit) is opt-out (RFC 5155 §3.1.2.1).
    public var flags: UInt8
    public var iterations: UInt16
    public var salt: [UInt8]
    /// The next hashed owner name, as raw hash octets (base32hex in text).
    public var nextHashedOwner: [UInt8]
    /// May be empty, for an empty non-terminal (RFC 5155 §3.2.1).
    public var types: TypeBitmap

    public init(hashAlgorithm: UInt8, flags: UInt8, iterations: UInt16, salt: [UInt8], nextHashedOwner: [UInt8], types: TypeBitmap) {
        self.hashAlgorithm = hashAlgorithm
        self.flags = flags
        self.iterations = iterations
        self.salt = salt
        self.nextHashedOwner = nextHashedOwner
        self.types = types
    }

    /// SHA-1 hashes are 20 octets; BIND rejects any other length for algorithm 1.
    static func checkHashLength(_ algorithm: UInt8, _ length: Int) -> String? {
        if length == 0 { return "empty next hashed owner name" }
        if algorithm == 1 && length != 20 { return "a SHA-1 hash is 20 octets, found \(length)" }
        return nil
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        hashAlgorithm = try reader.readU8()
        flags = try reader.readU8()
        iterations = try reader.readU16()
        salt = try reader.readCharacterString()
        nextHashedOwner = try reader.readCharacterString()
        if let problem = Self.checkHashLength(hashAlgorithm, nextHashedOwner.count) { throw Self.malformed(reader, problem) }
        types = try TypeBitmap(wire: &reader, allowEmpty: true, owner: Self.rrType)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU8(hashAlgorithm)
        writer.writeU8(flags)
        writer.writeU16(iterations)
        writer.writeCharacterString(salt)
        writer.writeCharacterString(nextHashedOwner)
        types.encode(to: &writer)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        hashAlgorithm = UInt8(try reader.code("hash algorithm", max: 255, table: DNSSECMnemonics.nsec3HashAlgorithms))
        flags = try reader.u8("flags")
        iterations = try reader.u16("iterations")
        salt = try NSEC3PARAM.readSalt(&reader)
        let hashToken = reader.currentToken
        nextHashedOwner = try reader.base32HexToken("the next hashed owner name")
        if nextHashedOwner.count > 255 {
            throw reader.error(.badRData, "next hashed owner name longer than 255 octets", at: hashToken)
        }
        if let problem = Self.checkHashLength(hashAlgorithm, nextHashedOwner.count) {
            throw reader.error(.badRData, problem, at: hashToken)
        }
        types = try TypeBitmap(text: &reader)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(hashAlgorithm)
        writer.number(flags)
        writer.number(iterations)
        NSEC3PARAM.writeSalt(salt, to: &writer)
        writer.base32Hex(nextHashedOwner)
        types.writeText(to: &writer)
    }

    public var rdata: RData { .nsec3(self) }
}
