/// Host information (RFC 1035 §3.3.2): two character-strings.
public struct HINFO: RDataFormat {
    public static let rrType = RRType.hinfo
    public var cpu: [UInt8]
    public var os: [UInt8]

    public init(cpu: [UInt8], os: [UInt8]) {
        self.cpu = cpu
        self.os = os
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        cpu = try reader.readCharacterString()
        os = try reader.readCharacterString()
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeCharacterString(cpu)
        writer.writeCharacterString(os)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        cpu = try reader.characterString("the CPU")
        os = try reader.characterString("the OS")
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.quoted(cpu)
        writer.quoted(os)
    }

    public var rdata: RData { .hinfo(self) }
}
