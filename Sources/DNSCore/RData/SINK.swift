/// Kitchen sink (the SINK draft): meaning, coding, subcoding, and data that may be
/// empty.
public struct SINK: RDataFormat {
    public static let rrType = RRType.sink
    public var meaning: UInt8
    public var coding: UInt8
    public var subcoding: UInt8
    public var data: [UInt8]

    public init(meaning: UInt8, coding: UInt8, subcoding: UInt8, data: [UInt8]) {
        self.meaning = meaning
        self.coding = coding
        self.subcoding = subcoding
        self.data = data
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        meaning = try reader.readU8()
        coding = try reader.readU8()
        subcoding = try reader.readU8()
        data = reader.readRemaining()
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU8(meaning)
        writer.writeU8(coding)
        writer.writeU8(subcoding)
        writer.writeBytes(data)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        meaning = try reader.u8("meaning")
        coding = try reader.u8("coding")
        subcoding = try reader.u8("subcoding")
        data = try reader.base64Remaining("the data", allowEmpty: true)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(meaning)
        writer.number(coding)
        writer.number(subcoding)
        if !data.isEmpty { writer.base64(data) }
    }

    public var rdata: RData { .sink(self) }
}
