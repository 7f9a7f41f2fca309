/// RDATA that is one non-empty run of octets written in base64, broken into words
/// like BIND's (OPENPGPKEY, DHCID, HHIT, BRID).
public protocol Base64DataFormat: RDataFormat {
    var data: [UInt8] { get }
    init(data: [UInt8])
}

extension Base64DataFormat {
    public init(wire reader: inout WireReader) throws(WireError) {
        let data = reader.readRemaining()
        guard !data.isEmpty else { throw Self.malformed(reader, "empty RDATA") }
        self.init(data: data)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeBytes(data)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let data = try reader.base64Remaining("base64 data")
        guard !data.isEmpty else { throw reader.error(.badRData, "empty RDATA") }
        self.init(data: data)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.base64(data)
    }
}

/// RDATA that is one non-empty run of octets written in hex (EID, NIMLOC).
public protocol HexDataFormat: RDataFormat {
    var data: [UInt8] { get }
    init(data: [UInt8])
}

extension HexDataFormat {
    public init(wire reader: inout WireReader) throws(WireError) {
        let data = reader.readRemaining()
        guard !data.isEmpty else { throw Self.malformed(reader, "empty RDATA") }
        self.init(data: data)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeBytes(data)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let data = try reader.hexRemaining("hex data")
        guard !data.isEmpty else { throw reader.error(.badRData, "empty RDATA") }
        self.init(data: data)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.hex(data)
    }
}

/// RDATA with no presentation form of its own (NULL, UNSPEC, UINFO, UID, GID): only
/// RFC 3597's `\# length hex` reads and writes it, as in BIND.
public protocol OpaqueFormat: RDataFormat {
    var data: [UInt8] { get }
    init(data: [UInt8])
}

extension OpaqueFormat {
    public init(wire reader: inout WireReader) throws(WireError) {
        self.init(data: reader.readRemaining())
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeBytes(data)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        throw reader.error(.badRData, "\(Self.rrType) has no presentation format: write its RDATA as \\# length hex")
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.generic(data)
    }
}
