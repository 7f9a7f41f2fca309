/// Naming authority pointer (RFC 3403 §4.1).
public struct NAPTR: RDataFormat {
    public static let rrType = RRType.naptr
    public var order: UInt16
    public var preference: UInt16
    public var flags: [UInt8]
    public var services: [UInt8]
    /// Empty, or a substitution expression that `NAPTRRegexp` accepts.
    public var regexp: [UInt8]
    public var replacement: DomainName

    public init(order: UInt16, preference: UInt16, flags: [UInt8], services: [UInt8], regexp: [UInt8], replacement: DomainName) {
        self.order = order
        self.preference = preference
        self.flags = flags
        self.services = services
        self.regexp = regexp
        self.replacement = replacement
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        order = try reader.readU16()
        preference = try reader.readU16()
        flags = try reader.readCharacterString()
        services = try reader.readCharacterString()
        regexp = try reader.readCharacterString()
        guard NAPTRRegexp.isValid(regexp) else { throw Self.malformed(reader, "bad regexp") }
        // RFC 3403 forbids compression, but RFC 3597 §4 asks receivers to accept it.
        replacement = try reader.readName(allowCompression: true)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(order)
        writer.writeU16(preference)
        writer.writeCharacterString(flags)
        writer.writeCharacterString(services)
        writer.writeCharacterString(regexp)
        writer.writeName(replacement, compress: false)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        order = try reader.u16("order")
        preference = try reader.u16("preference")
        flags = try reader.characterString("the flags")
        services = try reader.characterString("the services")
        let regexpToken = reader.currentToken
        regexp = try reader.characterString("the regexp")
        guard NAPTRRegexp.isValid(regexp) else {
            throw reader.error(.badRData, "bad NAPTR regexp '\(reader.entry.text(of: regexpToken))'", at: regexpToken)
        }
        replacement = try reader.name("the replacement")
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(order)
        writer.number(preference)
        writer.quoted(flags)
        writer.quoted(services)
        writer.quoted(regexp)
        writer.name(replacement)
    }

    public var rdata: RData { .naptr(self) }
}
