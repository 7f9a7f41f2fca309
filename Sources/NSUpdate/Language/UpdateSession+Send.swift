import DNSCore

extension UpdateSession {
    /// How to send the message built so far. Clears the last answer, as BIND does
    /// before every send, even one that sends nothing.
    public mutating func sendPlan() -> SendPlan {
        answer = nil
        if let userZone, !usesDefaultServers {
            return .direct(zone: userZone, servers: servers)
        }
        // BIND fixes the zone class while building the SOA query, before it knows
        // whether there is anything to ask about.
        let rrClass = resolvedZoneClass()
        guard let name = ZoneDiscovery.startName(userZone: userZone, updates: updates, prerequisites: prerequisites),
              userZone != nil || !isEmpty else {
            return .nothing
        }
        return .discover(ZoneDiscovery(name: name, userZone: userZone, rrClass: rrClass, recursionDesired: usesDefaultServers),
                         servers: servers)
    }

    /// The UPDATE message for `zone`, with `id`, as it goes out (before signing).
    public mutating func updateMessage(zone: DomainName, id: UInt16) -> Message {
        var message = outgoingMessage(zone: zone)
        message.header.id = id
        return message
    }
}
