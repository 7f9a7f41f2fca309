import Testing
@testable import DNSCore

@Suite("Wire form")
struct WireTests {
    @Test("RFC 1035 §4.1.4: names compress against earlier suffixes and decompress back")
    func compression() throws {
        var writer = WireWriter()
        writer.writeName("f.isi.arpa.", compress: true)
        writer.writeName("foo.F.ISI.ARPA.", compress: true)
        writer.writeName("arpa.", compress: true)
        writer.writeName(.root, compress: true)
        // f.isi.arpa = 12 octets; foo + pointer = 6; arpa pointer = 2; root = 1.
        #expect(writer.count == 12 + 6 + 2 + 1)
        var reader = WireReader(bytes: writer.bytes)
        #expect(try reader.readName() == "f.isi.arpa.")
        #expect(try reader.readName() == "foo.f.isi.arpa.")
        #expect(try reader.readName() == "arpa.")
        #expect(try reader.readName() == .root)
        #expect(reader.isAtEnd)
    }

    @Test("Pointer loops, forward pointers and bad label types are rejected")
    func hostilePointers() {
        // A pointer to itself.
        var selfLoop = WireReader(bytes: [0xC0, 0x00])
        #expect(throws: WireError(.badPointer, at: 0)) { try selfLoop.readName() }
        // Two pointers pointing at each other.
        var mutual = WireReader(bytes: [0x01, 0x61, 0xC0, 0x04, 0xC0, 0x00], position: 4)
        #expect(throws: WireError.self) { try mutual.readName() }
        var forward = WireReader(bytes: [0xC0, 0x02, 0x00])
        #expect(throws: WireError(.badPointer, at: 0)) { try forward.readName() }
        var extended = WireReader(bytes: [0x41, 0x00])
        #expect(throws: WireError(.badLabelType, at: 0)) { try extended.readName() }
        var truncated = WireReader(bytes: [0x03, 0x61])
        #expect(throws: WireError(.truncated, at: 0)) { try truncated.readName() }
    }

    @Test("A name longer than 255 octets built from pointers is rejected")
    func longViaPointers() {
        // 5 labels of 63 octets chained by pointers would exceed 255.
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for i in 0..<5 {
            offsets.append(bytes.count)
            bytes.append(63)
            bytes.append(contentsOf: [UInt8](repeating: 0x61, count: 63))
            if i == 0 { bytes.append(0) } else {
                bytes.append(0xC0 | UInt8(offsets[i - 1] >> 8))
                bytes.append(UInt8(offsets[i - 1] & 0xFF))
            }
        }
        var reader = WireReader(bytes: bytes, position: offsets[4])
        #expect(throws: WireError(.nameTooLong, at: 0)) { try reader.readName() }
    }
}
