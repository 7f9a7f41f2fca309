/// RDATA of a service binding, SVCB and HTTPS (RFC 9460 §2.2): priority, target name,
/// and SvcParams in ascending key order. Priority 0 is the alias form.
public protocol ServiceBindingFormat: RDataFormat {
    var priority: UInt16 { get }
    var target: DomainName { get }
    var parameters: [SVCParameter] { get }
    init(uncheckedPriority: UInt16, target: DomainName, parameters: [SVCParameter])
}

extension ServiceBindingFormat {
    /// Checks the params as BIND's wire reader does; nil when they are acceptable.
    static func problem(in parameters: [SVCParameter]) -> String? {
        var lastKey = -1
        var mandatoryKeys: ArraySlice<UInt16> = []
        var nextMandatory: UInt16 = 0
        var haveALPN = false
        for param in parameters {
            let key = param.key
            if Int(key) <= lastKey { return "keys out of order or repeated" }
            if nextMandatory != 0 {
                if key > nextMandatory { return "a key listed in mandatory is missing" }
                if key == nextMandatory { nextMandatory = mandatoryKeys.popFirst() ?? 0 }
            }
            if key == SVCParameter.alpn {
                haveALPN = true
            } else if key == SVCParameter.noDefaultALPN && !haveALPN {
                return "no-default-alpn without alpn"
            }
            lastKey = Int(key)
            if key == SVCParameter.mandatory {
                guard param.value.count >= 2 else { return "empty mandatory" }
                nextMandatory = UInt16(param.value[0]) << 8 | UInt16(param.value[1])
                if nextMandatory == SVCParameter.mandatory { return "mandatory lists itself" }
                mandatoryKeys = stride(from: 2, to: param.value.count - 1, by: 2).map {
                    UInt16(param.value[$0]) << 8 | UInt16(param.value[$0 + 1])
                }[...]
            }
            do {
                try SVCParameterText.validate(key: key, param.value)
            } catch {
                return error.message
            }
        }
        return nextMandatory != 0 ? "a key listed in mandatory is missing" : nil
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        let priority = try reader.readU16()
        // RFC 9460 §2.2: the target name is never compressed.
        let target = try reader.readName(allowCompression: false)
        var parameters: [SVCParameter] = []
        while !reader.isAtEnd {
            let key = try reader.readU16()
            let length = Int(try reader.readU16())
            parameters.append(SVCParameter(key: key, value: try reader.readBytes(length)))
        }
        if let problem = Self.problem(in: parameters) { throw Self.malformed(reader, problem) }
        self.init(uncheckedPriority: priority, target: target, parameters: parameters)
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeU16(priority)
        writer.writeName(target, compress: false)
        for param in parameters {
            writer.writeU16(param.key)
            writer.writeU16(UInt16(param.value.count))
            writer.writeBytes(param.value)
        }
    }

    /// Params are `key=value`, `key="quoted value"` or a key alone, in any order; BIND
    /// sorts them and checks the set (`SVCParameterText.checkSet`).
    public init(text reader: inout RDataTextReader) throws(TextError) {
        let priority = try reader.u16("priority")
        let target = try reader.name("the target name")
        var parameters: [SVCParameter] = []
        while !reader.isAtEnd {
            let token = try reader.nextUnquoted("a SvcParam")
            var region = reader.bytes(token)
            var merged = region
            // `key="value"`: the scanner ends the word at the quote, so the quoted
            // value is the next token, starting right where the word ends.
            if region.last == SVCParameterText.equals, let next = reader.peek(), next.isQuoted,
               next.line == token.line, Int(next.column) == Int(token.column) + region.count {
                reader.skip()
                merged = ArraySlice(Array(region) + reader.bytes(next))
                region = merged
            }
            do {
                parameters.append(try SVCParameterText.parse(region))
            } catch {
                throw reader.error(.badRData, "bad SvcParam '\(String(decoding: region, as: UTF8.self))': \(error.message)", at: token)
            }
        }
        parameters.sort { $0.key < $1.key }
        if !parameters.isEmpty {
            do {
                try SVCParameterText.checkSet(parameters)
            } catch {
                throw reader.error(.badRData, "bad SvcParams: \(error.message)")
            }
        }
        self.init(uncheckedPriority: priority, target: target, parameters: parameters)
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.number(priority)
        writer.name(target)
        for param in parameters {
            var text: [UInt8] = []
            SVCParameterText.append(param, to: &text)
            writer.word(bytes: text)
        }
    }

    public func parameter(_ key: UInt16) -> SVCParameter? {
        parameters.first { $0.key == key }
    }
}
