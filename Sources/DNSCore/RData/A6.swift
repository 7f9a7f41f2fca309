/// IPv6 address in pieces (RFC 2874 §3.1, historic): a prefix length, the address bits
/// after the prefix, and the name holding the prefix when the length is not 0.
public struct A6: RDataFormat {
    public static let rrType = RRType.a6
    public var prefixLength: UInt8
    /// The address with the first `prefixLength` bits zero.
    public var suffix: IPv6Address
    /// Present exactly when `prefixLength` is not 0.
    public var prefixName: DomainName?

    public init?(prefixLength: UInt8, suffix: IPv6Address, prefixName: DomainName?) {
        guard prefixLength <= 128, (prefixLength == 0) == (prefixName == nil) else { return nil }
        self.prefixLength = prefixLength
        self.suffix = Self.masked(suffix, prefixLength)
        self.prefixName = prefixName
    }

    static func masked(_ address: IPv6Address, _ prefixLength: UInt8) -> IPv6Address {
        var bytes = address.bytes
        let whole = Int(prefixLength) / 8
        for i in 0..<min(whole, 16) { bytes[i] = 0 }
        if whole < 16 { bytes[whole] &= 0xFF >> (prefixLength % 8) }
        return IPv6Address(bytes: bytes)
    }

    /// Octets of the suffix on the wire: those not wholly inside the prefix.
    var suffixOctets: Int { 16 - Int(prefixLength) / 8 }

    public init(wire reader: inout WireReader) throws(WireError) {
        prefixLength = try reader.readU8()
        guard prefixLength <= 128 else { throw Self.malformed(reader, "prefix length \(prefixLength) above 128") }
        let count = 16 - Int(prefixLength) / 8
        let octets = try reader.readBytes(count)
        if count > 0 && octets[0] & ~(0xFF >> (prefixLength % 8)) != 0 {
            throw Self.malformed(reader, "suffix bits inside the prefix are not zero")
        }
        suffix = IPv6Address(bytes: [UInt8](repeating: 0, count: 16 - count) + octets)
        prefixName = prefixLength == 0 ? nil : try reader.readName(allowCompression: false)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU8(prefixLength)
        writer.writeBytes(suffix.bytes.suffix(suffixOctets))
        if let prefixName { writer.writeName(prefixName, compress: false) }
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        prefixLength = UInt8(try reader.number(max: 128, "prefix length"))
        suffix = prefixLength == 128 ? IPv6Address(high: 0, low: 0) : Self.masked(try reader.ipv6("the address suffix"), prefixLength)
        prefixName = prefixLength == 0 ? nil : try reader.name("the prefix name")
    }

    /// BIND writes an empty address for a 128-bit prefix, leaving two blanks.
    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(prefixLength)
        writer.word(prefixLength == 128 ? "" : suffix.description)
        if let prefixName { writer.name(prefixName) }
    }

    public var rdata: RData { .a6(self) }
}
