import DNSCore
import TSIG

/// Reading keys the ways nsupdate takes them: `-y [hmac:]name:secret`, the `key`
/// command, and `-k` key files. Each failure carries BIND's wording and whether BIND
/// gives up (exit 1) or goes on without a key.
public enum KeyText {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        /// BIND exits (1) on this one; otherwise it goes on without a key.
        public var isFatal: Bool
        public var description: String { message }
    }

    /// `parse_hmac`: an algorithm name, optionally with `-BITS` to truncate the MAC.
    public static func algorithm(_ text: String) -> Result<(TSIGAlgorithm, macLength: Int?), Failure> {
        let lower = text.lowercased()
        if text.utf8.count >= 20 { return .failure(Failure(message: "unknown key type '\(text)'", isFatal: true)) }
        let names: [(String, TSIGAlgorithm, Int)] = [
            ("hmac-md5", .hmacMD5, 128), ("hmac-sha1", .hmacSHA1, 160), ("hmac-sha224", .hmacSHA224, 224),
            ("hmac-sha256", .hmacSHA256, 256), ("hmac-sha384", .hmacSHA384, 384), ("hmac-sha512", .hmacSHA512, 512),
        ]
        for (name, algorithm, maxBits) in names {
            if lower == name { return .success((algorithm, nil)) }
            if lower.hasPrefix(name + "-") {
                let digits = lower.dropFirst(name.count + 1)
                guard let bits = UInt16(digits), bits <= maxBits else {
                    return .failure(Failure(message: "digest-bits out of range [0..\(maxBits)]", isFatal: true))
                }
                // BIND rounds up to whole octets; 0 means the full digest.
                let octets = (Int(bits) + 7) / 8
                return .success((algorithm, octets == 0 ? nil : octets))
            }
        }
        return .failure(Failure(message: "unknown key type '\(text)'", isFatal: true))
    }

    /// `isc_base64_decodestring`: blanks anywhere are skipped.
    public static func secret(_ text: some Collection<UInt8>) -> [UInt8]? {
        let compact = text.filter { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A) }
        return Base64.decode(compact)
    }

    /// `-y [hmac:]name:secret` (BIND's `setup_keystr`); without an algorithm BIND 9.18
    /// uses hmac-md5.
    public static func keyOption(_ text: String) -> Result<SessionKey, Failure> {
        let bytes = Array(text.utf8)
        let usage = Failure(message: "key option must specify [hmac:]keyname:secret", isFatal: true)
        guard let first = bytes.firstIndex(of: UInt8(ascii: ":")), first > 0, first + 1 < bytes.count else {
            return .failure(usage)
        }
        var algorithm = TSIGAlgorithm.hmacMD5
        var macLength: Int?
        let nameBytes: ArraySlice<UInt8>
        let secretBytes: ArraySlice<UInt8>
        if let second = bytes[(first + 1)...].firstIndex(of: UInt8(ascii: ":")) {
            guard second > first + 1, second + 1 < bytes.count else { return .failure(usage) }
            switch Self.algorithm(String(decoding: bytes[..<first], as: UTF8.self)) {
            case .success(let parsed): (algorithm, macLength) = parsed
            case .failure(let failure): return .failure(failure)
            }
            nameBytes = bytes[(first + 1)..<second]
            secretBytes = bytes[(second + 1)...]
        } else {
            nameBytes = bytes[..<first]
            secretBytes = bytes[(first + 1)...]
        }
        let name: DomainName
        do {
            name = try DomainName(text: nameBytes, origin: .root)
        } catch {
            return .failure(Failure(message: "dns_name_fromtext: \(BINDResultText.name(error))", isFatal: true))
        }
        guard let secret = secret(secretBytes) else {
            return .failure(Failure(message: "could not create key from \(text): bad base64 encoding", isFatal: false))
        }
        return .success(SessionKey(key: TSIGKey(name: name, algorithm: algorithm, secret: secret), macLength: macLength))
    }

    /// A `-k` file in BIND's `key "name" { algorithm ...; secret "..."; };` form, read
    /// as nsupdate reads it (`read_sessionkey`). `path` is only for messages.
    public static func keyFile(text: String, path: String) -> Result<SessionKey, Failure> {
        let statements: [TSIGKeyFile.Statement]
        do {
            statements = try TSIGKeyFile.statements(text)
        } catch {
            return .failure(Failure(message: "could not read key from \(path): line \(error.line): \(error.message)", isFatal: false))
        }
        guard let statement = statements.first else {
            return .failure(Failure(message: "could not read key from \(path): no key statement", isFatal: false))
        }
        if statements.count > 1 {
            return .failure(Failure(message: "could not read key from \(path): line \(statements[1].line): 'key' redefined: a key file holds one key", isFatal: false))
        }
        guard let algorithmText = statement.algorithm, let secretText = statement.secret else {
            let missing = statement.algorithm == nil ? "algorithm" : "secret"
            return .failure(Failure(message: "\(path): line \(statement.line): key must have algorithm and secret (no \(missing))", isFatal: true))
        }
        let algorithm: TSIGAlgorithm
        let macLength: Int?
        switch Self.algorithm(algorithmText) {
        case .success(let parsed): (algorithm, macLength) = parsed
        case .failure(var failure):
            failure.message = "\(path): line \(statement.algorithmLine ?? statement.line): \(failure.message)"
            return .failure(failure)
        }
        let name: DomainName
        do {
            name = try DomainName(text: Array(statement.name.utf8), origin: .root)
        } catch {
            return .failure(Failure(message: "\(path): line \(statement.line): dns_name_fromtext: \(BINDResultText.name(error))", isFatal: true))
        }
        guard let secret = secret(Array(secretText.utf8)) else {
            return .failure(Failure(message: "could not create key from \(algorithmText):\(statement.name):\(secretText) (\(path) line \(statement.secretLine ?? statement.line)): bad base64 encoding",
                                    isFatal: false))
        }
        return .success(SessionKey(key: TSIGKey(name: name, algorithm: algorithm, secret: secret), macLength: macLength))
    }
}
