/// Field verbs for the RDATA types past RFC 1035.
extension RDataTextWriter {
    /// An RR type mnemonic, or `TYPEnnn` (RFC 3597 §5).
    public mutating func rrType(_ type: RRType) {
        word(type.description)
    }

    /// A code field: its mnemonic from `table` where there is one, else the number.
    public mutating func code(_ value: UInt16, table: MnemonicTable) {
        if let name = table.name(of: value) { word(name) } else { number(value) }
    }

    /// Lower-case hex in one word, after `prefix` (NSAP and ATMA print this way).
    public mutating func lowerHex(_ data: some Collection<UInt8>, prefix: String = "") {
        separate()
        bytes.append(contentsOf: prefix.utf8)
        for byte in Base16.encode(data) { bytes.append(byte &- 0x41 < 6 ? byte | 0x20 : byte) }
    }

    /// Upper-case unpadded base32hex in one word (NSEC3 next hashed owner).
    public mutating func base32Hex(_ data: some Collection<UInt8>) {
        separate()
        bytes.append(contentsOf: Base32Hex.encode(data))
    }

    /// A signature time as `YYYYMMDDHHmmSS`, near `timeReference` when one is set.
    public mutating func signatureTime(_ value: UInt32) {
        separate()
        bytes.append(contentsOf: SignatureTimeText.format(SignatureTimeText.instant(of: value, reference: timeReference)))
    }

    /// Raw bytes appended to the current word, with no blank before them.
    public mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func appendDecimal(_ value: some BinaryInteger) {
        appendDecimal(UInt64(value))
    }
}
