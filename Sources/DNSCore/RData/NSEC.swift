/// Next secure record (RFC 4034 §4): the next owner name and the types at this one.
public struct NSEC: RDataFormat {
    public static let rrType = RRType.nsec
    public var nextName: DomainName
    /// Never empty: an NSEC always lists at least NSEC and RRSIG, and BIND rejects an
    /// empty bitmap.
    public var types: TypeBitmap

    public init(nextName: DomainName, types: TypeBitmap) {
        self.nextName = nextName
        self.types = types
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        // RFC 4034 §4.1.1: the next domain name is never compressed.
        nextName = try reader.readName(allowCompression: false)
        types = try TypeBitmap(wire: &reader, allowEmpty: false, owner: Self.rrType)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeName(nextName, compress: false)
        types.encode(to: &writer)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        nextName = try reader.name("the next domain name")
        types = try TypeBitmap(text: &reader)
        guard !types.isEmpty else { throw reader.error(.unexpectedEnd, "NSEC needs at least one type in its bitmap") }
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.name(nextName)
        types.writeText(to: &writer)
    }

    public var rdata: RData { .nsec(self) }
}
