/// One entry of the question section (RFC 1035 §4.1.2); in an UPDATE it names the
/// zone (RFC 2136 §2.3), with type SOA.
public struct Question: Hashable, Sendable {
    public var name: DomainName
    public var type: RRType
    public var rrClass: RRClass

    public init(name: DomainName, type: RRType, rrClass: RRClass = .in) {
        self.name = name
        self.type = type
        self.rrClass = rrClass
    }

    /// The fewest octets a question can take on the wire: a root name, type and class.
    static let minimumWireLength = 5

    init(wire reader: inout WireReader) throws(WireError) {
        name = try reader.readName()
        type = RRType(try reader.readU16())
        rrClass = RRClass(try reader.readU16())
    }

    func encode(to writer: inout WireWriter) {
        writer.writeName(name, compress: true)
        writer.writeU16(type.rawValue)
        writer.writeU16(rrClass.rawValue)
    }
}

extension Question: CustomStringConvertible {
    /// `name CLASS TYPE`, in the order dig prints a question.
    public var description: String { "\(name) \(rrClass) \(type)" }
}
