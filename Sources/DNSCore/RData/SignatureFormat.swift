/// RDATA of a signature: RRSIG (RFC 4034 §3) and SIG (RFC 2535 §4.1, RFC 2931).
public protocol SignatureFormat: RDataFormat {
    var typeCovered: RRType { get }
    var algorithm: UInt8 { get }
    var labels: UInt8 { get }
    var originalTTL: UInt32 { get }
    var expiration: UInt32 { get }
    var inception: UInt32 { get }
    var keyTag: UInt16 { get }
    var signerName: DomainName { get }
    var signature: [UInt8] { get }
    init(typeCovered: RRType, algorithm: UInt8, labels: UInt8, originalTTL: UInt32,
         expiration: UInt32, inception: UInt32, keyTag: UInt16, signerName: DomainName, signature: [UInt8])
    /// RFC 3597 §4 lets receivers decompress SIG's signer, not RRSIG's (RFC 4034 §3.1.7).
    static var allowsDecompression: Bool { get }
    /// RRSIG times may also be written as seconds (RFC 4034 §3.2); SIG's may not.
    static var allowsSecondsInText: Bool { get }
}

extension SignatureFormat {
    public init(wire reader: inout WireReader) throws(WireError) {
        let typeCovered = RRType(try reader.readU16())
        let algorithm = try reader.readU8()
        let labels = try reader.readU8()
        let originalTTL = try reader.readU32()
        let expiration = try reader.readU32()
        let inception = try reader.readU32()
        let keyTag = try reader.readU16()
        let signerName = try reader.readName(allowCompression: Self.allowsDecompression)
        let signature = reader.readRemaining()
        guard !signature.isEmpty else { throw Self.malformed(reader, "empty signature") }
        self.init(typeCovered: typeCovered, algorithm: algorithm, labels: labels, originalTTL: originalTTL,
                  expiration: expiration, inception: inception, keyTag: keyTag, signerName: signerName, signature: signature)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(typeCovered.rawValue)
        writer.writeU8(algorithm)
        writer.writeU8(labels)
        writer.writeU32(originalTTL)
        writer.writeU32(expiration)
        writer.writeU32(inception)
        writer.writeU16(keyTag)
        writer.writeName(signerName, compress: false)
        writer.writeBytes(signature)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let typeCovered = try reader.rrType("the type covered")
        let algorithm = try reader.dnssecAlgorithm()
        let labels = try reader.u8("labels")
        let originalTTL = try reader.u32("original TTL")
        let expiration = try reader.signatureTime("signature expiration", allowSeconds: Self.allowsSecondsInText)
        let inception = try reader.signatureTime("signature inception", allowSeconds: Self.allowsSecondsInText)
        let keyTag = try reader.u16("key tag")
        let signerName = try reader.name("the signer's name")
        let signature = try reader.base64Remaining("the signature")
        guard !signature.isEmpty else { throw reader.error(.badRData, "empty signature") }
        self.init(typeCovered: typeCovered, algorithm: algorithm, labels: labels, originalTTL: originalTTL,
                  expiration: expiration, inception: inception, keyTag: keyTag, signerName: signerName, signature: signature)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.rrType(typeCovered)
        writer.number(algorithm)
        writer.number(labels)
        writer.number(originalTTL)
        writer.signatureTime(expiration)
        writer.signatureTime(inception)
        writer.number(keyTag)
        writer.name(signerName)
        writer.base64(signature)
    }
}
