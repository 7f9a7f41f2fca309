import DNSCore
import TSIG

/// The TSIG key updates are signed with, and how many octets of the MAC to send:
/// BIND's `hmac-sha256-128` style names ask for a truncated MAC (RFC 8945 §5.2.2.1).
public struct SessionKey: Hashable, Sendable {
    public var key: TSIGKey
    /// Octets of MAC to send; nil for the full digest.
    public var macLength: Int?

    public init(key: TSIGKey, macLength: Int? = nil) {
        self.key = key
        self.macLength = macLength
    }
}
