/// How long nsupdate waits (BIND's `-t`, `-u`, `-r`).
public struct TransportTimeouts: Hashable, Sendable {
    /// The whole exchange, in seconds; nil for none (`-t 0`, TCP only).
    public var total: UInt32?
    /// Seconds between UDP tries; 0 means total / (retries + 1), at least 1.
    public var udpInterval: UInt32
    /// UDP tries after the first.
    public var udpRetries: UInt32

    public init(total: UInt32? = 300, udpInterval: UInt32 = 3, udpRetries: UInt32 = 3) {
        self.total = total
        self.udpInterval = udpInterval
        self.udpRetries = udpRetries
    }

    /// BIND's dns_request: an interval of zero is derived from the total timeout.
    var effectiveUDPInterval: UInt32 {
        if udpInterval != 0 { return udpInterval }
        let total = self.total ?? UInt32.max
        return max(1, total / (udpRetries &+ 1))
    }
}
