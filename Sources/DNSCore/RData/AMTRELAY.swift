/// Automatic multicast tunneling relay (RFC 8777 §4): precedence, discovery-optional
/// bit, relay type and relay. Relay types past 3 have no text form: BIND writes such
/// RDATA in RFC 3597 form, and so do we.
public struct AMTRELAY: RDataFormat {
    public static let rrType = RRType.amtrelay

    public enum Relay: Hashable, Sendable {
        case none
        case ipv4(IPv4Address)
        case ipv6(IPv6Address)
        case name(DomainName)
        /// A relay type from 4 to 127 and its octets.
        case unknown(type: UInt8, data: [UInt8])

        public var type: UInt8 {
            switch self {
            case .none: return 0
            case .ipv4: return 1
            case .ipv6: return 2
            case .name: return 3
            case .unknown(let type, _): return type
            }
        }
    }

    public var precedence: UInt8
    /// The D bit (RFC 8777 §4.2.2).
    public var discoveryOptional: Bool
    public var relay: Relay

    public init(precedence: UInt8, discoveryOptional: Bool, relay: Relay) {
        self.precedence = precedence
        self.discoveryOptional = discoveryOptional
        self.relay = relay
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        precedence = try reader.readU8()
        let octet = try reader.readU8()
        discoveryOptional = octet & 0x80 != 0
        let type = octet & 0x7F
        switch type {
        case 0: relay = .none
        case 1:
            guard reader.remaining == 4 else { throw Self.malformed(reader, "an IPv4 relay is 4 octets") }
            relay = .ipv4(IPv4Address(try reader.readU32()))
        case 2:
            guard reader.remaining == 16 else { throw Self.malformed(reader, "an IPv6 relay is 16 octets") }
            relay = .ipv6(IPv6Address(bytes: try reader.readBytes(16)))
        case 3: relay = .name(try reader.readName(allowCompression: false))
        default: relay = .unknown(type: type, data: reader.readRemaining())
        }
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU8(precedence)
        writer.writeU8(relay.type | (discoveryOptional ? 0x80 : 0))
        switch relay {
        case .none: break
        case .ipv4(let address): writer.writeU32(address.value)
        case .ipv6(let address): writer.writeBytes(address.bytes)
        case .name(let name): writer.writeName(name, compress: false)
        case .unknown(_, let data): writer.writeBytes(data)
        }
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        precedence = try reader.u8("precedence")
        discoveryOptional = try reader.number(max: 1, "discovery optional") == 1
        let typeToken = reader.currentToken
        let type = try reader.number(max: 127, "relay type")
        switch type {
        case 0:
            let token = try reader.nextUnquoted("the relay")
            guard reader.bytes(token).elementsEqual([UInt8(ascii: ".")]) else {
                throw reader.error(.badRData, "relay type 0 takes '.' for no relay", at: token)
            }
            relay = .none
        case 1: relay = .ipv4(try reader.ipv4("the relay"))
        case 2: relay = .ipv6(try reader.ipv6("the relay"))
        case 3: relay = .name(try reader.name("the relay"))
        default:
            _ = try reader.nextUnquoted("the relay")
            throw reader.error(.badRData, "relay type \(type) has no text form: write the RDATA as \\# length hex", at: typeToken)
        }
    }

    public func writeText(to writer: inout RDataTextWriter) {
        if case .unknown = relay {
            var wire = WireWriter(capacity: 16)
            encode(to: &wire, compress: false)
            writer.generic(wire.bytes)
            return
        }
        writer.number(precedence)
        writer.number(discoveryOptional ? 1 : 0)
        writer.number(relay.type)
        switch relay {
        case .none: writer.word(".")
        case .ipv4(let address): writer.word(address.description)
        case .ipv6(let address): writer.word(address.description)
        case .name(let name): writer.name(name)
        case .unknown: break
        }
    }

    public var rdata: RData { .amtrelay(self) }
}
