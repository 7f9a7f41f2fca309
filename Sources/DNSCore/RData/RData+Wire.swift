extension RData {
    /// Decodes RDATA of `type` that fills `reader` up to its limit. Types without a
    /// codec are kept opaque. Trailing octets are an error (RFC 3597 §5 keeps them
    /// only for unknown types).
    public static func decode(type: RRType, from reader: inout WireReader) throws(WireError) -> RData {
        guard let format = formats[type.rawValue] else {
            return .unknown(UnknownRData(type: type, data: reader.readRemaining()))
        }
        let start = reader.position
        let value = try format.init(wire: &reader)
        guard reader.isAtEnd else {
            throw WireError(.rdataLength, at: reader.position, "\(type): \(reader.remaining) octets left after the RDATA")
        }
        // Names that arrived compressed are written out in full when this type may not
        // compress them: near the limit, make sure the RDATA still fits its length field.
        if reader.limit - start > 0xFFFF - 1024 && value.rdata.wireBytes.count > 0xFFFF {
            throw WireError(.rdataLength, at: start, "\(type): RDATA would exceed 65535 octets uncompressed")
        }
        return value.rdata
    }

    /// Decodes uncompressed RDATA octets (RFC 3597 generic text, journals, tests).
    public static func decode(type: RRType, bytes: [UInt8]) throws(WireError) -> RData {
        var reader = WireReader(bytes: bytes)
        return try decode(type: type, from: &reader)
    }

    /// Appends the RDATA, without its length.
    public func encode(to writer: inout WireWriter, compress: Bool = false) {
        switch self {
        case .unknown(let unknown): writer.writeBytes(unknown.data)
        default: format!.encode(to: &writer, compress: compress)
        }
    }

    /// The uncompressed wire form.
    public var wireBytes: [UInt8] {
        var writer = WireWriter(capacity: 64)
        encode(to: &writer, compress: false)
        return writer.bytes
    }
}
