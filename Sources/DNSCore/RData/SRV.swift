/// Service location (RFC 2782).
public struct SRV: RDataFormat {
    public static let rrType = RRType.srv
    public var priority: UInt16
    public var weight: UInt16
    public var port: UInt16
    public var target: DomainName

    public init(priority: UInt16, weight: UInt16, port: UInt16, target: DomainName) {
        self.priority = priority
        self.weight = weight
        self.port = port
        self.target = target
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        priority = try reader.readU16()
        weight = try reader.readU16()
        port = try reader.readU16()
        // RFC 2782 forbids compression, but RFC 3597 §4 asks receivers to accept it.
        target = try reader.readName(allowCompression: true)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(priority)
        writer.writeU16(weight)
        writer.writeU16(port)
        writer.writeName(target, compress: false)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        priority = try reader.u16("priority")
        weight = try reader.u16("weight")
        port = try reader.u16("port")
        target = try reader.name("the target")
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(priority)
        writer.number(weight)
        writer.number(port)
        writer.name(target)
    }

    public var rdata: RData { .srv(self) }
}
