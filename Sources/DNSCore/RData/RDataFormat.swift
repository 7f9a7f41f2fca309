/// What each RR type's RDATA codec provides: wire form both ways, presentation form
/// both ways, and the `RData` case that wraps it.
///
/// Every type keeps its four codecs together in one file (hickory-dns style), and its
/// tests name the RFC section they check.
public protocol RDataFormat: Hashable, Sendable {
    static var rrType: RRType { get }

    /// Decodes the RDATA that fills `reader` up to `reader.limit`.
    init(wire reader: inout WireReader) throws(WireError)

    /// Encodes the RDATA. `compress` is set only where RFC 3597 §4 allows compressing
    /// this type's names (the RFC 1035 types); other types ignore it.
    func encode(to writer: inout WireWriter, compress: Bool)

    /// Reads the RDATA fields; the caller checks that no token is left over.
    init(text reader: inout RDataTextReader) throws(TextError)

    func writeText(to writer: inout RDataTextWriter)

    /// The `RData` case holding this value.
    var rdata: RData { get }
}

extension RDataFormat {
    /// A decode error located at the reader's position.
    static func malformed(_ reader: WireReader, _ reason: String) -> WireError {
        WireError(.badRData, at: reader.position, "\(rrType): \(reason)")
    }
}

/// RDATA that is a single domain name (NS, CNAME, PTR, DNAME, MB, MG, MR, MD, MF,
/// NSAP-PTR).
public protocol SingleNameFormat: RDataFormat {
    var target: DomainName { get }
    init(target: DomainName)
    /// RFC 1035 types may be compressed on the wire; DNAME may not (RFC 6672 §2.5).
    static var isCompressible: Bool { get }
    /// Whether a receiver follows compression pointers in the name: RFC 3597 §4 asks
    /// it for the RFC 1035 types and a few later ones, and for no type defined since.
    static var allowsDecompression: Bool { get }
}

extension SingleNameFormat {
    public static var isCompressible: Bool { true }
    public static var allowsDecompression: Bool { true }

    public init(wire reader: inout WireReader) throws(WireError) {
        self.init(target: try reader.readName(allowCompression: Self.allowsDecompression))
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeName(target, compress: compress && Self.isCompressible)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        self.init(target: try reader.name())
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.name(target)
    }
}

/// RDATA that is a 16-bit preference and a domain name (MX, KX, AFSDB, RT, LP).
public protocol PreferenceNameFormat: RDataFormat {
    var preference: UInt16 { get }
    var exchange: DomainName { get }
    init(preference: UInt16, exchange: DomainName)
    static var isCompressible: Bool { get }
    /// As for `SingleNameFormat`: true for MX, AFSDB, RT and KX (RFC 3597 §4).
    static var allowsDecompression: Bool { get }
}

extension PreferenceNameFormat {
    public static var isCompressible: Bool { false }
    public static var allowsDecompression: Bool { true }

    public init(wire reader: inout WireReader) throws(WireError) {
        let preference = try reader.readU16()
        self.init(preference: preference, exchange: try reader.readName(allowCompression: Self.allowsDecompression))
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(preference)
        writer.writeName(exchange, compress: compress && Self.isCompressible)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let preference = try reader.u16("preference")
        self.init(preference: preference, exchange: try reader.name())
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(preference)
        writer.name(exchange)
    }
}

/// RDATA that is one or more character-strings (TXT, SPF, AVC, RESINFO, NINFO).
public protocol CharacterStringsFormat: RDataFormat {
    var strings: [[UInt8]] { get }
    init(strings: [[UInt8]])
}

extension CharacterStringsFormat {
    public init(wire reader: inout WireReader) throws(WireError) {
        var strings: [[UInt8]] = []
        while !reader.isAtEnd {
            strings.append(try reader.readCharacterString())
        }
        guard !strings.isEmpty else { throw Self.malformed(reader, "no character-string") }
        self.init(strings: strings)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        for string in strings { writer.writeCharacterString(string) }
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let strings = try reader.remainingCharacterStrings()
        guard !strings.isEmpty else { throw reader.error(.unexpectedEnd, "unexpected end of input: expected a character string") }
        self.init(strings: strings)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        for string in strings { writer.quoted(string) }
    }
}
