/// RDATA that names a key by digest: DS (RFC 4034 §5.1), CDS (RFC 7344 §3.1), TA and
/// DLV (RFC 4431). Key tag, algorithm, digest type, digest.
public protocol DelegationSignerFormat: RDataFormat {
    var keyTag: UInt16 { get }
    var algorithm: UInt8 { get }
    var digestType: UInt8 { get }
    var digest: [UInt8] { get }
    init(keyTag: UInt16, algorithm: UInt8, digestType: UInt8, digest: [UInt8])
}

extension DelegationSignerFormat {
    /// The digest length of the digest types BIND knows (SHA-1, SHA-256, SHA-384); it
    /// rejects any other length for them, on the wire and in text. GOST is not checked.
    static func digestLength(of digestType: UInt8) -> Int? {
        switch digestType {
        case 1: return 20
        case 2: return 32
        case 4: return 48
        default: return nil
        }
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        let keyTag = try reader.readU16()
        let algorithm = try reader.readU8()
        let digestType = try reader.readU8()
        let digest = reader.readRemaining()
        guard !digest.isEmpty else { throw Self.malformed(reader, "empty digest") }
        if let length = Self.digestLength(of: digestType), digest.count != length {
            throw Self.malformed(reader, "digest type \(digestType) needs \(length) octets, found \(digest.count)")
        }
        self.init(keyTag: keyTag, algorithm: algorithm, digestType: digestType, digest: digest)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(keyTag)
        writer.writeU8(algorithm)
        writer.writeU8(digestType)
        writer.writeBytes(digest)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let keyTag = try reader.u16("key tag")
        let algorithm = try reader.dnssecAlgorithm()
        let digestType = UInt8(try reader.code("digest type", max: 255, table: DNSSECMnemonics.digestTypes))
        let first = reader.currentToken
        let digest = try reader.hexRemaining("the digest")
        if let length = Self.digestLength(of: digestType), digest.count != length {
            throw reader.error(.badRData, "digest type \(digestType) needs \(length) octets, found \(digest.count)", at: first)
        }
        self.init(keyTag: keyTag, algorithm: algorithm, digestType: digestType, digest: digest)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(keyTag)
        writer.number(algorithm)
        writer.number(digestType)
        writer.hex(digest)
    }
}
