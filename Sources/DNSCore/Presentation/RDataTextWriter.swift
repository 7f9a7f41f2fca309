/// Writes the fields of one record's RDATA in presentation form, BIND's way.
///
/// Each verb puts one blank before its field, so a type's `writeText` reads as the list
/// of its fields. Names are written relative to `origin` when one is given.
public struct RDataTextWriter {
    public var bytes: [UInt8] = []
    public let origin: DomainName?
    /// Seconds since 1970 near which signature times are shown (BIND uses its clock);
    /// nil shows them as unsigned values, the same for any date before 2093.
    public var timeReference: Int64?

    /// BIND breaks long base64 and hex fields into words of this many characters.
    public static let chunkWidth = 56

    public init(origin: DomainName? = nil, timeReference: Int64? = nil) {
        self.origin = origin
        self.timeReference = timeReference
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    @inline(__always)
    mutating func separate() {
        if !bytes.isEmpty { bytes.append(0x20) }
    }

    public mutating func name(_ name: DomainName) {
        separate()
        if origin != nil {
            name.appendText(relativeTo: origin, to: &bytes)
        } else {
            name.appendText(to: &bytes)
        }
    }

    public mutating func number(_ value: some BinaryInteger) {
        separate()
        appendDecimal(UInt64(value))
    }

    mutating func appendDecimal(_ value: UInt64) {
        if value < 10 {
            bytes.append(48 + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 {
                buffer[count] = 48 + UInt8(v % 10)
                v /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    /// A word written as is (a mnemonic, a flag, an address).
    public mutating func word(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func word(bytes text: some Collection<UInt8>) {
        separate()
        bytes.append(contentsOf: text)
    }

    /// A character-string, quoted (TXT, HINFO, NAPTR, CAA value).
    public mutating func quoted(_ data: some Collection<UInt8>) {
        separate()
        EscapedText.appendQuoted(data, to: &bytes)
    }

    /// Base64 in words of `chunkWidth` characters, as BIND prints keys and signatures.
    public mutating func base64(_ data: some Collection<UInt8>, chunked: Bool = true) {
        chunks(Base64.encode(data), chunked: chunked)
    }

    /// Upper-case hex in words of `chunkWidth` characters.
    public mutating func hex(_ data: some Collection<UInt8>, chunked: Bool = true) {
        chunks(Base16.encode(data), chunked: chunked)
    }

    mutating func chunks(_ encoded: [UInt8], chunked: Bool) {
        guard chunked else {
            separate()
            bytes.append(contentsOf: encoded)
            return
        }
        var start = 0
        while start < encoded.count {
            let end = min(start + Self.chunkWidth, encoded.count)
            separate()
            bytes.append(contentsOf: encoded[start..<end])
            start = end
        }
    }

    /// RFC 3597 generic form: `\# length hex`.
    public mutating func generic(_ data: [UInt8]) {
        word("\\#")
        number(data.count)
        if !data.isEmpty { hex(data) }
    }
}
