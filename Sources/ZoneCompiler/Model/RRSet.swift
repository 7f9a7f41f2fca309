/// The records of one owner and type, sharing one TTL (RFC 2181 §5).
public struct RRSet: Sendable {
    public var type: RRType
    public var ttl: UInt32
    public var rdatas: [RData]
    /// Where each RDATA was read, parallel to `rdatas`; empty when the set did not come
    /// from text (a transfer, an UPDATE).
    public var locations: [SourceLocation]

    public init(type: RRType, ttl: UInt32, rdatas: [RData] = [], locations: [SourceLocation] = []) {
        self.type = type
        self.ttl = ttl
        self.rdatas = rdatas
        self.locations = locations
    }

    /// What makes records one RRset: their type, and for RRSIG the type they cover —
    /// signatures over different types are separate RRsets with their own TTLs
    /// (RFC 4034 §3).
    public var key: RRSetKey { RRSetKey(type: type, rdata: rdatas.first) }

    public func location(at index: Int) -> SourceLocation? {
        guard locations.indices.contains(index), locations[index].file >= 0 else { return nil }
        return locations[index]
    }

    public var firstLocation: SourceLocation? { location(at: 0) }
}

extension RRSet: Equatable {
    /// Same type, TTL and records, in any order; where they were read does not matter.
    public static func == (a: RRSet, b: RRSet) -> Bool {
        guard a.type == b.type, a.ttl == b.ttl, a.rdatas.count == b.rdatas.count else { return false }
        if a.rdatas == b.rdatas { return true }
        return Set(a.rdatas) == Set(b.rdatas)
    }
}

/// The type, and for RRSIG the covered type, that groups records into an RRset.
public struct RRSetKey: Hashable, Sendable {
    public var type: RRType
    public var covered: RRType?

    public init(type: RRType, covered: RRType? = nil) {
        self.type = type
        self.covered = covered
    }

    /// The key of a record of `type` with `rdata`.
    public init(type: RRType, rdata: RData?) {
        self.type = type
        if case .rrsig(let signature)? = rdata { covered = signature.typeCovered } else { covered = nil }
    }
}
