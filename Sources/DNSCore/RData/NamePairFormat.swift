/// RDATA that is two domain names (RP, MINFO, TALINK).
public protocol NamePairFormat: RDataFormat {
    var first: DomainName { get }
    var second: DomainName { get }
    init(first: DomainName, second: DomainName)
    /// MINFO is an RFC 1035 type, so its names may be compressed.
    static var isCompressible: Bool { get }
    /// RFC 3597 §4: MINFO and RP names are decompressed on receipt, TALINK's are not.
    static var allowsDecompression: Bool { get }
    static var fieldNames: (String, String) { get }
}

extension NamePairFormat {
    public static var isCompressible: Bool { false }
    public static var allowsDecompression: Bool { true }

    public init(wire reader: inout WireReader) throws(WireError) {
        let first = try reader.readName(allowCompression: Self.allowsDecompression)
        self.init(first: first, second: try reader.readName(allowCompression: Self.allowsDecompression))
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeName(first, compress: compress && Self.isCompressible)
        writer.writeName(second, compress: compress && Self.isCompressible)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let first = try reader.name(Self.fieldNames.0)
        self.init(first: first, second: try reader.name(Self.fieldNames.1))
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.name(first)
        writer.name(second)
    }
}
