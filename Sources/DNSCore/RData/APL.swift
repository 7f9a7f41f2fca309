/// Address prefix lists (RFC 3123 §4): items of `[!]family:address/prefix`.
public struct APL: RDataFormat {
    public static let rrType = RRType.apl

    public struct Item: Hashable, Sendable {
        /// Address family (IANA): 1 IPv4, 2 IPv6.
        public var family: UInt16
        public var prefixLength: UInt8
        public var negated: Bool
        /// The address octets without trailing zero octets (RFC 3123 §4).
        public var addressPart: [UInt8]

        public init(family: UInt16, prefixLength: UInt8, negated: Bool, addressPart: [UInt8]) {
            self.family = family
            self.prefixLength = prefixLength
            self.negated = negated
            var part = addressPart
            while part.last == 0 { part.removeLast() }
            self.addressPart = part
        }
    }

    /// May be empty.
    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    public init(wire reader: inout WireReader) throws(WireError) {
        var items: [Item] = []
        while !reader.isAtEnd {
            guard reader.remaining >= 4 else { throw WireError(.truncated, at: reader.position) }
            let family = try reader.readU16()
            let prefixLength = try reader.readU8()
            let lengthOctet = try reader.readU8()
            let length = Int(lengthOctet & 0x7F)
            let part = try reader.readBytes(length)
            switch family {
            case 1 where prefixLength > 32 || length > 4, 2 where prefixLength > 128 || length > 16:
                throw Self.malformed(reader, "prefix or address too long for family \(family)")
            default:
                break
            }
            if part.last == 0 { throw Self.malformed(reader, "address ends with a zero octet") }
            items.append(Item(family: family, prefixLength: prefixLength, negated: lengthOctet & 0x80 != 0, addressPart: part))
        }
        self.items = items
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        for item in items {
            writer.writeU16(item.family)
            writer.writeU8(item.prefixLength)
            writer.writeU8(UInt8(item.addressPart.count) | (item.negated ? 0x80 : 0))
            writer.writeBytes(item.addressPart)
        }
    }

    /// Families 1 and 2 only, as BIND; the address bits past the prefix are kept.
    public init(text reader: inout RDataTextReader) throws(TextError) {
        var items: [Item] = []
        while !reader.isAtEnd {
            let token = try reader.nextUnquoted("an APL item")
            var text = reader.bytes(token)
            func fail(_ why: String) -> TextError {
                TextError(.badRData, "bad APL item '\(reader.entry.text(of: token))': \(why)", at: token)
            }
            let negated = text.first == UInt8(ascii: "!")
            if negated { text = text.dropFirst() }
            guard let colon = text.firstIndex(of: UInt8(ascii: ":")) else { throw fail("expected family:address/prefix") }
            var familyText = text[..<colon]
            if familyText.first == UInt8(ascii: "+") { familyText = familyText.dropFirst() }
            guard let family = DecimalText.parse(familyText) else { throw fail("bad address family") }
            let rest = text[(colon + 1)...]
            guard let slash = rest.firstIndex(of: UInt8(ascii: "/")), slash != rest.startIndex else { throw fail("expected address/prefix") }
            guard let prefix = DecimalText.parse(rest[(slash + 1)...]), prefix <= 255 else { throw fail("bad prefix length") }
            let address = rest[..<slash]
            switch family {
            case 1:
                guard let v4 = IPv4Address(text: address) else { throw fail("bad IPv4 address") }
                guard prefix <= 32 else { throw fail("prefix length above 32") }
                items.append(Item(family: 1, prefixLength: UInt8(prefix), negated: negated, addressPart: v4.bytes))
            case 2:
                guard let v6 = IPv6Address(text: address) else { throw fail("bad IPv6 address") }
                guard prefix <= 128 else { throw fail("prefix length above 128") }
                items.append(Item(family: 2, prefixLength: UInt8(prefix), negated: negated, addressPart: v6.bytes))
            default:
                throw fail("only address families 1 and 2 have a text form")
            }
        }
        self.items = items
    }

    /// Items of other families than 1 and 2 have no text form: BIND then writes the
    /// whole RDATA in RFC 3597 form, and so do we.
    public func writeText(to writer: inout RDataTextWriter) {
        guard items.allSatisfy({ $0.family == 1 || $0.family == 2 }) else {
            var wire = WireWriter(capacity: 64)
            encode(to: &wire, compress: false)
            writer.generic(wire.bytes)
            return
        }
        for item in items {
            let address: String
            if item.family == 1 {
                let bytes = item.addressPart + [UInt8](repeating: 0, count: 4 - item.addressPart.count)
                address = IPv4Address(bytes[0], bytes[1], bytes[2], bytes[3]).description
            } else {
                address = IPv6Address(bytes: item.addressPart + [UInt8](repeating: 0, count: 16 - item.addressPart.count)).description
            }
            writer.word("\(item.negated ? "!" : "")\(item.family):\(address)/\(item.prefixLength)")
        }
    }

    public var rdata: RData { .apl(self) }
}
