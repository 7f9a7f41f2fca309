/// Geographical position (RFC 1712 §3): longitude, latitude and altitude as
/// character-strings. BIND does not check that they are numbers, and neither do we.
public struct GPOS: RDataFormat {
    public static let rrType = RRType.gpos
    public var longitude: [UInt8]
    public var latitude: [UInt8]
    public var altitude: [UInt8]

    public init(longitude: [UInt8], latitude: [UInt8], altitude: [UInt8]) {
        self.longitude = longitude
        self.latitude = latitude
        self.altitude = altitude
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        longitude = try reader.readCharacterString()
        latitude = try reader.readCharacterString()
        altitude = try reader.readCharacterString()
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeCharacterString(longitude)
        writer.writeCharacterString(latitude)
        writer.writeCharacterString(altitude)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        longitude = try reader.characterString("the longitude")
        latitude = try reader.characterString("the latitude")
        altitude = try reader.characterString("the altitude")
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.quoted(longitude)
        writer.quoted(latitude)
        writer.quoted(altitude)
    }

    public var rdata: RData { .gpos(self) }
}
