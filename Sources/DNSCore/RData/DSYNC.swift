/// Generalized DNS notification target (the DSYNC draft, IANA type 66): the type to
/// notify about, a scheme, a port and a target host.
public struct DSYNC: RDataFormat {
    /// Not yet in `RRType`'s table of mnemonics.
    public static let rrType = RRType(66)
    static let schemes = MnemonicTable([("NOTIFY", 1)])

    public var type: RRType
    /// 1 is NOTIFY.
    public var scheme: UInt8
    public var port: UInt16
    public var target: DomainName

    public init(type: RRType, scheme: UInt8, port: UInt16, target: DomainName) {
        self.type = type
        self.scheme = scheme
        self.port = port
        self.target = target
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        type = RRType(try reader.readU16())
        scheme = try reader.readU8()
        port = try reader.readU16()
        target = try reader.readName(allowCompression: false)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(type.rawValue)
        writer.writeU8(scheme)
        writer.writeU16(port)
        writer.writeName(target, compress: false)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        type = try reader.rrType("the type")
        scheme = UInt8(try reader.code("scheme", max: 255, table: Self.schemes))
        port = try reader.u16("port")
        target = try reader.name("the target")
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.rrType(type)
        writer.code(UInt16(scheme), table: Self.schemes)
        writer.number(port)
        writer.name(target)
    }

    public var rdata: RData { .dsync(self) }
}
