import DNSCore
import TSIG

/// Signing what nsupdate sends and checking what comes back, with BIND's words for
/// each way a response's TSIG can fail (`isc_result_totext`).
public enum MessageSigning {
    /// The outcome of checking a response's TSIG.
    public enum Check: Equatable, Sendable {
        /// The request was not signed (and the response's TSIG, if any, is not ours to check).
        case notSigned
        case verified
        /// `reason` is BIND's text; `error` the TSIG error field, when the server set one.
        case failed(reason: String, error: RCode?)

        public var isFailure: Bool {
            if case .failed = self { return true }
            return false
        }

        /// For `--json`.
        public var summary: String {
            switch self {
            case .notSigned: return "unsigned"
            case .verified: return "verified"
            case .failed(let reason, let error):
                return error.map { "\(reason) (\(BINDMnemonics.tsigErrorName($0)))" } ?? reason
            }
        }
    }

    /// Appends a TSIG made with `key` now; returns the signed bytes and the MAC sent.
    public static func sign(_ wire: [UInt8], key: SessionKey, now: UInt64) -> (wire: [UInt8], mac: [UInt8]) {
        if let length = key.macLength, length < key.key.algorithm.digestLength {
            return TSIGSigner.sign(wire, key: key.key, timeSigned: now, macLength: length)
        }
        return TSIGSigner.sign(wire, key: key.key, timeSigned: now)
    }

    /// Checks the response to a request signed with `key` whose MAC was `requestMAC`.
    public static func check(response wire: [UInt8], _ message: Message, key: SessionKey, requestMAC: [UInt8], now: UInt64) -> Check {
        guard let tsig = message.tsig else { return .failed(reason: "expected a TSIG or SIG(0)", error: nil) }
        if tsig.error != .noError { return .failed(reason: "tsig indicates error", error: tsig.error) }
        switch TSIGVerifier.verify(wire, message, keyring: TSIGKeyring([key.key]), now: now, requestMAC: requestMAC) {
        case .valid: return .verified
        case .unsigned: return .failed(reason: "expected a TSIG or SIG(0)", error: nil)
        case .invalid(let failure):
            switch failure.error {
            case .badTime: return .failed(reason: "clocks are unsynchronized", error: nil)
            default: return .failed(reason: "tsig verify failure", error: nil)
            }
        }
    }
}
