extension Message {
    /// BIND 9.18's OPT pseudosection: the EDNS line, then one line per option, typed
    /// where BIND knows the option and well-formed, else hex octets followed by their
    /// printable form.
    func writeOPTPseudosection(to out: inout ColumnText) {
        guard let edns else { return }
        out.append(";; OPT PSEUDOSECTION:")
        out.newline()
        var line = "; EDNS: version: \(edns.version), flags:"
        if edns.dnssecOK { line += " do" }
        // CO, "compact denial of existence OK", has a name in BIND 9.18.
        if edns.otherFlags & 0x4000 != 0 { line += " co" }
        let mbz = edns.otherFlags & 0x3FFF
        if mbz != 0 {
            line += "; MBZ: 0x" + Self.hex(mbz, digits: 4) + ", udp: \(edns.udpPayloadSize)"
        } else {
            line += "; udp: \(edns.udpPayloadSize)"
        }
        out.append(line)
        out.newline()
        for option in edns.options {
            out.append(Self.optionText(option))
            out.newline()
        }
    }

    static func optionText(_ option: EDNSOption) -> String {
        let data = option.data
        var text = "; "
        switch option.code {
        case .llq: text += "LLQ"
        case .nsid: text += "NSID"
        case .clientSubnet: text += "CLIENT-SUBNET"
        case .expire: text += "EXPIRE"
        case .cookie: text += "COOKIE"
        case .tcpKeepalive: text += "TCP KEEPALIVE"
        case .padding: text += "PAD"
        case .keyTag: text += "KEY-TAG"
        case .extendedDNSError: text += "EDE"
        case .clientTag: text += "CLIENT-TAG"
        case .serverTag: text += "SERVER-TAG"
        default: text += "OPT=\(option.code.rawValue)"
        }
        text += ":"

        var rest = data[...]
        switch option.code {
        case .llq:
            if data.count == 18 {
                func u16(_ i: Int) -> UInt64 { UInt64(data[i]) << 8 | UInt64(data[i + 1]) }
                func u32(_ i: Int) -> UInt64 { u16(i) << 16 | u16(i + 2) }
                return text + " Version: \(u16(0)), Opcode: \(u16(2)), Error: \(u16(4)), Identifier: \(u32(6) << 32 | u32(10)), Lifetime: \(u32(14))"
            }
        case .clientSubnet:
            if let subnet = clientSubnetText(data) { return text + " " + subnet }
        case .expire:
            if let seconds = option.expireSeconds {
                return text + " \(seconds) (\(BINDText.verboseDuration(seconds)))"
            }
        case .tcpKeepalive:
            if data.count == 2 {
                let tenths = UInt16(data[0]) << 8 | UInt16(data[1])
                return text + " \(tenths / 10).\(tenths % 10) secs"
            }
        case .padding:
            return data.isEmpty ? text : text + " (\(data.count) bytes)"
        case .keyTag:
            if !data.isEmpty, data.count % 2 == 0 {
                var tags: [String] = []
                for i in stride(from: 0, to: data.count, by: 2) {
                    tags.append("\(UInt16(data[i]) << 8 | UInt16(data[i + 1]))")
                }
                return text + " " + tags.joined(separator: ", ")
            }
        case .extendedDNSError:
            if data.count >= 2 {
                let code = ExtendedDNSError.InfoCode(UInt16(data[0]) << 8 | UInt16(data[1]))
                text += " \(code.rawValue)"
                if let name = code.name { text += " (\(name))" }
                rest = data[2...]
                if rest.isEmpty { return text }
                text += ":"
                // Valid UTF-8 extra text is printed as text, not hex.
                if String(validatingUTF8: rest) != nil {
                    return text + " (" + printable(rest, utf8: true) + ")"
                }
            } else if data.count == 1 {
                let byte = data[0]
                return text + " " + hex(byte) + " (\"" + (BINDText.isPrintable(byte) ? String(UnicodeScalar(byte)) : ".") + "\")"
            }
        case .clientTag, .serverTag:
            if data.count == 2 { return text + " \(UInt16(data[0]) << 8 | UInt16(data[1]))" }
        default:
            break
        }
        guard !rest.isEmpty else { return text }
        if option.code == .cookie {
            return text + " " + rest.map { hex($0) }.joined()
        }
        text += " " + rest.map { hex($0) + " " }.joined()
        if option.code == .clientSubnet { return text }
        if option.code == .extendedDNSError { return text + "(" + printable(rest, utf8: false) + ")" }
        return text + "(\"" + printable(rest, utf8: false) + "\")"
    }

    /// RFC 7871 §6: FAMILY, SOURCE PREFIX-LENGTH, SCOPE PREFIX-LENGTH, ADDRESS, printed
    /// `address/source/scope`; nil when malformed, so the caller falls back to hex.
    static func clientSubnetText(_ data: [UInt8]) -> String? {
        guard data.count >= 4 else { return nil }
        let family = UInt16(data[0]) << 8 | UInt16(data[1])
        let source = Int(data[2])
        let scope = Int(data[3])
        let addressLength = (source + 7) / 8
        guard data.count - 4 >= addressLength, addressLength <= 16 else { return nil }
        var address = [UInt8](repeating: 0, count: 16)
        for i in 0..<addressLength { address[i] = data[4 + i] }
        let text: String
        switch family {
        case 0:
            guard source == 0, scope == 0 else { return nil }
            text = "0"
        case 1:
            guard source <= 32, scope <= 32 else { return nil }
            text = IPv4Address(address[0], address[1], address[2], address[3]).description
        case 2:
            guard source <= 128, scope <= 128 else { return nil }
            text = IPv6Address(bytes: address).description
        default:
            return nil
        }
        return "\(text)/\(source)/\(scope)"
    }

    static func printable(_ bytes: ArraySlice<UInt8>, utf8: Bool) -> String {
        if utf8 {
            // Printable ASCII as is, other ASCII as '.', and multi-byte UTF-8 whole.
            let mapped = bytes.map { $0 < 0x80 && !BINDText.isPrintable($0) ? UInt8(ascii: ".") : $0 }
            return String(decoding: mapped, as: UTF8.self)
        }
        return String(decoding: bytes.map { BINDText.isPrintable($0) ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }

    static func hex(_ value: UInt16, digits count: Int) -> String {
        hex(UInt8(value >> 8)) + hex(UInt8(truncatingIfNeeded: value))
    }
}

private extension String {
    /// Nil unless `bytes` are valid UTF-8.
    init?(validatingUTF8 bytes: ArraySlice<UInt8>) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var result = ""
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): result.unicodeScalars.append(scalar)
            case .emptyInput: self = result; return
            case .error: return nil
            }
        }
    }
}
