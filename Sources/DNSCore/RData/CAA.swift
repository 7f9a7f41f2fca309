/// Certification authority authorization (RFC 8659 §4.1): flags, a tag of letters and
/// digits, and a value of any length, quoted or not in text.
public struct CAA: RDataFormat {
    public static let rrType = RRType.caa
    /// Bit 7 (0x80) is issuer-critical.
    public var flags: UInt8
    public var tag: [UInt8]
    public var value: [UInt8]

    public init(flags: UInt8, tag: [UInt8], value: [UInt8]) {
        self.flags = flags
        self.tag = tag
        self.value = value
    }

    /// RFC 8659 §4.1: one or more ASCII letters and digits (BIND allows up to 255).
    static func isValidTag(_ tag: some Collection<UInt8>) -> Bool {
        !tag.isEmpty && tag.count <= 255 && tag.allSatisfy { $0 &- 48 < 10 || ($0 | 0x20) &- 0x61 < 26 }
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        flags = try reader.readU8()
        tag = try reader.readCharacterString()
        guard Self.isValidTag(tag) else { throw Self.malformed(reader, "tag must be letters and digits") }
        value = reader.readRemaining()
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU8(flags)
        writer.writeCharacterString(tag)
        writer.writeBytes(value)
    }

    /// The tag is taken as written: an escape in it is an error, as in BIND.
    public init(text reader: inout RDataTextReader) throws(TextError) {
        flags = try reader.u8("flags")
        let tagToken = try reader.nextUnquoted("the tag")
        let tag = reader.bytes(tagToken)
        guard Self.isValidTag(tag) else {
            throw reader.error(.badRData, "bad CAA tag '\(reader.entry.text(of: tagToken))': letters and digits only, at most 255", at: tagToken)
        }
        self.tag = Array(tag)
        value = try reader.text("the value")
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(flags)
        writer.word(bytes: tag)
        writer.quoted(value)
    }

    public var rdata: RData { .caa(self) }
}
