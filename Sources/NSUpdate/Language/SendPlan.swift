import DNSCore

/// What a send needs, worked out from the session as BIND's `start_update` does.
public enum SendPlan: Sendable {
    /// Nothing to send: no records, and not both `zone` and `server` given.
    case nothing
    /// `zone` and `server` were both given: send straight to the servers.
    case direct(zone: DomainName, servers: [SocketAddress])
    /// Find the zone (and, without `server`, its primary) first.
    case discover(ZoneDiscovery, servers: [SocketAddress])
}
