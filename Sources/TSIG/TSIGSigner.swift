import DNSCore

/// Signs encoded messages (RFC 8945 §5.1, §5.3): appends the TSIG record and returns
/// the MAC, which a response to a request, or the next message of a stream, chains on.
public enum TSIGSigner {
    /// Signs a request, or a response when `requestMAC` is given.
    public static func sign(
        _ wire: [UInt8], key: TSIGKey, timeSigned: UInt64, fudge: UInt16 = 300,
        requestMAC: [UInt8]? = nil, error: RCode = .noError, otherData: [UInt8] = []
    ) -> (wire: [UInt8], mac: [UInt8]) {
        let data = TSIGDigest.full(previousMAC: requestMAC, message: wire[...], keyName: key.name, algorithm: key.algorithm,
                                   timeSigned: timeSigned, fudge: fudge, error: error, otherData: otherData)
        let mac = MAC.compute(key.algorithm, key: key.secret, data: data)
        var signed = wire
        Message.appendTSIG(TSIGRecord(keyName: key.name, algorithm: key.algorithm.name, timeSigned: timeSigned, fudge: fudge,
                                      mac: mac, originalID: id(of: wire), error: error, otherData: otherData),
                           to: &signed)
        return (signed, mac)
    }

    /// Adds the unsigned TSIG record that BADKEY and BADSIG answers carry (RFC 8945
    /// §5.3.2): the error, and no MAC.
    public static func appendUnsignedError(
        to wire: inout [UInt8], keyName: DomainName, algorithm: DomainName, timeSigned: UInt64, fudge: UInt16, error: RCode
    ) {
        Message.appendTSIG(TSIGRecord(keyName: keyName, algorithm: algorithm, timeSigned: timeSigned, fudge: fudge,
                                      mac: [], originalID: id(of: wire), error: error, otherData: []),
                           to: &wire)
    }

    static func id(of wire: [UInt8]) -> UInt16 {
        UInt16(wire[0]) << 8 | UInt16(wire[1])
    }
}

/// Signs every message of a multi-message response (AXFR, IXFR): the first one as a
/// response to the request, each later one chained on the MAC before it, with timers
/// only (RFC 8945 §5.3.1).
public struct TSIGStreamSigner: Sendable {
    public let key: TSIGKey
    private var previousMAC: [UInt8]
    private var isFirst = true

    public init(key: TSIGKey, requestMAC: [UInt8]) {
        self.key = key
        self.previousMAC = requestMAC
    }

    public mutating func sign(_ wire: [UInt8], timeSigned: UInt64, fudge: UInt16 = 300) -> [UInt8] {
        let data: [UInt8]
        if isFirst {
            data = TSIGDigest.full(previousMAC: previousMAC, message: wire[...], keyName: key.name, algorithm: key.algorithm,
                                   timeSigned: timeSigned, fudge: fudge, error: .noError, otherData: [])
            isFirst = false
        } else {
            data = TSIGDigest.continuation(previousMAC: previousMAC, messages: wire[...], timeSigned: timeSigned, fudge: fudge)
        }
        let mac = MAC.compute(key.algorithm, key: key.secret, data: data)
        var signed = wire
        Message.appendTSIG(TSIGRecord(keyName: key.name, algorithm: key.algorithm.name, timeSigned: timeSigned, fudge: fudge,
                                      mac: mac, originalID: TSIGSigner.id(of: wire), error: .noError, otherData: []),
                           to: &signed)
        previousMAC = mac
        return signed
    }
}
