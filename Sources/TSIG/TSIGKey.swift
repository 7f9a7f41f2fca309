import DNSCore

/// A shared secret for TSIG: the key's name, its algorithm and the secret octets.
public struct TSIGKey: Hashable, Sendable {
    public var name: DomainName
    public var algorithm: TSIGAlgorithm
    public var secret: [UInt8]

    public init(name: DomainName, algorithm: TSIGAlgorithm, secret: [UInt8]) {
        self.name = name
        self.algorithm = algorithm
        self.secret = secret
    }

    /// The key in BIND's configuration form, which `-k` files and `include` accept.
    public var bindConfiguration: String {
        "key \"\(name.bindText)\" {\n\talgorithm \(algorithm.bindName);\n\tsecret \"\(Base64.encodeString(secret))\";\n};\n"
    }
}

/// Keys by name, for verifying what arrives.
public struct TSIGKeyring: Sendable {
    public private(set) var keys: [DomainName: TSIGKey] = [:]

    public init(_ keys: [TSIGKey] = []) {
        for key in keys { self.keys[key.name] = key }
    }

    public subscript(name: DomainName) -> TSIGKey? { keys[name] }

    public mutating func add(_ key: TSIGKey) { keys[key.name] = key }

    public var isEmpty: Bool { keys.isEmpty }
}
