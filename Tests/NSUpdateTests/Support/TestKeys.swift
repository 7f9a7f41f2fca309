/// The TSIG keys the tests use. Secrets are fixed, made for these tests only.
enum TestKeys {
    struct Key {
        var file: String
        var name: String
        var algorithm: String
        var secret: String
        /// In named's allow-update.
        var allowed: Bool

        var statement: String { "key \"\(name)\" {\n\talgorithm \(algorithm);\n\tsecret \"\(secret)\";\n};\n" }
    }

    /// Known to named; all but `denied` may update.
    static let server: [Key] = [
        Key(file: "upd.key", name: "upd", algorithm: "hmac-sha256", secret: "H7Y+3JClZq9ySgy7QjgD3zv2S6fEv5vU3P99U2hYm5M=", allowed: true),
        Key(file: "md5.key", name: "md5key", algorithm: "hmac-md5", secret: "63dxZeQ4L9iPVHhYYSPwuQ==", allowed: true),
        Key(file: "sha1.key", name: "sha1key", algorithm: "hmac-sha1", secret: "wWAKl3HYHcgoB9Tn7PT66i1F9pg=", allowed: true),
        Key(file: "sha224.key", name: "sha224key", algorithm: "hmac-sha224", secret: "RXyayotQJBqgFNjbW79Fy3SqgIWw5M/jayl6eQ==", allowed: true),
        Key(file: "sha384.key", name: "sha384key", algorithm: "hmac-sha384",
            secret: "DCPYhe/w057w3fufeykR/bS+pw/nTWYaoPHkUTsB5rAHNLq4EWk/A+BCBFzG+28+", allowed: true),
        Key(file: "sha512.key", name: "sha512key", algorithm: "hmac-sha512",
            secret: "EmURAM5pLyRqnOfvE7X+KAYTziH2wF7nXbeG2ukMJuSL45NtjC2Hf7xF/xZrH4gDeYapnlQJvREYe9RDqykUIQ==", allowed: true),
        Key(file: "denied.key", name: "denied", algorithm: "hmac-sha256", secret: "iDxMT61VdI9jjIR0SIhihP3yoHLwRA5voJku6YHHX/s=", allowed: false),
    ]

    static var upd: Key { server[0] }

    /// Files that only the clients see: a key named doesn't know, and broken files.
    static let clientFiles: [String: String] = [
        "ghost.key": Key(file: "ghost.key", name: "ghost", algorithm: "hmac-sha256",
                         secret: "4cwTcqH8AP1FQzjsX3S2XbIHPKC6+jqyn0pT0sRgeMM=", allowed: false).statement,
        "malformed.key": "# not a key file\n// at all\nthis is not { a key file;\n",
        "badalg.key": "key \"upd\" {\n\talgorithm hmac-sha999;\n\tsecret \"H7Y+3JClZq9ySgy7QjgD3zv2S6fEv5vU3P99U2hYm5M=\";\n};\n",
    ]

    /// `key {}` statements for named.conf and the allow-update list.
    static var namedStatements: String { server.map(\.statement).joined() }
    static var allowUpdate: [String] { server.filter(\.allowed).map { "key \($0.name)" } }
}
