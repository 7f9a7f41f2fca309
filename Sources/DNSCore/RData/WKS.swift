/// Well-known services (RFC 1035 §3.4.2): an IPv4 address, a protocol, and a bitmap of
/// ports. Text takes numbers or names from `WellKnownServices`; BIND writes numbers.
public struct WKS: RDataFormat {
    public static let rrType = RRType.wks
    public var address: IPv4Address
    public var protocolNumber: UInt8
    /// The bitmap with bit 0 for port 0, without trailing zero octets.
    public private(set) var bitmap: [UInt8]

    public init(address: IPv4Address, protocolNumber: UInt8, ports: some Sequence<UInt16>) {
        self.address = address
        self.protocolNumber = protocolNumber
        var bitmap: [UInt8] = []
        for port in ports {
            let index = Int(port / 8)
            if bitmap.count <= index { bitmap += [UInt8](repeating: 0, count: index + 1 - bitmap.count) }
            bitmap[index] |= 0x80 >> UInt8(port % 8)
        }
        self.bitmap = bitmap
    }

    /// The ports in the bitmap, ascending.
    public var ports: [UInt16] {
        var ports: [UInt16] = []
        for (i, byte) in bitmap.enumerated() where byte != 0 {
            for bit in 0..<8 where byte & (0x80 >> bit) != 0 { ports.append(UInt16(i * 8 + bit)) }
        }
        return ports
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        address = IPv4Address(try reader.readU32())
        protocolNumber = try reader.readU8()
        bitmap = reader.readRemaining()
        // BIND wants the shortest bitmap, as for NSEC windows.
        guard bitmap.count <= 8192, bitmap.last != 0 else { throw Self.malformed(reader, "bad port bitmap") }
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU32(address.value)
        writer.writeU8(protocolNumber)
        writer.writeBytes(bitmap)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        let address = try reader.ipv4()
        let protocolToken = try reader.nextUnquoted("the protocol")
        let protocolText = reader.bytes(protocolToken)
        let protocolNumber: Int64
        if let number = NXT.parseSignedDecimal(protocolText) {
            protocolNumber = number
        } else if let named = WellKnownServices.protocols[String(decoding: protocolText, as: UTF8.self)] {
            protocolNumber = Int64(named)
        } else {
            throw reader.error(.badRData, "unknown protocol '\(reader.entry.text(of: protocolToken))'", at: protocolToken)
        }
        guard (0...255).contains(protocolNumber) else {
            throw reader.error(.badRData, "protocol out of range", at: protocolToken)
        }
        var ports: [UInt16] = []
        while !reader.isAtEnd {
            let token = try reader.nextUnquoted("a service")
            let text = reader.bytes(token)
            if let number = NXT.parseSignedDecimal(text) {
                guard (0...0xFFFF).contains(number) else { throw reader.error(.badRData, "port out of range", at: token) }
                ports.append(UInt16(number))
                continue
            }
            let name = String(decoding: text.map(asciiLower), as: UTF8.self)
            guard let entry = WellKnownServices.services[name],
                  let port = protocolNumber == 6 ? entry.tcp : protocolNumber == 17 ? entry.udp : (entry.tcp ?? entry.udp) else {
                throw reader.error(.badRData, "unknown service '\(reader.entry.text(of: token))'", at: token)
            }
            ports.append(port)
        }
        self.init(address: address, protocolNumber: UInt8(protocolNumber), ports: ports)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.word(address.description)
        writer.number(protocolNumber)
        for port in ports { writer.number(port) }
    }

    public var rdata: RData { .wks(self) }
}
