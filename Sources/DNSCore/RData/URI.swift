/// Uniform resource identifier (RFC 7553 §4.5): priority, weight, and the target URI,
/// which must be a quoted string and may be longer than 255 octets.
public struct URI: RDataFormat {
    public static let rrType = RRType.uri
    public var priority: UInt16
    public var weight: UInt16
    public var target: [UInt8]

    public init(priority: UInt16, weight: UInt16, target: [UInt8]) {
        self.priority = priority
        self.weight = weight
        self.target = target
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        priority = try reader.readU16()
        weight = try reader.readU16()
        target = reader.readRemaining()
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(priority)
        writer.writeU16(weight)
        writer.writeBytes(target)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        priority = try reader.u16("priority")
        weight = try reader.u16("weight")
        target = try reader.text("the target URI", requireQuotes: true)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(priority)
        writer.number(weight)
        writer.quoted(target)
    }

    public var rdata: RData { .uri(self) }
}
