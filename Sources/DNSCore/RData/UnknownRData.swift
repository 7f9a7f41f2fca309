/// RDATA of a type this library has no codec for, kept as opaque octets and written in
/// the RFC 3597 generic form `\# length hex`.
public struct UnknownRData: Hashable, Sendable {
    public var type: RRType
    public var data: [UInt8]

    public init(type: RRType, data: [UInt8]) {
        self.type = type
        self.data = data
    }
}
