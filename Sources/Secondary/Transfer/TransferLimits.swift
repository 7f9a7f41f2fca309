/// Bounds on what one transfer may bring, so a broken or hostile primary cannot make
/// the secondary hold unbounded data or wait forever.
public struct TransferLimits: Sendable, Equatable {
    /// Records across all messages (both SOA copies, deletions and additions counted).
    public var maxRecords: Int
    /// Octets of DNS messages received.
    public var maxBytes: Int
    /// From connecting to the last message, in seconds.
    public var transferTimeout: Double
    /// For a SOA query (one datagram out, one back), in seconds.
    public var queryTimeout: Double

    public init(maxRecords: Int = 10_000_000, maxBytes: Int = 2 << 30, transferTimeout: Double = 120, queryTimeout: Double = 2) {
        self.maxRecords = maxRecords
        self.maxBytes = maxBytes
        self.transferTimeout = transferTimeout
        self.queryTimeout = queryTimeout
    }
}
