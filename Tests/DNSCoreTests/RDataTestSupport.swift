import Testing
@testable import DNSCore

/// Checks shared by the per-type RDATA tests.
enum RDataCheck {
    /// Text → value → text gives `rendered` (the input itself by default), our text
    /// reads back to the same value, and wire → value gives it again.
    @discardableResult
    static func roundTrip(_ type: RRType, _ text: String, rendered: String? = nil, origin: DomainName? = "example.",
                          sourceLocation: SourceLocation = #_sourceLocation) -> RData? {
        let rdata: RData
        do {
            rdata = try RData(type: type, text: text, origin: origin)
        } catch {
            Issue.record("\(type) \(text) rejected: \(error)", sourceLocation: sourceLocation)
            return nil
        }
        #expect(rdata.rrType == type, sourceLocation: sourceLocation)
        #expect(rdata.format != nil, "\(type) should have a typed codec", sourceLocation: sourceLocation)
        let output = rdata.text
        #expect(output == (rendered ?? text), sourceLocation: sourceLocation)
        #expect((try? RData(type: type, text: output)) == rdata, "our text \(output) does not read back", sourceLocation: sourceLocation)
        do {
            let decoded = try RData.decode(type: type, bytes: rdata.wireBytes)
            #expect(decoded == rdata, sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(type) \(text): wire form does not decode: \(error)", sourceLocation: sourceLocation)
        }
        return rdata
    }

    static func textRejected(_ type: RRType, _ text: String, origin: DomainName? = "example.",
                             sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: TextError.self, "\(type) \(text) should be rejected", sourceLocation: sourceLocation) {
            try RData(type: type, text: text, origin: origin)
        }
    }

    static func wireRejected(_ type: RRType, _ hex: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: WireError.self, "\(type) \(hex) should be rejected", sourceLocation: sourceLocation) {
            try RData.decode(type: type, bytes: bytes(hex))
        }
    }

    /// Hex with blanks allowed, for wire examples copied from RFCs.
    static func bytes(_ hex: String) -> [UInt8] {
        Base16.decode(Array(hex.utf8.filter { $0 != 0x20 && $0 != 0x0A })) ?? []
    }

    static func wireHex(_ rdata: RData) -> String {
        Base16.encodeString(rdata.wireBytes)
    }

    /// Decodes RDATA that follows a message prefix, so it can point back into it.
    static func decodeInMessage(_ type: RRType, prefix: [UInt8], rdata: [UInt8]) throws(WireError) -> RData {
        var reader = WireReader(bytes: prefix + rdata, position: prefix.count)
        return try RData.decode(type: type, from: &reader)
    }
}
