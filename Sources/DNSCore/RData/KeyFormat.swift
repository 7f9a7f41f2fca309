/// RDATA of a public key: DNSKEY (RFC 4034 §2), CDNSKEY (RFC 7344 §3.2), KEY
/// (RFC 2535 §3.1) and RKEY. Flags, protocol, algorithm, key.
public protocol KeyFormat: RDataFormat {
    var flags: UInt16 { get }
    var protocolNumber: UInt8 { get }
    var algorithm: UInt8 { get }
    var publicKey: [UInt8] { get }
    init(flags: UInt16, protocolNumber: UInt8, algorithm: UInt8, publicKey: [UInt8])
    /// KEY's flags 0xC000 ("no key", RFC 2535 §3.1.2) leave the key out entirely.
    static var allowsNoKey: Bool { get }
    /// RKEY's flags must be zero; BIND rejects anything else.
    static var requiresZeroFlags: Bool { get }
}

extension KeyFormat {
    public static var allowsNoKey: Bool { false }
    public static var requiresZeroFlags: Bool { false }

    public init(wire reader: inout WireReader) throws(WireError) {
        let flags = try reader.readU16()
        if Self.requiresZeroFlags && flags != 0 { throw Self.malformed(reader, "flags must be 0") }
        let protocolNumber = try reader.readU8()
        let algorithm = try reader.readU8()
        let keyStart = reader.position
        // PRIVATEDNS keys start with the algorithm's domain name (RFC 4034 Appendix
        // A.1.1); BIND checks it on the wire, uncompressed.
        if algorithm == 253 {
            _ = try reader.readName(allowCompression: false)
            reader.position = keyStart
        }
        let publicKey = reader.readRemaining()
        if publicKey.isEmpty && !(Self.allowsNoKey && flags & 0xC000 == 0xC000) {
            throw Self.malformed(reader, "empty public key")
        }
        self.init(flags: flags, protocolNumber: protocolNumber, algorithm: algorithm, publicKey: publicKey)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(flags)
        writer.writeU8(protocolNumber)
        writer.writeU8(algorithm)
        writer.writeBytes(publicKey)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let flagsToken = reader.currentToken
        let flags = try reader.keyFlags()
        if Self.requiresZeroFlags && flags != 0 {
            throw reader.error(.badRData, "\(Self.rrType) flags must be 0", at: flagsToken)
        }
        let protocolNumber = UInt8(try reader.code("protocol", max: 255, table: DNSSECMnemonics.keyProtocols))
        let algorithm = try reader.dnssecAlgorithm()
        let publicKey: [UInt8]
        if Self.allowsNoKey && flags & 0xC000 == 0xC000 {
            publicKey = []
        } else {
            publicKey = try reader.base64Remaining("the public key")
            guard !publicKey.isEmpty else { throw reader.error(.badRData, "empty public key") }
        }
        self.init(flags: flags, protocolNumber: protocolNumber, algorithm: algorithm, publicKey: publicKey)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(flags)
        writer.number(protocolNumber)
        writer.number(algorithm)
        if !publicKey.isEmpty { writer.base64(publicKey) }
    }
}
