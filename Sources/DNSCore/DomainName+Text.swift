extension DomainName {
    /// Parses a name in presentation form (RFC 1035 §5.1): labels separated by
    /// unescaped dots, `\X` and `\DDD` escapes, `@` for the origin. A name without a
    /// trailing dot is completed with `origin`.
    public init(text: some Collection<UInt8>, origin: DomainName?) throws(DomainNameError) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count + 2 + (origin?.wire.count ?? 0))
        try Self.parse(text: text, origin: origin, into: &bytes)
        self.init(uncheckedWire: bytes)
    }

    /// Parses presentation text into wire form in `out` (replacing its contents), so a
    /// hot loop can reuse one buffer instead of allocating a name per record.
    public static func parse(text: some Collection<UInt8>, origin: DomainName?, into out: inout [UInt8]) throws(DomainNameError) {
        try parse(text: ArraySlice(text), origin: origin, into: &out)
    }

    /// The concrete form the zone parser calls: no generic dispatch per byte.
    public static func parse(text: ArraySlice<UInt8>, origin: DomainName?, into out: inout [UInt8]) throws(DomainNameError) {
        out.removeAll(keepingCapacity: true)
        let count = text.count
        if count == 0 { throw .empty }
        if count == 1 {
            switch text[text.startIndex] {
            case UInt8(ascii: "@"):
                guard let origin else { throw .relativeWithoutOrigin }
                out.append(contentsOf: origin.wire)
                return
            case UInt8(ascii: "."):
                out.append(0)
                return
            default:
                break
            }
        }
        try text.withUnsafeBufferPointer { (input: UnsafeBufferPointer<UInt8>) throws(DomainNameError) in
            var labelStart = 0
            out.append(0)
            var i = 0
            let n = input.count
            while i < n {
                let byte = input[i]
                i += 1
                if byte == UInt8(ascii: ".") {
                    let length = out.count - labelStart - 1
                    guard length > 0 else { throw .emptyLabel }
                    guard length <= maxLabelLength else { throw .labelTooLong }
                    out[labelStart] = UInt8(length)
                    labelStart = out.count
                    out.append(0)
                    continue
                }
                var value = byte
                if byte == UInt8(ascii: "\\") {
                    guard i < n else { throw .badEscape }
                    let first = input[i]
                    if first == UInt8(ascii: "[") && out.count == labelStart + 1 { throw .bitstringLabel }
                    i += 1
                    if isDigit(first) {
                        guard i + 1 < n, isDigit(input[i]), isDigit(input[i + 1]) else { throw .badEscape }
                        let number = Int(first - 48) * 100 + Int(input[i] - 48) * 10 + Int(input[i + 1] - 48)
                        i += 2
                        guard number <= 255 else { throw .badEscape }
                        value = UInt8(number)
                    } else {
                        value = first
                    }
                }
                out.append(value)
                if out.count > maxWireLength + 1 { throw .nameTooLong }
            }
            let length = out.count - labelStart - 1
            if length == 0 {
                // The text ended with an unescaped dot: an absolute name. The empty label
                // just opened becomes the root label.
                guard labelStart > 0 else { throw .emptyLabel }
            } else {
                guard length <= maxLabelLength else { throw .labelTooLong }
                out[labelStart] = UInt8(length)
                guard let origin else { throw .relativeWithoutOrigin }
                out.append(contentsOf: origin.wire)
            }
        }
        guard out.count <= maxWireLength else { throw .nameTooLong }
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
