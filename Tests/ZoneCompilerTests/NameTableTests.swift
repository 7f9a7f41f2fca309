import DNSCore
import Testing
@testable import ZoneCompiler

@Suite("NameTable (interned names, case-insensitive lookup)")
struct NameTableTests {
    func find(_ table: NameTable, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBufferPointer { table.find($0) }
    }

    @Test("IDs in order; the same name in any case is the same ID, kept in its first case")
    func interning() {
        var table = NameTable()
        #expect(table.intern("www.Example.") == (0, true))
        #expect(table.intern("example.") == (1, true))
        #expect(table.intern("WWW.EXAMPLE.") == (0, false))
        #expect(table.count == 2)
        #expect(table.name(0).description == "www.Example.")
        #expect(Array(table.wire(1)) == DomainName("example.").wire)
        #expect(table.withWire(0) { Array($0) } == DomainName("www.Example.").wire)
    }

    @Test("Lookups: any case, suffixes of a longer name, absent names")
    func lookups() {
        var table = NameTable()
        table.intern("a.b.example.")
        table.intern("b.example.")
        table.intern(".")
        #expect(table.find("A.B.EXAMPLE.") == 0)
        let long = DomainName("x.a.b.example.").wire
        #expect(find(table, Array(long[2...])) == 0)   // a.b.example. inside x.a.b.example.
        #expect(find(table, Array(long[4...])) == 1)
        #expect(find(table, Array(long[(long.count - 1)...])) == 2)
        #expect(table.find("c.example.") == nil)
        #expect(table.find("example.") == nil)
    }

    @Test("Bytes that are not exactly a stored name find nothing (and read nothing past it)")
    func notNames() {
        var table = NameTable()
        table.intern("a.")
        table.intern("ab.cd.")
        let a = DomainName("a.").wire
        #expect(find(table, []) == nil)
        #expect(find(table, a + [0]) == nil)                  // a name, then more
        #expect(find(table, Array(a.dropLast())) == nil)      // cut before its root
        #expect(find(table, [2, 0x61]) == nil)                // a label longer than the bytes
        #expect(find(table, [5, 0x61, 0x62, 0x2E, 0x63, 0x64, 0]) == nil)
        #expect(find(table, DomainName("ab.").wire) == nil)   // a prefix of a stored name
        // The last name in the table, asked with more bytes than it has.
        #expect(find(table, DomainName("ab.cd.").wire + [1, 0x61, 0]) == nil)
    }

    @Test("Binary labels and every octet value compare exactly, ASCII letters without case")
    func octets() throws {
        var table = NameTable()
        let binary: [UInt8] = [4, 0x00, 0x41, 0xC1, 0x5B, 0]   // \000 A \193 [
        let id = binary.withUnsafeBufferPointer { table.intern($0).id }
        #expect(find(table, binary) == id)
        #expect(find(table, [4, 0x00, 0x61, 0xC1, 0x5B, 0]) == id)   // a for A
        #expect(find(table, [4, 0x00, 0x41, 0xE1, 0x5B, 0]) == nil)  // 0xE1 is not 0xC1 folded
        #expect(find(table, [4, 0x00, 0x41, 0xC1, 0x7B, 0]) == nil)  // { is not [ folded
    }

    @Test("Ten thousand names through several rehashes: every one found with its ID")
    func growth() throws {
        var table = NameTable(capacity: 4)
        var ids: [Int32] = []
        for index in 0..<10_000 {
            ids.append(table.intern(try DomainName("h\(index).Zone\(index % 7).example.", origin: .root)).id)
        }
        #expect(ids == (0..<10_000).map(Int32.init))
        for index in stride(from: 0, to: 10_000, by: 37) {
            #expect(table.find(try DomainName("H\(index).zone\(index % 7).EXAMPLE.", origin: .root)) == Int32(index))
        }
        #expect(table.find("h10000.zone0.example.") == nil)
    }
}
