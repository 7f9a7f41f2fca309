import DNSCore

extension TSIGSigner {
    /// Signs a request and sends only the first `macLength` octets of the MAC (RFC 8945
    /// §5.2.2.1, BIND's `hmac-sha256-128` key names). The returned MAC is the one sent,
    /// which the response's MAC chains on.
    public static func sign(
        _ wire: [UInt8], key: TSIGKey, timeSigned: UInt64, fudge: UInt16 = 300, macLength: Int
    ) -> (wire: [UInt8], mac: [UInt8]) {
        let data = TSIGDigest.full(previousMAC: nil, message: wire[...], keyName: key.name, algorithm: key.algorithm,
                                   timeSigned: timeSigned, fudge: fudge, error: .noError, otherData: [])
        let mac = Array(MAC.compute(key.algorithm, key: key.secret, data: data).prefix(max(1, macLength)))
        var signed = wire
        Message.appendTSIG(TSIGRecord(keyName: key.name, algorithm: key.algorithm.name, timeSigned: timeSigned, fudge: fudge,
                                      mac: mac, originalID: id(of: wire), error: .noError, otherData: []),
                           to: &signed)
        return (signed, mac)
    }
}
