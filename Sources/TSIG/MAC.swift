import Crypto

/// HMAC (RFC 2104) for each TSIG algorithm: swift-crypto's for the hashes it has, and
/// the RFC 2104 construction over our SHA-224 for hmac-sha224.
enum MAC {
    static func compute(_ algorithm: TSIGAlgorithm, key: [UInt8], data: [UInt8]) -> [UInt8] {
        let symmetric = SymmetricKey(data: key)
        switch algorithm {
        case .hmacMD5: return Array(HMAC<Insecure.MD5>.authenticationCode(for: data, using: symmetric))
        case .hmacSHA1: return Array(HMAC<Insecure.SHA1>.authenticationCode(for: data, using: symmetric))
        case .hmacSHA256: return Array(HMAC<SHA256>.authenticationCode(for: data, using: symmetric))
        case .hmacSHA384: return Array(HMAC<SHA384>.authenticationCode(for: data, using: symmetric))
        case .hmacSHA512: return Array(HMAC<SHA512>.authenticationCode(for: data, using: symmetric))
        default: return hmacSHA224(key: key, data: data)
        }
    }

    static func hmacSHA224(key: [UInt8], data: [UInt8]) -> [UInt8] {
        var block = key.count > 64 ? SHA224.hash(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA224()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(data)
        var outer = SHA224()
        outer.update(block.map { $0 ^ 0x5c })
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// Compares MACs in time independent of where they differ.
    static func equal(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
