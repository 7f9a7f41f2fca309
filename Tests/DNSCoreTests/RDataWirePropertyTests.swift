import Testing
@testable import DNSCore

/// Whatever wire RDATA a type's decoder accepts, its encoder writes back octet for
/// octet, and its text form reads back to the same value. Inputs are the oracle cases'
/// wire forms with random damage: flipped, replaced, inserted, dropped and appended
/// octets, and truncation.
@Suite("RDATA wire properties")
struct RDataWirePropertyTests {
    static func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !out.isEmpty:
                out[Int.random(in: 0..<out.count, using: &rng)] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
            case 1 where !out.isEmpty:
                out[Int.random(in: 0..<out.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            case 2:
                out.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...out.count, using: &rng))
            case 3 where !out.isEmpty:
                out.remove(at: Int.random(in: 0..<out.count, using: &rng))
            case 4:
                out += (0..<Int.random(in: 1...4, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            default:
                out = Array(out.prefix(Int.random(in: 0...out.count, using: &rng)))
            }
        }
        return out
    }

    /// Text BIND accepts whose wire form its own wire reader refuses: no-default-alpn
    /// escapes the alpn check when it is the last mandatory key, and a PRIVATEDNS
    /// key's leading name is checked only on the wire.
    static let textOnly: Set<String> = ["1 . mandatory=no-default-alpn no-default-alpn", "H|U IPSEC PRIVATEDNS AQ=="]

    @Test("Every oracle case: text → value → text → same value, and text → wire → same value")
    func textAndWireRoundTrips() throws {
        for (type, text) in RDataOracleCases.valid + RDataOracleCases.dohPaths {
            let rdata = try RData(type: type, text: text, origin: "example.")
            #expect(try RData(type: type, text: rdata.text) == rdata, "\(type) \(text)")
            if RData.hasCodec(for: type) { #expect(rdata.format != nil, "\(type)") }
            if Self.textOnly.contains(text) {
                #expect(throws: WireError.self) { try RData.decode(type: type, bytes: rdata.wireBytes) }
            } else {
                #expect((try? RData.decode(type: type, bytes: rdata.wireBytes)) == rdata, "\(type) \(text)")
            }
        }
    }

    @Test("Decoded RDATA re-encodes to the same octets and its text reads back to the same value")
    func mutatedWire() throws {
        var rng = SplitMix64(seed: 0x646E_7370_6C61_6E65)
        var accepted = 0
        for (type, text) in RDataOracleCases.valid {
            guard let seed = try? RData(type: type, text: text, origin: "example.") else { continue }
            for _ in 0..<150 {
                let bytes = Self.mutate(seed.wireBytes, &rng)
                guard let rdata = try? RData.decode(type: type, bytes: bytes) else { continue }
                accepted += 1
                #expect(rdata.wireBytes == bytes, "\(type) \(Base16.encodeString(bytes)) re-encodes differently")
                let rendered = rdata.text
                do {
                    let reread = try RData(type: type, text: rendered)
                    #expect(reread == rdata, "\(type) \(Base16.encodeString(bytes)) → \(rendered) reads back differently")
                } catch {
                    Issue.record("\(type) \(Base16.encodeString(bytes)) → \(rendered) does not read back: \(error)")
                }
            }
        }
        #expect(accepted > 1000)
    }

    @Test("Random octets never crash a decoder")
    func randomWire() {
        var rng = SplitMix64(seed: 42)
        for code in RData.formats.keys.sorted() {
            for _ in 0..<300 {
                let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                if let rdata = try? RData.decode(type: RRType(code), bytes: bytes) {
                    #expect(rdata.wireBytes == bytes)
                    _ = rdata.text
                }
            }
        }
    }
}
