/// Digital object architecture (the DOA draft): enterprise, type, location, media type
/// and data; `-` stands for empty data.
public struct DOA: RDataFormat {
    public static let rrType = RRType.doa
    public var enterprise: UInt32
    public var type: UInt32
    public var location: UInt8
    public var mediaType: [UInt8]
    public var data: [UInt8]

    public init(enterprise: UInt32, type: UInt32, location: UInt8, mediaType: [UInt8], data: [UInt8]) {
        self.enterprise = enterprise
        self.type = type
        self.location = location
        self.mediaType = mediaType
        self.data = data
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        enterprise = try reader.readU32()
        type = try reader.readU32()
        location = try reader.readU8()
        mediaType = try reader.readCharacterString()
        data = reader.readRemaining()
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU32(enterprise)
        writer.writeU32(type)
        writer.writeU8(location)
        writer.writeCharacterString(mediaType)
        writer.writeBytes(data)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        enterprise = try reader.u32("enterprise")
        type = try reader.u32("type")
        location = try reader.u8("location")
        mediaType = try reader.characterString("the media type")
        if let dash = reader.peek(), !dash.isQuoted, reader.bytes(dash).elementsEqual([UInt8(ascii: "-")]) {
            reader.skip()
            data = []
        } else {
            data = try reader.base64Remaining("the data")
        }
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(enterprise)
        writer.number(type)
        writer.number(location)
        writer.quoted(mediaType)
        if data.isEmpty { writer.word("-") } else { writer.base64(data, chunked: false) }
    }

    public var rdata: RData { .doa(self) }
}
