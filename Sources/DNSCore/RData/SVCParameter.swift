/// One SvcParam of an SVCB or HTTPS record (RFC 9460 §2.2): a key and its value in
/// wire form.
public struct SVCParameter: Hashable, Sendable {
    public var key: UInt16
    public var value: [UInt8]

    public init(key: UInt16, value: [UInt8]) {
        self.key = key
        self.value = value
    }

    public static let mandatory: UInt16 = 0
    public static let alpn: UInt16 = 1
    public static let noDefaultALPN: UInt16 = 2
    public static let port: UInt16 = 3
    public static let ipv4Hint: UInt16 = 4
    public static let ech: UInt16 = 5
    public static let ipv6Hint: UInt16 = 6
    public static let dohPath: UInt16 = 7
}

/// Why a SvcParam or the set of them is not acceptable.
struct SVCParameterError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// SvcParams in presentation form, as BIND 9.18 reads and writes them
/// (lib/dns/rdata/in_1/svcb_64.c): the registered keys by name, any key as `keyNNNNN`,
/// values checked against the key's wire format.
enum SVCParameterText {
    enum Encoding { case text, port, ipv4s, ipv6s, base64, empty, alpn, keylist, dohpath }

    /// BIND reads `dohpath` by name but writes it as `key7` (it is not one of the
    /// "initial" keys it names in output).
    static let registry: [(name: [UInt8], key: UInt16, encoding: Encoding, writesName: Bool)] = [
        (Array("mandatory".utf8), 0, .keylist, true), (Array("alpn".utf8), 1, .alpn, true),
        (Array("no-default-alpn".utf8), 2, .empty, true), (Array("port".utf8), 3, .port, true),
        (Array("ipv4hint".utf8), 4, .ipv4s, true), (Array("ech".utf8), 5, .base64, true),
        (Array("ipv6hint".utf8), 6, .ipv6s, true), (Array("dohpath".utf8), 7, .dohpath, false),
    ]

    static let comma = UInt8(ascii: ",")
    static let equals = UInt8(ascii: "=")
    static let backslash = UInt8(ascii: "\\")

    // MARK: Reading

