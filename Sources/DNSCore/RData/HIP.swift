/// Host identity protocol (RFC 8005 §5): a host identity tag, a public key and
/// optional rendezvous servers. BIND writes the tag and key each as one word.
public struct HIP: RDataFormat {
    public static let rrType = RRType.hip
    public var algorithm: UInt8
    /// 1 to 255 octets.
    public var hostIdentityTag: [UInt8]
    /// 1 to 65535 octets.
    public var publicKey: [UInt8]
    public var rendezvousServers: [DomainName]

    public init(algorithm: UInt8, hostIdentityTag: [UInt8], publicKey: [UInt8], rendezvousServers: [DomainName] = []) {
        self.algorithm = algorithm
        self.hostIdentityTag = hostIdentityTag
        self.publicKey = publicKey
        self.rendezvousServers = rendezvousServers
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        let tagLength = Int(try reader.readU8())
        algorithm = try reader.readU8()
        let keyLength = Int(try reader.readU16())
        guard tagLength > 0, keyLength > 0 else { throw Self.malformed(reader, "empty tag or key") }
        hostIdentityTag = try reader.readBytes(tagLength)
        publicKey = try reader.readBytes(keyLength)
        var servers: [DomainName] = []
        // RFC 8005 §5: rendezvous server names are never compressed.
        while !reader.isAtEnd { servers.append(try reader.readName(allowCompression: false)) }
        rendezvousServers = servers
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU8(UInt8(hostIdentityTag.count))
        writer.writeU8(algorithm)
        writer.writeU16(UInt16(publicKey.count))
        writer.writeBytes(hostIdentityTag)
        writer.writeBytes(publicKey)
        for server in rendezvousServers { writer.writeName(server, compress: false) }
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        algorithm = try reader.u8("algorithm")
        let tagToken = reader.currentToken
        hostIdentityTag = try reader.hexToken("the host identity tag")
        guard !hostIdentityTag.isEmpty, hostIdentityTag.count <= 255 else {
            throw reader.error(.badRData, "the host identity tag must be 1 to 255 octets", at: tagToken)
        }
        let keyToken = reader.currentToken
        publicKey = try reader.base64Token("the public key")
        guard !publicKey.isEmpty, publicKey.count <= 65535 else {
            throw reader.error(.badRData, "the public key must be 1 to 65535 octets", at: keyToken)
        }
        var servers: [DomainName] = []
        while !reader.isAtEnd { servers.append(try reader.name("a rendezvous server")) }
        rendezvousServers = servers
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(algorithm)
        writer.hex(hostIdentityTag, chunked: false)
        writer.base64(publicKey, chunked: false)
        for server in rendezvousServers { writer.name(server) }
    }

    public var rdata: RData { .hip(self) }
}
