import DNSCore
import Foundation
import Testing
import TestSupport
@testable import TSIG

@Suite("TSIG (RFC 8945)")
struct TSIGTests {
    static let key = TSIGKey(name: "test.key.", algorithm: .hmacSHA256, secret: Array("0123456789abcdef0123456789abcdef".utf8))

    static func query(id: UInt16 = 0x1234) -> [UInt8] {
        var message = Message(header: MessageHeader(id: id), questions: [Question(name: "example.", type: .soa)])
        message.header.recursionDesired = false
        return message.encode()
    }

    @Test("HMAC-SHA224 matches RFC 4231 test cases 1, 2 and 6")
    func hmacSHA224Vectors() {
        func hex(_ s: String) -> [UInt8] { Base16.decode(Array(s.utf8))! }
        #expect(MAC.hmacSHA224(key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8))
                == hex("896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22"))
        #expect(MAC.hmacSHA224(key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8))
                == hex("a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44"))
        #expect(MAC.hmacSHA224(key: [UInt8](repeating: 0xaa, count: 131),
                               data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
                == hex("95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e"))
        #expect(SHA224.hash(Array("abc".utf8)) == hex("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"))
    }

    @Test("A signed request verifies for every algorithm; the response chains on its MAC")
    func signAndVerify() throws {
        for algorithm in TSIGAlgorithm.all {
            let key = TSIGKey(name: "k.", algorithm: algorithm, secret: Array(repeating: 7, count: algorithm.digestLength))
            let keyring = TSIGKeyring([key])
            let (signed, mac) = TSIGSigner.sign(Self.query(), key: key, timeSigned: 1_000_000)
            #expect(mac.count == algorithm.digestLength)
            let message = try Message(wire: signed)
            #expect(TSIGVerifier.verify(signed, message, keyring: keyring, now: 1_000_100) == .valid(key, mac: mac))

            var response = message
            response.tsig = nil
            response.header.isResponse = true
            let (signedResponse, _) = TSIGSigner.sign(response.encode(), key: key, timeSigned: 1_000_001, requestMAC: mac)
            let decoded = try Message(wire: signedResponse)
            #expect(TSIGVerifier.verify(signedResponse, decoded, keyring: keyring, now: 1_000_001, requestMAC: mac) != .unsigned)
            if case .invalid(let failure) = TSIGVerifier.verify(signedResponse, decoded, keyring: keyring, now: 1_000_001, requestMAC: nil) {
                #expect(failure.error == .badSig, "a response verified without its request MAC")
            } else {
                Issue.record("a response verified without its request MAC")
            }
        }
    }

    @Test("BADKEY, BADSIG, BADTIME and a malformed MAC size, in RFC 8945 §5.2 order")
    func failures() throws {
        let keyring = TSIGKeyring([Self.key])
        let (signed, _) = TSIGSigner.sign(Self.query(), key: Self.key, timeSigned: 1_000_000)
        let message = try Message(wire: signed)

        func error(_ outcome: TSIGVerifier.Outcome) -> RCode? {
            if case .invalid(let failure) = outcome { return failure.error }
            return nil
        }
        #expect(error(TSIGVerifier.verify(signed, message, keyring: TSIGKeyring(), now: 1_000_000)) == .badKey)
        let wrongAlgorithm = TSIGKey(name: Self.key.name, algorithm: .hmacSHA512, secret: Self.key.secret)
        #expect(error(TSIGVerifier.verify(signed, message, keyring: TSIGKeyring([wrongAlgorithm]), now: 1_000_000)) == .badKey)
        let wrongSecret = TSIGKey(name: Self.key.name, algorithm: .hmacSHA256, secret: Array("another secret".utf8))
        #expect(error(TSIGVerifier.verify(signed, message, keyring: TSIGKeyring([wrongSecret]), now: 1_000_000)) == .badSig)
        #expect(error(TSIGVerifier.verify(signed, message, keyring: keyring, now: 1_000_301)) == .badTime)
        #expect(error(TSIGVerifier.verify(signed, message, keyring: keyring, now: 999_699)) == .badTime)
        // A flipped bit anywhere in the signed part is BADSIG.
        var tampered = signed
        tampered[13] ^= 0x01
        #expect(error(TSIGVerifier.verify(tampered, try Message(wire: tampered), keyring: keyring, now: 1_000_000)) == .badSig)
        // A MAC shorter than 10 octets is malformed.
        var short = message
        short.tsig!.mac = Array(short.tsig!.mac.prefix(8))
        let shortWire = short.encode()
        #expect(error(TSIGVerifier.verify(shortWire, try Message(wire: shortWire), keyring: keyring, now: 1_000_000)) == .formErr)
        #expect(TSIGVerifier.verify(Self.query(), try Message(wire: Self.query()), keyring: keyring, now: 0) == .unsigned)
    }

    @Test("Streams: every message signed, or unsigned ones covered by the next MAC (RFC 8945 §5.3.1)")
    func streams() throws {
        let requestMAC = TSIGSigner.sign(Self.query(), key: Self.key, timeSigned: 50).mac
        let bodies = (0..<5).map { i -> [UInt8] in
            var message = Message(header: MessageHeader(id: 0x1234), questions: [])
            message.header.isResponse = true
            message.answers = [ResourceRecord(owner: "example.", ttl: 60, rdata: .txt(TXT(strings: [Array("part \(i)".utf8)])))]
            return message.encode()
        }
        var signer = TSIGStreamSigner(key: Self.key, requestMAC: requestMAC)
        var verifier = TSIGStreamVerifier(key: Self.key, requestMAC: requestMAC)
        for body in bodies {
            let wire = signer.sign(body, timeSigned: 51)
            #expect(try verifier.verify(wire, try Message(wire: wire), now: 51) == .verified)
        }
        #expect(verifier.isComplete)

        // Signing only the first and last: the middle ones are covered by the last MAC.
        var sparse = TSIGStreamVerifier(key: Self.key, requestMAC: requestMAC)
        let first = TSIGSigner.sign(bodies[0], key: Self.key, timeSigned: 51, requestMAC: requestMAC)
        #expect(try sparse.verify(first.wire, try Message(wire: first.wire), now: 51) == .verified)
        for body in bodies[1..<4] {
            #expect(try sparse.verify(body, try Message(wire: body), now: 51) == .deferred)
        }
        #expect(!sparse.isComplete)
        let covered = bodies[1..<4].flatMap { $0 }
        let data = TSIGDigest.continuation(previousMAC: first.mac, messages: (covered + bodies[4])[...], timeSigned: 52, fudge: 300)
        var last = bodies[4]
        Message.appendTSIG(TSIGRecord(keyName: Self.key.name, algorithm: Self.key.algorithm.name, timeSigned: 52, fudge: 300,
                                      mac: MAC.compute(.hmacSHA256, key: Self.key.secret, data: data), originalID: 0x1234,
                                      error: .noError, otherData: []), to: &last)
        #expect(try sparse.verify(last, try Message(wire: last), now: 52) == .verified)
        #expect(sparse.isComplete)

        // A stream whose first message is unsigned is refused.
        var strict = TSIGStreamVerifier(key: Self.key, requestMAC: requestMAC)
        #expect(throws: TSIGFailure.self) { try strict.verify(bodies[0], try Message(wire: bodies[0]), now: 51) }
    }

    @Test("BIND key files: several keys, comments, errors with line numbers")
    func keyFiles() throws {
        let text = """
        # made by hand
        key "update.home.arpa" {
            algorithm hmac-sha256; // the default
            secret "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
        };
        /* a second
           key */
        key transfer. { algorithm hmac-md5; secret "c2VjcmV0"; };
        """
        let keys = try TSIGKeyFile.parse(text)
        #expect(keys.count == 2)
        #expect(keys[0].name == "update.home.arpa.")
        #expect(keys[0].algorithm == .hmacSHA256)
        #expect(keys[0].secret == Array("0123456789abcdef0123456789abcdef".utf8))
        #expect(keys[1].algorithm == .hmacMD5)
        #expect(try TSIGKeyFile.parse(keys[0].bindConfiguration) == [keys[0]])

        #expect(throws: TSIGKeyFile.ParseError(line: 2, message: "unknown algorithm 'hmac-sha3': use hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, hmac-sha384 or hmac-sha512")) {
            try TSIGKeyFile.parse("key k {\n algorithm hmac-sha3; secret \"c2VjcmV0\"; };")
        }
        #expect(throws: TSIGKeyFile.ParseError.self) { try TSIGKeyFile.parse("key k { algorithm hmac-sha256; };") }
        #expect(throws: TSIGKeyFile.ParseError.self) { try TSIGKeyFile.parse("key k { secret \"!!\"; algorithm hmac-sha256; };") }
        #expect(throws: TSIGKeyFile.ParseError.self) { try TSIGKeyFile.parse("key k { algorithm hmac-sha256; secret \"c2VjcmV0\"; }") }
    }

    @Test("tsig-keygen's output parses; our keys have full-length secrets")
    func tsigKeygen() throws {
        guard let tool = Peers.find("tsig-keygen") else { return try Peers.skip("tsig-keygen") }
        for algorithm in TSIGAlgorithm.all {
            let output = try Peers.run(tool, ["-a", algorithm.bindName, "peer.key"])
            let keys = try TSIGKeyFile.parse(output)
            #expect(keys.first?.algorithm == algorithm)
            #expect(keys.first?.name == "peer.key.")
            let ours = KeyGenerator.generate(name: "ours.", algorithm: algorithm)
            #expect(ours.secret.count == algorithm.digestLength)
        }
    }
}
