/// A fully qualified domain name, kept in wire form (RFC 1035 §3.1).
///
/// Names are always absolute: relative names in zone files and nsupdate scripts are
/// completed with their origin when they are read, so two equal names always have the
/// same labels. Equality and hashing ignore ASCII case (RFC 4343); the bytes keep the
/// case they were written with, so a question's case can be echoed back.
public struct DomainName: Sendable {
    /// Length-prefixed labels, ending with the root label (a zero byte).
    public let wire: [UInt8]

    /// RFC 1035 §2.3.4 limits.
    public static let maxLabelLength = 63
    public static let maxWireLength = 255

    public static let root = DomainName(uncheckedWire: [0])

    /// Wraps bytes already known to be a valid wire-form name.
    @usableFromInline
    init(uncheckedWire: [UInt8]) {
        self.wire = uncheckedWire
    }

    /// Wraps bytes that came out of a validated name (an interned copy, a parse into a
    /// scratch buffer). Passing anything else breaks every invariant of this type.
    public init(trustedWire: [UInt8]) {
        self.wire = trustedWire
    }

    /// Validates `wire` as one uncompressed wire-form name that fills the whole array.
    public init(wire: [UInt8]) throws(DomainNameError) {
        guard !wire.isEmpty, wire.count <= Self.maxWireLength else { throw .nameTooLong }
        var index = 0
        while true {
            guard index < wire.count else { throw .truncated }
            let length = Int(wire[index])
            if length == 0 { break }
            guard length <= Self.maxLabelLength else { throw .labelTooLong }
            index += 1 + length
        }
        guard index == wire.count - 1 else { throw .trailingBytes }
        self.wire = wire
    }

    /// Builds a name from its labels, leftmost first (without the root label).
    public init<S: Sequence>(labels: S) throws(DomainNameError) where S.Element: Collection<UInt8> {
        var bytes: [UInt8] = []
        for label in labels {
            guard !label.isEmpty else { throw .emptyLabel }
            guard label.count <= Self.maxLabelLength else { throw .labelTooLong }
            bytes.append(UInt8(label.count))
            bytes.append(contentsOf: label)
        }
        bytes.append(0)
        guard bytes.count <= Self.maxWireLength else { throw .nameTooLong }
        self.wire = bytes
    }

    public var isRoot: Bool { wire.count == 1 }

    /// The number of labels, not counting the root label.
    public var labelCount: Int {
        var count = 0
        var index = 0
        while wire[index] != 0 {
            count += 1
            index += 1 + Int(wire[index])
        }
        return count
    }

    /// The labels, leftmost first, without the root label.
    public var labels: [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var index = 0
        while wire[index] != 0 {
            let length = Int(wire[index])
            result.append(wire[(index + 1)..<(index + 1 + length)])
            index += 1 + length
        }
        return result
    }

    /// The leftmost label, or an empty slice for the root.
    public var firstLabel: ArraySlice<UInt8> {
        let length = Int(wire[0])
        return wire[1..<(1 + length)]
    }

    /// `*` as the leftmost label (RFC 4592 §2.1.1).
    public var isWildcard: Bool { wire.count >= 3 && wire[0] == 1 && wire[1] == UInt8(ascii: "*") }

    /// The name with its leftmost label removed; nil for the root.
    public var parent: DomainName? {
        if isRoot { return nil }
        return DomainName(uncheckedWire: Array(wire[(1 + Int(wire[0]))...]))
    }

    /// The name made of this name's last `count` labels.
    public func suffix(labelCount count: Int) -> DomainName {
        let drop = labelCount - count
        guard drop > 0 else { return self }
        var index = 0
        for _ in 0..<drop { index += 1 + Int(wire[index]) }
        return DomainName(uncheckedWire: Array(wire[index...]))
    }

    /// True when `self` equals `ancestor` or lies below it.
    public func isSubdomain(of ancestor: DomainName) -> Bool {
        let extra = wire.count - ancestor.wire.count
        guard extra >= 0 else { return false }
        // The tail must start on a label boundary of `self`.
        var index = 0
        while index < extra {
            index += 1 + Int(wire[index])
        }
        guard index == extra else { return false }
        return Self.bytesEqualIgnoringCase(wire[extra...], ancestor.wire[...])
    }

    /// `label` + `self`.
    public func prepending(label: some Collection<UInt8>) throws(DomainNameError) -> DomainName {
        guard !label.isEmpty else { throw .emptyLabel }
        guard label.count <= Self.maxLabelLength else { throw .labelTooLong }
        guard wire.count + 1 + label.count <= Self.maxWireLength else { throw .nameTooLong }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(wire.count + 1 + label.count)
        bytes.append(UInt8(label.count))
        bytes.append(contentsOf: label)
        bytes.append(contentsOf: wire)
        return DomainName(uncheckedWire: bytes)
    }

    /// The labels of `self` above `origin`, followed by `newOrigin`'s. `self` must be
    /// at or below `origin`.
    public func replacingSuffix(_ origin: DomainName, with newOrigin: DomainName) throws(DomainNameError) -> DomainName {
        precondition(isSubdomain(of: origin))
        let head = wire[0..<(wire.count - origin.wire.count)]
        guard head.count + newOrigin.wire.count <= Self.maxWireLength else { throw .nameTooLong }
        return DomainName(uncheckedWire: Array(head) + newOrigin.wire)
    }

    /// The name with ASCII letters folded to lower case (RFC 4034 §6.2).
    public func lowercased() -> DomainName {
        var bytes = wire
        for i in bytes.indices where bytes[i] &- 0x41 < 26 { bytes[i] |= 0x20 }
        return DomainName(uncheckedWire: bytes)
    }

    @inlinable
    static func bytesEqualIgnoringCase(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var i = a.startIndex
        var j = b.startIndex
        while i < a.endIndex {
            // Length bytes are below 64, so folding 'A'...'Z' never touches them.
            if asciiLower(a[i]) != asciiLower(b[j]) { return false }
            i += 1
            j += 1
        }
        return true
    }
}

@inlinable @inline(__always)
@usableFromInline
func asciiLower(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
}

extension DomainName: Hashable {
    public static func == (lhs: DomainName, rhs: DomainName) -> Bool {
        if lhs.wire.count != rhs.wire.count { return false }
        return lhs.wire.withUnsafeBufferPointer { a in
            rhs.wire.withUnsafeBufferPointer { b in
                for i in 0..<a.count where asciiLower(a[i]) != asciiLower(b[i]) { return false }
                return true
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        wire.withUnsafeBufferPointer { source in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: source.count) { folded in
                for i in 0..<source.count { folded[i] = asciiLower(source[i]) }
                hasher.combine(bytes: UnsafeRawBufferPointer(folded))
            }
        }
    }
}

/// Why bytes or text do not make a valid domain name.
public enum DomainNameError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyLabel
    case labelTooLong
    case nameTooLong
    case truncated
    case trailingBytes
    case badEscape
    case relativeWithoutOrigin
    case empty
    /// A label starting with `\[`: an RFC 2673 bitstring label, which RFC 6891 retired.
    case bitstringLabel

    public var description: String {
        switch self {
        case .emptyLabel: return "empty label"
        case .labelTooLong: return "label longer than 63 octets"
        case .nameTooLong: return "name longer than 255 octets"
        case .truncated: return "truncated name"
        case .trailingBytes: return "bytes after the root label"
        case .badEscape: return "bad escape sequence"
        case .relativeWithoutOrigin: return "relative name with no origin"
        case .empty: return "empty name"
        case .bitstringLabel: return "bitstring labels (RFC 2673) are not supported"
        }
    }
}
