/// What a secondary does with a zone whose expire time passed without a successful
/// refresh (RFC 1035 §3.3.13, DESIGN §5.3).
public enum ExpirePolicy: String, Sendable, CaseIterable {
    /// Stop answering for it: SERVFAIL until a primary answers again (the RFC's way).
    case followSOA = "follow-soa"
    /// Keep answering with the last good data, and say so in the log: an explicit,
    /// visible choice for networks where stale names beat no names.
    case serveStale = "serve-stale"
}
