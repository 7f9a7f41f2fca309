import DNSCore

/// The octets a TSIG MAC covers (RFC 8945 §4.3).
enum TSIGDigest {
    /// A request, a response or the first message of a stream: prior MAC (for
    /// responses), the message, then the TSIG variables (§4.3.3).
    static func full(previousMAC: [UInt8]?, message: ArraySlice<UInt8>, keyName: DomainName, algorithm: TSIGAlgorithm,
                     timeSigned: UInt64, fudge: UInt16, error: RCode, otherData: [UInt8]) -> [UInt8] {
        var data: [UInt8] = []
        data.reserveCapacity(message.count + 128)
        if let previousMAC { appendMAC(previousMAC, to: &data) }
        data.append(contentsOf: message)
        // Names in canonical (lower-case, uncompressed) form.
        data.append(contentsOf: keyName.lowercased().wire)
        append16(RRClass.any.rawValue, to: &data)
        append32(0, to: &data)
        data.append(contentsOf: algorithm.name.lowercased().wire)
        append48(timeSigned, to: &data)
        append16(fudge, to: &data)
        append16(error.rawValue, to: &data)
        append16(UInt16(otherData.count), to: &data)
        data.append(contentsOf: otherData)
        return data
    }

    /// A later message of a multi-message response: prior MAC, the messages since it,
    /// then only the timers (§5.3.1).
    static func continuation(previousMAC: [UInt8], messages: ArraySlice<UInt8>, timeSigned: UInt64, fudge: UInt16) -> [UInt8] {
        var data: [UInt8] = []
        data.reserveCapacity(messages.count + previousMAC.count + 10)
        appendMAC(previousMAC, to: &data)
        data.append(contentsOf: messages)
        append48(timeSigned, to: &data)
        append16(fudge, to: &data)
        return data
    }

    static func appendMAC(_ mac: [UInt8], to data: inout [UInt8]) {
        append16(UInt16(mac.count), to: &data)
        data.append(contentsOf: mac)
    }

    static func append16(_ value: UInt16, to data: inout [UInt8]) {
        data.append(UInt8(value >> 8))
        data.append(UInt8(truncatingIfNeeded: value))
    }

    static func append32(_ value: UInt32, to data: inout [UInt8]) {
        append16(UInt16(value >> 16), to: &data)
        append16(UInt16(truncatingIfNeeded: value), to: &data)
    }

    static func append48(_ value: UInt64, to data: inout [UInt8]) {
        for shift in stride(from: 40, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
