/// The RRsets at one owner name. Few per name, so a small array beats a dictionary.
public struct ZoneNode: Sendable, Equatable {
    public var rrsets: [RRSet] = []

    public init(rrsets: [RRSet] = []) { self.rrsets = rrsets }

    /// The RRset of `type`; for RRSIG, the first of its RRsets (there is one per
    /// covered type: use `rrset(_ key:)`).
    public func rrset(_ type: RRType) -> RRSet? {
        for rrset in rrsets where rrset.type == type { return rrset }
        return nil
    }

    public func rrset(_ key: RRSetKey) -> RRSet? {
        for rrset in rrsets where rrset.key == key { return rrset }
        return nil
    }

    public func has(_ type: RRType) -> Bool {
        for rrset in rrsets where rrset.type == type { return true }
        return false
    }

    /// True when the node holds an A or AAAA record.
    public var hasAddress: Bool {
        for rrset in rrsets where rrset.type == .a || rrset.type == .aaaa { return true }
        return false
    }

    public var recordCount: Int { rrsets.reduce(0) { $0 + $1.rdatas.count } }
}
