/// RDATA that binds a certificate to a name (TLSA RFC 6698 §2, SMIMEA RFC 8162 §2):
/// usage, selector, matching type, association data.
public protocol CertificateAssociationFormat: RDataFormat {
    var usage: UInt8 { get }
    var selector: UInt8 { get }
    var matchingType: UInt8 { get }
    var associationData: [UInt8] { get }
    init(usage: UInt8, selector: UInt8, matchingType: UInt8, associationData: [UInt8])
}

extension CertificateAssociationFormat {
    public init(wire reader: inout WireReader) throws(WireError) {
        let usage = try reader.readU8()
        let selector = try reader.readU8()
        let matchingType = try reader.readU8()
        let data = reader.readRemaining()
        guard !data.isEmpty else { throw Self.malformed(reader, "empty certificate association data") }
        self.init(usage: usage, selector: selector, matchingType: matchingType, associationData: data)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU8(usage)
        writer.writeU8(selector)
        writer.writeU8(matchingType)
        writer.writeBytes(associationData)
    }

    /// BIND reads only numbers here (RFC 7218's mnemonics such as PKIX-TA are not).
    public init(text reader: inout RDataTextReader) throws(TextError) {
        let usage = try reader.u8("certificate usage")
        let selector = try reader.u8("selector")
        let matchingType = try reader.u8("matching type")
        let data = try reader.hexRemaining("the certificate association data")
        self.init(usage: usage, selector: selector, matchingType: matchingType, associationData: data)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(usage)
        writer.number(selector)
        writer.number(matchingType)
        writer.hex(associationData)
    }
}