    /// One `key[=value]` as written (escapes unresolved; a quoted value without its
    /// quotes). Registered names are matched with their case; other spellings go
    /// through `keyNNNNN`-style generic reading, whose value is then checked.
    static func parse(_ region: ArraySlice<UInt8>) throws(SVCParameterError) -> SVCParameter {
        for entry in registry {
            guard region.starts(with: entry.name) else { continue }
            let after = region.startIndex + entry.name.count
            guard after == region.endIndex || region[after] == equals else { continue }
            let value = after == region.endIndex ? region[after...] : region[(after + 1)...]
            let name = String(decoding: entry.name, as: UTF8.self)
            switch entry.encoding {
            case .text:
                return SVCParameter(key: entry.key, value: try unescape(value, name))
            case .dohpath:
                let bytes = try unescape(value, name)
                try validate(key: entry.key, bytes)
                return SVCParameter(key: entry.key, value: bytes)
            case .alpn:
                return SVCParameter(key: entry.key, value: try parseALPN(value))
            case .port:
                guard let first = value.first, first &- 48 < 10, value.allSatisfy({ $0 &- 48 < 10 }) else {
                    throw SVCParameterError("bad port '\(String(decoding: value, as: UTF8.self))'")
                }
                guard let port = DecimalText.parse(value), port <= 0xFFFF else { throw SVCParameterError("port out of range") }
                return SVCParameter(key: entry.key, value: [UInt8(port >> 8), UInt8(port & 0xFF)])
            case .ipv4s:
                var bytes: [UInt8] = []
                for piece in value.split(separator: comma, omittingEmptySubsequences: false) {
                    guard let address = IPv4Address(text: piece) else {
                        throw SVCParameterError("bad IPv4 address '\(String(decoding: piece, as: UTF8.self))' in ipv4hint")
                    }
                    bytes += address.bytes
                }
                return SVCParameter(key: entry.key, value: bytes)
            case .ipv6s:
                var bytes: [UInt8] = []
                for piece in value.split(separator: comma, omittingEmptySubsequences: false) {
                    guard let address = IPv6Address(text: piece) else {
                        throw SVCParameterError("bad IPv6 address '\(String(decoding: piece, as: UTF8.self))' in ipv6hint")
                    }
                    bytes += address.bytes
                }
                return SVCParameter(key: entry.key, value: bytes)
            case .base64:
                // isc_base64_decodestring skips blanks inside a quoted value.
                let text = value.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
                guard let bytes = Base64.decode(text) else { throw SVCParameterError("bad base64 in ech") }
                return SVCParameter(key: entry.key, value: bytes)
            case .empty:
                guard value.isEmpty else { throw SVCParameterError("\(name) takes no value") }
                return SVCParameter(key: entry.key, value: [])
            case .keylist:
                guard !value.isEmpty else { throw SVCParameterError("mandatory needs a list of keys") }
                var keys: [UInt16] = []
                var rest = value
                while !rest.isEmpty {
                    let (key, remainder) = try parseKey(rest, separator: comma)
                    keys.append(key)
                    rest = remainder
                }
                keys.sort()
                for i in keys.indices.dropFirst() where keys[i] == keys[i - 1] {
                    throw SVCParameterError("key \(keyName(keys[i])) listed twice in mandatory")
                }
                return SVCParameter(key: entry.key, value: keys.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
            }
        }
        let (key, rest) = try parseKey(region, separator: equals)
        let value = try unescape(rest, keyName(key))
        try validate(key: key, value)
        return SVCParameter(key: key, value: value)
    }

    static func unescape(_ value: ArraySlice<UInt8>, _ name: String) throws(SVCParameterError) -> [UInt8] {
        guard let bytes = EscapedText.unescape(value) else { throw SVCParameterError("bad escape in the \(name) value") }
        guard bytes.count <= 65535 else { throw SVCParameterError("\(name) value too long") }
        return bytes
    }

    /// A key name followed by `separator` or the end (`svc_keyfromregion`): a
    /// registered name in any case, or `key` and a decimal number without padding.
    /// Returns the key and what follows the separator.
    static func parseKey(_ region: ArraySlice<UInt8>, separator: UInt8) throws(SVCParameterError) -> (UInt16, ArraySlice<UInt8>) {
        var key: UInt16?
        var rest = region
        for entry in registry where region.count >= entry.name.count {
            let after = region.startIndex + entry.name.count
            guard after == region.endIndex || region[after] == separator else { continue }
            if zip(entry.name, region).allSatisfy({ asciiLower($0) == asciiLower($1) }) {
                key = entry.key
                rest = region[after...]
                break
            }
        }
        if key == nil {
            guard region.starts(with: Array("key".utf8)) else {
                throw SVCParameterError("unknown key '\(String(decoding: region.prefix { $0 != separator }, as: UTF8.self))'")
            }
            let digits = region.dropFirst(3).prefix { $0 != separator }
            guard let first = digits.first, first != UInt8(ascii: "0") || digits.count == 1,
                  digits.allSatisfy({ $0 &- 48 < 10 }) else {
                throw SVCParameterError("bad key '\(String(decoding: region.prefix { $0 != separator }, as: UTF8.self))'")
            }
            guard let number = DecimalText.parse(digits), number <= 0xFFFF else { throw SVCParameterError("key number out of range") }
            key = UInt16(number)
            rest = region[digits.endIndex...]
        }
        if separator == comma && rest.count == 1 { throw SVCParameterError("empty key in mandatory") }
        if !rest.isEmpty { rest = rest.dropFirst() }
        return (key!, rest)
    }

    /// An alpn value: comma-separated protocol ids after the character-string
    /// escapes are resolved, where a `\` (written `\\`) makes the next octet literal,
    /// so `h2\\,x` is the one id `h2,x` (RFC 9460 Appendix A.1). No id may be empty.
    static func parseALPN(_ value: ArraySlice<UInt8>) throws(SVCParameterError) -> [UInt8] {
        var out: [UInt8] = []
        var item: [UInt8] = []
        var escape = false
        var commaEscape = false
        var endedWithComma = false
        var i = value.startIndex
        func fail() -> SVCParameterError { SVCParameterError("bad alpn value '\(String(decoding: value, as: UTF8.self))'") }
        while i < value.endIndex {
            var c = value[i]
            i += 1
            if escape && c &- 48 < 10 {
                guard i + 1 < value.endIndex, value[i] &- 48 < 10, value[i + 1] &- 48 < 10 else { throw fail() }
                let decoded = Int(c - 48) * 100 + Int(value[i] - 48) * 10 + Int(value[i + 1] - 48)
                guard decoded <= 255 else { throw fail() }
                c = UInt8(decoded)
                i += 2
            } else if !escape && c == backslash {
                escape = true
                continue
            }
            escape = false
            endedWithComma = false
            if !commaEscape && c == comma {
                guard !item.isEmpty else { throw fail() }
                out.append(UInt8(item.count))
                out += item
                item = []
                endedWithComma = true
                continue
            }
            if !commaEscape && c == backslash {
                commaEscape = true
                continue
            }
            commaEscape = false
            guard item.count < 255 else { throw fail() }
            item.append(c)
        }
        guard !escape, !commaEscape, !endedWithComma, !item.isEmpty else { throw fail() }
        out.append(UInt8(item.count))
        out += item
        return out
    }

    // MARK: Checking

    /// The wire-format check of a key's value (`svcb_validate`).
    static func validate(key: UInt16, _ value: [UInt8]) throws(SVCParameterError) {
        let name = keyName(key)
        switch key {
        case SVCParameter.port:
            guard value.count == 2 else { throw SVCParameterError("\(name) value must be 2 octets") }
        case SVCParameter.ipv4Hint:
            guard !value.isEmpty, value.count % 4 == 0 else { throw SVCParameterError("\(name) value must be IPv4 addresses") }
        case SVCParameter.ipv6Hint:
            guard !value.isEmpty, value.count % 16 == 0 else { throw SVCParameterError("\(name) value must be IPv6 addresses") }
        case SVCParameter.alpn:
            guard !value.isEmpty else { throw SVCParameterError("empty \(name) value") }
            var i = 0
            while i < value.count {
                let length = Int(value[i])
                guard length > 0, i + 1 + length <= value.count else { throw SVCParameterError("bad \(name) value") }
                i += 1 + length
            }
        case SVCParameter.mandatory:
            guard !value.isEmpty, value.count % 2 == 0 else { throw SVCParameterError("bad \(name) value") }
            var i = 2
            while i < value.count {
                guard UInt16(value[i - 2]) << 8 | UInt16(value[i - 1]) < UInt16(value[i]) << 8 | UInt16(value[i + 1]) else {
                    throw SVCParameterError("\(name) keys must be in ascending order, without repeats")
                }
                i += 2
            }
        case SVCParameter.noDefaultALPN:
            guard value.isEmpty else { throw SVCParameterError("\(name) takes no value") }
        case SVCParameter.dohPath:
            // RFC 9461 §5: a relative URI template with the "dns" variable.
            let beforeNul = value.prefix { $0 != 0 }
            guard value.count >= 7, value[0] == UInt8(ascii: "/"), isValidUTF8(value),
                  beforeNul.firstRange(of: Array("{?dns}".utf8)) != nil else {
                throw SVCParameterError("bad dohpath: a relative path in UTF-8 containing {?dns}")
            }
        default:
            break
        }
    }

    /// BIND's `isc_utf8_valid`: well-formed sequences without overlong forms or
    /// code points past U+10FFFF (surrogates are let through, as there).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        func cont(_ k: Int) -> Bool { bytes[k] & 0xC0 == 0x80 }
        while i < n {
            let b = bytes[i]
            if b <= 0x7F {
                i += 1
            } else if i + 1 < n, b & 0xE0 == 0xC0, cont(i + 1) {
                guard (UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)) >= 0x80 else { return false }
                i += 2
            } else if i + 2 < n, b & 0xF0 == 0xE0, cont(i + 1), cont(i + 2) {
                let w = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                guard w >= 0x800 else { return false }
                i += 3
            } else if i + 3 < n, b & 0xF8 == 0xF0, cont(i + 1), cont(i + 2), cont(i + 3) {
                let w = UInt32(b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                guard w >= 0x10000, w <= 0x10FFFF else { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }

    static func u16(_ value: [UInt8], _ i: Int) -> UInt16 { UInt16(value[i]) << 8 | UInt16(value[i + 1]) }

    /// The checks BIND makes once all params are read (`svcsortkeys`), on params in
    /// ascending order: no key twice; every key named by mandatory present (and
    /// mandatory not alone or naming itself); no-default-alpn only with alpn.
    static func checkSet(_ params: [SVCParameter]) throws(SVCParameterError) {
        for i in params.indices.dropFirst() where params[i].key == params[i - 1].key {
            throw SVCParameterError("key \(keyName(params[i].key)) given twice")
        }
        var mandatoryKeys: ArraySlice<UInt16> = []
        var nextMandatory: UInt16 = 0
        var haveALPN = false
        for (i, param) in params.enumerated() {
            let key = param.key
            if i == params.count - 1 {
                if nextMandatory != 0 {
                    if key != nextMandatory || !mandatoryKeys.isEmpty {
                        throw SVCParameterError("a key listed in mandatory is missing")
                    }
                } else if key == SVCParameter.mandatory {
                    throw SVCParameterError("mandatory with no other key")
                } else if key == SVCParameter.noDefaultALPN && !haveALPN {
                    throw SVCParameterError("no-default-alpn without alpn")
                }
                return
            }
            if key == SVCParameter.alpn {
                haveALPN = true
            } else if key == SVCParameter.noDefaultALPN && !haveALPN {
                throw SVCParameterError("no-default-alpn without alpn")
            }
            if nextMandatory != 0 {
                if key > nextMandatory { throw SVCParameterError("a key listed in mandatory is missing") }
                if key == nextMandatory { nextMandatory = mandatoryKeys.popFirst() ?? 0 }
            }
            if key == SVCParameter.mandatory {
                let value = param.value
                guard value.count >= 2 else { throw SVCParameterError("empty mandatory") }
                let keys = stride(from: 0, to: value.count - 1, by: 2).map { u16(value, $0) }
                nextMandatory = keys[0]
                mandatoryKeys = keys.dropFirst()
                if nextMandatory == SVCParameter.mandatory { throw SVCParameterError("mandatory lists itself") }
            }
        }
    }

    // MARK: Writing

    static func keyName(_ key: UInt16) -> String {
        if let entry = registry.first(where: { $0.key == key && $0.writesName }) {
            return String(decoding: entry.name, as: UTF8.self)
        }
        return "key\(key)"
    }

    static func encoding(of key: UInt16) -> Encoding {
        registry.first { $0.key == key && $0.writesName }?.encoding ?? .text
    }

    /// `key=value`, or the key alone for an empty value.
    static func append(_ param: SVCParameter, to out: inout [UInt8]) {
        out += keyName(param.key).utf8
        let value = param.value
        guard !value.isEmpty else { return }
        out.append(equals)
        switch encoding(of: param.key) {
        case .text, .dohpath:
            EscapedText.appendQuoted(value, to: &out)
        case .port:
            out += String(u16(value, 0)).utf8
        case .ipv4s:
            out += stride(from: 0, to: value.count, by: 4).map { IPv4Address(u16(value, $0).asHigh | UInt32(u16(value, $0 + 2))).description }.joined(separator: ",").utf8
        case .ipv6s:
            out += stride(from: 0, to: value.count, by: 16).map { IPv6Address(bytes: value[$0..<($0 + 16)]).description }.joined(separator: ",").utf8
        case .base64:
            out += Base64.encode(value)
        case .empty:
            break
        case .alpn:
            out.append(UInt8(ascii: "\""))
            var i = 0
            while i < value.count {
                if i > 0 { out.append(comma) }
                let length = Int(value[i])
                for byte in value[(i + 1)..<(i + 1 + length)] {
                    switch byte {
                    case 0..<0x21, 0x7F...0xFF:
                        EscapedText.appendDecimalEscape(byte, to: &out)
                    case UInt8(ascii: "\""):
                        out += [backslash, byte]
                    case backslash:
                        out += [backslash, backslash, backslash, backslash]
                    case comma:
                        out += [backslash, backslash, comma]
                    default:
                        out.append(byte)
                    }
                }
                i += 1 + length
            }
            out.append(UInt8(ascii: "\""))
        case .keylist:
            out += stride(from: 0, to: value.count, by: 2).map { keyName(u16(value, $0)) }.joined(separator: ",").utf8
        }
    }
}

private extension UInt16 {
    var asHigh: UInt32 { UInt32(self) << 16 }
}
