/// IPsec keying material (RFC 4025 §2): precedence, gateway type, algorithm, gateway
/// and public key.
public struct IPSECKEY: RDataFormat {
    public static let rrType = RRType.ipseckey

    /// The gateway, by its type (RFC 4025 §2.3); a name is never compressed.
    public enum Gateway: Hashable, Sendable {
        case none
        case ipv4(IPv4Address)
        case ipv6(IPv6Address)
        case name(DomainName)

        public var type: UInt8 {
            switch self {
            case .none: return 0
            case .ipv4: return 1
            case .ipv6: return 2
            case .name: return 3
            }
        }
    }

    public var precedence: UInt8
    public var algorithm: UInt8
    public var gateway: Gateway
    /// Never empty: BIND wants a key, though RFC 4025 lets it be left out.
    public var publicKey: [UInt8]

    public init(precedence: UInt8, algorithm: UInt8, gateway: Gateway, publicKey: [UInt8]) {
        self.precedence = precedence
        self.algorithm = algorithm
        self.gateway = gateway
        self.publicKey = publicKey
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        precedence = try reader.readU8()
        let gatewayType = try reader.readU8()
        algorithm = try reader.readU8()
        switch gatewayType {
        case 0: gateway = .none
        case 1: gateway = .ipv4(IPv4Address(try reader.readU32()))
        case 2: gateway = .ipv6(IPv6Address(bytes: try reader.readBytes(16)))
        case 3: gateway = .name(try reader.readName(allowCompression: false))
        default: throw Self.malformed(reader, "unknown gateway type \(gatewayType)")
        }
        publicKey = reader.readRemaining()
        guard !publicKey.isEmpty else { throw Self.malformed(reader, "empty public key") }
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU8(precedence)
        writer.writeU8(gateway.type)
        writer.writeU8(algorithm)
        switch gateway {
        case .none: break
        case .ipv4(let address): writer.writeU32(address.value)
        case .ipv6(let address): writer.writeBytes(address.bytes)
        case .name(let name): writer.writeName(name, compress: false)
        }
        writer.writeBytes(publicKey)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        precedence = try reader.u8("precedence")
        let gatewayType = try reader.number(max: 3, "gateway type")
        algorithm = try reader.u8("algorithm")
        switch gatewayType {
        case 0:
            let token = try reader.nextUnquoted("the gateway")
            guard reader.bytes(token).elementsEqual([UInt8(ascii: ".")]) else {
                throw reader.error(.badRData, "gateway type 0 takes '.' for no gateway", at: token)
            }
            gateway = .none
        case 1: gateway = .ipv4(try reader.ipv4("the gateway"))
        case 2: gateway = .ipv6(try reader.ipv6("the gateway"))
        default: gateway = .name(try reader.name("the gateway"))
        }
        publicKey = try reader.base64Remaining("the public key")
        guard !publicKey.isEmpty else { throw reader.error(.badRData, "empty public key") }
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(precedence)
        writer.number(gateway.type)
        writer.number(algorithm)
        switch gateway {
        case .none: writer.word(".")
        case .ipv4(let address): writer.word(address.description)
        case .ipv6(let address): writer.word(address.description)
        case .name(let name): writer.name(name)
        }
        writer.base64(publicKey)
    }

    public var rdata: RData { .ipseckey(self) }
}
