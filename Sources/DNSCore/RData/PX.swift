/// X.400 mapping (RFC 2163 §4): a preference, the RFC 822 domain and the X.400 domain.
public struct PX: RDataFormat {
    public static let rrType = RRType.px
    public var preference: UInt16
    public var map822: DomainName
    public var mapX400: DomainName

    public init(preference: UInt16, map822: DomainName, mapX400: DomainName) {
        self.preference = preference
        self.map822 = map822
        self.mapX400 = mapX400
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        preference = try reader.readU16()
        map822 = try reader.readName(allowCompression: true)
        mapX400 = try reader.readName(allowCompression: true)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(preference)
        writer.writeName(map822, compress: false)
        writer.writeName(mapX400, compress: false)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        preference = try reader.u16("preference")
        map822 = try reader.name("the RFC 822 domain (MAP822)")
        mapX400 = try reader.name("the X.400 domain (MAPX400)")
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(preference)
        writer.name(map822)
        writer.name(mapX400)
    }

    public var rdata: RData { .px(self) }
}
