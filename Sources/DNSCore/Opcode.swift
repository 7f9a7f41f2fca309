/// A header OPCODE (RFC 1035 §4.1.1, RFC 1996 NOTIFY, RFC 2136 UPDATE).
public struct Opcode: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ rawValue: UInt8) { self.rawValue = rawValue }

    public static let query = Opcode(0)
    public static let iquery = Opcode(1)
    public static let status = Opcode(2)
    public static let notify = Opcode(4)
    public static let update = Opcode(5)
}

extension Opcode: CustomStringConvertible {
    public var description: String {
        switch rawValue {
        case 0: return "QUERY"
        case 1: return "IQUERY"
        case 2: return "STATUS"
        case 4: return "NOTIFY"
        case 5: return "UPDATE"
        default: return "RESERVED\(rawValue)"
        }
    }
}
