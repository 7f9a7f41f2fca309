import Crypto
import DNSCore

/// New TSIG keys with secrets from the system's secure random source, as long as the
/// algorithm's digest (what `tsig-keygen` does).
public enum KeyGenerator {
    public static func generate(name: DomainName, algorithm: TSIGAlgorithm = .hmacSHA256) -> TSIGKey {
        let secret = SymmetricKey(size: SymmetricKeySize(bitCount: algorithm.digestLength * 8))
        return TSIGKey(name: name, algorithm: algorithm, secret: secret.withUnsafeBytes { Array($0) })
    }
}
