/// SOA serial numbers compared with RFC 1982 serial number arithmetic (SERIAL_BITS 32).
public struct SerialNumber: Hashable, Sendable {
    public var value: UInt32
    public init(_ value: UInt32) { self.value = value }

    public enum Relation: Sendable { case less, equal, greater, undefined }

    public func compare(to other: SerialNumber) -> Relation {
        if value == other.value { return .equal }
        let difference = value &- other.value
        if difference == 0x8000_0000 { return .undefined }
        return difference < 0x8000_0000 ? .greater : .less
    }

    /// `self` plus `n` (n below 2^31), wrapping as RFC 1982 §3.1 defines.
    public func adding(_ n: UInt32) -> SerialNumber {
        precondition(n < 0x8000_0000)
        return SerialNumber(value &+ n)
    }
}
