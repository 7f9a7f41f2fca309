import DNSCore

/// Why a TSIG did not verify, with what the answer needs (RFC 8945 §5.2).
public struct TSIGFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// BADKEY, BADSIG, BADTIME or BADTRUNC; FORMERR for a malformed MAC size.
    public var error: RCode
    public var keyName: DomainName
    public var algorithm: DomainName
    public var timeSigned: UInt64
    public var fudge: UInt16
    /// The key, when it was known: a BADTIME answer is signed with it.
    public var key: TSIGKey?
    /// The MAC received, which a signed BADTIME answer chains on.
    public var receivedMAC: [UInt8]

    public var description: String {
        switch error {
        case .badKey: return "TSIG key \(keyName) (\(algorithm)) is not known here"
        case .badSig: return "TSIG signature by \(keyName) does not verify"
        case .badTime: return "TSIG time \(timeSigned) is outside the fudge of \(fudge) seconds"
        case .badTrunc: return "TSIG MAC from \(keyName) is truncated below the accepted length"
        default: return "malformed TSIG from \(keyName)"
        }
    }
}

/// Verifies the TSIG of a received message against a keyring.
public enum TSIGVerifier {
    public enum Outcome: Sendable, Equatable {
        /// No TSIG record.
        case unsigned
        /// Verified: the key, and the MAC to chain a response on.
        case valid(TSIGKey, mac: [UInt8])
        case invalid(TSIGFailure)
    }

    /// Checks in RFC 8945 §5.2's order: key, MAC size, MAC, then time. `requestMAC` is
    /// set when verifying a response to a request we signed.
    public static func verify(
        _ wire: [UInt8], _ message: Message, keyring: TSIGKeyring, now: UInt64, requestMAC: [UInt8]? = nil
    ) -> Outcome {
        guard let tsig = message.tsig, let location = message.tsigLocation else { return .unsigned }
        var failure = TSIGFailure(error: .badKey, keyName: tsig.keyName, algorithm: tsig.algorithm, timeSigned: tsig.timeSigned,
                                  fudge: tsig.fudge, key: nil, receivedMAC: tsig.mac)
        guard let key = keyring[tsig.keyName], key.algorithm.name == tsig.algorithm else { return .invalid(failure) }
        failure.key = key
        guard tsig.mac.count <= key.algorithm.digestLength, tsig.mac.count >= 10 else {
            failure.error = .formErr
            return .invalid(failure)
        }
        let unsigned = location.unsignedMessage(from: wire, originalID: tsig.originalID)
        let data = TSIGDigest.full(previousMAC: requestMAC, message: unsigned[...], keyName: tsig.keyName, algorithm: key.algorithm,
                                   timeSigned: tsig.timeSigned, fudge: tsig.fudge, error: tsig.error, otherData: tsig.otherData)
        let expected = MAC.compute(key.algorithm, key: key.secret, data: data)
        guard MAC.equal(expected[0..<tsig.mac.count], tsig.mac[...]) else {
            failure.error = .badSig
            return .invalid(failure)
        }
        guard timeIsValid(tsig.timeSigned, fudge: tsig.fudge, now: now) else {
            failure.error = .badTime
            return .invalid(failure)
        }
        guard tsig.mac.count >= key.algorithm.minimumTruncatedLength else {
            failure.error = .badTrunc
            return .invalid(failure)
        }
        return .valid(key, mac: tsig.mac)
    }

    static func timeIsValid(_ timeSigned: UInt64, fudge: UInt16, now: UInt64) -> Bool {
        let difference = timeSigned > now ? timeSigned - now : now - timeSigned
        return difference <= UInt64(fudge)
    }
}

/// Verifies a multi-message response (AXFR, IXFR) as it arrives: the first message
/// must be signed; later ones may come unsigned, up to 99 in a row, and are covered by
/// the next signed one (RFC 8945 §5.3.1). The stream must end on a signed message.
public struct TSIGStreamVerifier: Sendable {
    public let key: TSIGKey
    private var previousMAC: [UInt8]
    private var isFirst = true
    private var pending: [UInt8] = []
    private var unsignedInARow = 0

    public init(key: TSIGKey, requestMAC: [UInt8]) {
        self.key = key
        self.previousMAC = requestMAC
    }

    public enum Step: Sendable, Equatable {
        case verified
        /// Unsigned; covered by the next signed message.
        case deferred
    }

    public mutating func verify(_ wire: [UInt8], _ message: Message, now: UInt64) throws(TSIGFailure) -> Step {
        guard let tsig = message.tsig, let location = message.tsigLocation else {
            unsignedInARow += 1
            guard !isFirst, unsignedInARow < 100 else {
                throw TSIGFailure(error: .badSig, keyName: key.name, algorithm: key.algorithm.name, timeSigned: 0,
                                  fudge: 0, key: key, receivedMAC: [])
            }
            pending.append(contentsOf: wire)
            return .deferred
        }
        var failure = TSIGFailure(error: .badKey, keyName: tsig.keyName, algorithm: tsig.algorithm, timeSigned: tsig.timeSigned,
                                  fudge: tsig.fudge, key: key, receivedMAC: tsig.mac)
        guard tsig.keyName == key.name, tsig.algorithm == key.algorithm.name else { throw failure }
        guard tsig.error == .noError else {
            failure.error = tsig.error
            throw failure
        }
        guard tsig.mac.count <= key.algorithm.digestLength, tsig.mac.count >= key.algorithm.minimumTruncatedLength else {
            failure.error = .badTrunc
            throw failure
        }
        let unsigned = location.unsignedMessage(from: wire, originalID: tsig.originalID)
        let data: [UInt8]
        if isFirst {
            data = TSIGDigest.full(previousMAC: previousMAC, message: unsigned[...], keyName: tsig.keyName, algorithm: key.algorithm,
                                   timeSigned: tsig.timeSigned, fudge: tsig.fudge, error: tsig.error, otherData: tsig.otherData)
        } else {
            data = TSIGDigest.continuation(previousMAC: previousMAC, messages: (pending + unsigned)[...],
                                           timeSigned: tsig.timeSigned, fudge: tsig.fudge)
        }
        let expected = MAC.compute(key.algorithm, key: key.secret, data: data)
        guard MAC.equal(expected[0..<tsig.mac.count], tsig.mac[...]) else {
            failure.error = .badSig
            throw failure
        }
        guard TSIGVerifier.timeIsValid(tsig.timeSigned, fudge: tsig.fudge, now: now) else {
            failure.error = .badTime
            throw failure
        }
        isFirst = false
        previousMAC = tsig.mac
        pending = []
        unsignedInARow = 0
        return .verified
    }

    /// True when the stream ended on a signed message.
    public var isComplete: Bool { !isFirst && pending.isEmpty }
}
