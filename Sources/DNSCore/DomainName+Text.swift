extension DomainName {
    /// Parses a name in presentation form (RFC 1035 §5.1): labels separated by
    /// unescaped dots, `\X` and `\DDD` escapes, `@` for the origin. A name without a
    /// trailing dot is completed with `origin`.
    public init(text: some Collection<UInt8>, origin: DomainName?) throws(DomainNameError) {
        if text.isEmpty { throw .empty }
        if text.count == 1 {
            switch text.first! {
            case UInt8(ascii: "@"):
                guard let origin else { throw .relativeWithoutOrigin }
                self = origin
                return
            case UInt8(ascii: "."):
                self = .root
                return
            default:
                break
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count + 2)
        var labelStart = 0
        bytes.append(0)
        var absolute = false
        var iterator = text.makeIterator()
        var pending: UInt8? = nil
        func next() -> UInt8? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let byte = next() {
            if byte == UInt8(ascii: ".") {
                let length = bytes.count - labelStart - 1
                guard length > 0 else { throw .emptyLabel }
                guard length <= Self.maxLabelLength else { throw .labelTooLong }
                bytes[labelStart] = UInt8(length)
                // A dot that ends the text makes the name absolute.
                guard let following = next() else { absolute = true; break }
                pending = following
                labelStart = bytes.count
                bytes.append(0)
                continue
            }
            var value = byte
            if byte == UInt8(ascii: "\\") {
                guard let first = next() else { throw .badEscape }
                if Self.isDigit(first) {
                    guard let second = next(), Self.isDigit(second),
                          let third = next(), Self.isDigit(third) else { throw .badEscape }
                    let number = Int(first - 48) * 100 + Int(second - 48) * 10 + Int(third - 48)
                    guard number <= 255 else { throw .badEscape }
                    value = UInt8(number)
                } else {
                    value = first
                }
            }
            bytes.append(value)
            if bytes.count > Self.maxWireLength + 1 { throw .nameTooLong }
        }
        if !absolute {
            let length = bytes.count - labelStart - 1
            guard length > 0 else { throw .emptyLabel }
            guard length <= Self.maxLabelLength else { throw .labelTooLong }
            bytes[labelStart] = UInt8(length)
            guard let origin else { throw .relativeWithoutOrigin }
            bytes.append(contentsOf: origin.wire)
        } else {
            bytes.append(0)
        }
        guard bytes.count <= Self.maxWireLength else { throw .nameTooLong }
        self.init(uncheckedWire: bytes)
    }

    /// Parses an absolute name, or a relative one completed with `origin`.
    public init(_ text: String, origin: DomainName? = nil) throws(DomainNameError) {
        try self.init(text: Array(text.utf8), origin: origin)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

    /// Appends one label in presentation form, with BIND's escaping.
    static func appendLabelText(_ label: ArraySlice<UInt8>, to out: inout [UInt8]) {
        for byte in label {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "("),
                 UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: "@"), UInt8(ascii: "$"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x21...0x7E:
                out.append(byte)
            default:
                out.append(UInt8(ascii: "\\"))
                out.append(48 + byte / 100)
                out.append(48 + (byte / 10) % 10)
                out.append(48 + byte % 10)
            }
        }
    }

    /// Appends the absolute presentation form (with its trailing dot).
    public func appendText(to out: inout [UInt8]) {
        if isRoot {
            out.append(UInt8(ascii: "."))
            return
        }
        var index = 0
        while wire[index] != 0 {
            let length = Int(wire[index])
            Self.appendLabelText(wire[(index + 1)..<(index + 1 + length)], to: &out)
            out.append(UInt8(ascii: "."))
            index += 1 + length
        }
    }

    /// Appends the name relative to `origin` when it lies at or below it (`@` for the
    /// origin itself), else the absolute form.
    public func appendText(relativeTo origin: DomainName?, to out: inout [UInt8]) {
        guard let origin, !origin.isRoot, isSubdomain(of: origin) else {
            appendText(to: &out)
            return
        }
        if wire.count == origin.wire.count {
            out.append(UInt8(ascii: "@"))
            return
        }
        let headLength = wire.count - origin.wire.count
        var index = 0
        var first = true
        while index < headLength {
            if !first { out.append(UInt8(ascii: ".")) }
            first = false
            let length = Int(wire[index])
            Self.appendLabelText(wire[(index + 1)..<(index + 1 + length)], to: &out)
            index += 1 + length
        }
    }

    public func text(relativeTo origin: DomainName?) -> String {
        var out: [UInt8] = []
        appendText(relativeTo: origin, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

extension DomainName: CustomStringConvertible, CustomDebugStringConvertible {
    /// The absolute presentation form, e.g. `www.example.com.`.
    public var description: String {
        var out: [UInt8] = []
        out.reserveCapacity(wire.count + 1)
        appendText(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public var debugDescription: String { "DomainName(\(description))" }
}

extension DomainName: ExpressibleByStringLiteral {
    /// For literals in code and tests; an invalid literal is a programming error.
    public init(stringLiteral value: String) {
        do {
            try self.init(value, origin: .root)
        } catch {
            preconditionFailure("invalid domain name literal \(value): \(error)")
        }
    }
}
