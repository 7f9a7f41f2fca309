/// Certificate or CRL (RFC 4398 §2). BIND writes the type and algorithm by name where
/// they have one (`PKIX 1 RSASHA256 ...`).
public struct CERT: RDataFormat {
    public static let rrType = RRType.cert
    public var certificateType: UInt16
    public var keyTag: UInt16
    public var algorithm: UInt8
    public var certificate: [UInt8]

    public init(certificateType: UInt16, keyTag: UInt16, algorithm: UInt8, certificate: [UInt8]) {
        self.certificateType = certificateType
        self.keyTag = keyTag
        self.algorithm = algorithm
        self.certificate = certificate
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        certificateType = try reader.readU16()
        keyTag = try reader.readU16()
        algorithm = try reader.readU8()
        certificate = reader.readRemaining()
        guard !certificate.isEmpty else { throw Self.malformed(reader, "empty certificate") }
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(certificateType)
        writer.writeU16(keyTag)
        writer.writeU8(algorithm)
        writer.writeBytes(certificate)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        certificateType = UInt16(try reader.code("certificate type", max: 0xFFFF, table: DNSSECMnemonics.certificateTypes))
        keyTag = try reader.u16("key tag")
        algorithm = try reader.dnssecAlgorithm()
        certificate = try reader.base64Remaining("the certificate")
        guard !certificate.isEmpty else { throw reader.error(.badRData, "empty certificate") }
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.code(certificateType, table: DNSSECMnemonics.certificateTypes)
        writer.number(keyTag)
        writer.code(UInt16(algorithm), table: DNSSECMnemonics.algorithms)
        writer.base64(certificate)
    }

    public var rdata: RData { .cert(self) }
}
