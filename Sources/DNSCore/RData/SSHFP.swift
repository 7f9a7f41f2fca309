/// SSH host key fingerprint (RFC 4255 §3, RFC 6594).
public struct SSHFP: RDataFormat {
    public static let rrType = RRType.sshfp
    public var algorithm: UInt8
    public var fingerprintType: UInt8
    public var fingerprint: [UInt8]

    public init(algorithm: UInt8, fingerprintType: UInt8, fingerprint: [UInt8]) {
        self.algorithm = algorithm
        self.fingerprintType = fingerprintType
        self.fingerprint = fingerprint
    }

    /// SHA-1 and SHA-256 fingerprints have a fixed length, which BIND checks.
    static func problem(_ type: UInt8, _ length: Int) -> String? {
        if length == 0 { return "empty fingerprint" }
        switch (type, length) {
        case (1, let n) where n != 20: return "a SHA-1 fingerprint is 20 octets, found \(n)"
        case (2, let n) where n != 32: return "a SHA-256 fingerprint is 32 octets, found \(n)"
        default: return nil
        }
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        algorithm = try reader.readU8()
        fingerprintType = try reader.readU8()
        fingerprint = reader.readRemaining()
        if let problem = Self.problem(fingerprintType, fingerprint.count) { throw Self.malformed(reader, problem) }
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU8(algorithm)
        writer.writeU8(fingerprintType)
        writer.writeBytes(fingerprint)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        algorithm = try reader.u8("algorithm")
        fingerprintType = try reader.u8("fingerprint type")
        let first = reader.currentToken
        fingerprint = try reader.hexRemaining("the fingerprint")
        if let problem = Self.problem(fingerprintType, fingerprint.count) { throw reader.error(.badRData, problem, at: first) }
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(algorithm)
        writer.number(fingerprintType)
        writer.hex(fingerprint)
    }

    public var rdata: RData { .sshfp(self) }
}
