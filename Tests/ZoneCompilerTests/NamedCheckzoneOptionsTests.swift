import Testing
@testable import ZoneCompiler

@Suite("named-checkzone command line")
struct NamedCheckzoneOptionsTests {
    @Test("-l reads its number as C's strtol with base 0 does")
    func maxTTL() {
        #expect(NamedCheckzoneOptions.strtol("3600") == 3600)
        #expect(NamedCheckzoneOptions.strtol("0x10") == 16)
        #expect(NamedCheckzoneOptions.strtol("010") == 8)
        #expect(NamedCheckzoneOptions.strtol(" +7") == 7)
        #expect(NamedCheckzoneOptions.strtol("-1") == UInt32.max)
        #expect(NamedCheckzoneOptions.strtol("") == 0)
        #expect(NamedCheckzoneOptions.strtol("99999999999999999999") == UInt32.max)
        for bad in ["1h", "08", "0x", "12 ", "abc", " "] {
            #expect(NamedCheckzoneOptions.strtol(bad) == nil, "\(bad)")
        }
    }

    @Test("getopt-style flags, attached values, and BIND's usage errors")
    func parsing() throws {
        let options = try NamedCheckzoneOptions(arguments: ["-qD", "-ilocal", "-k", "fail", "-w", "/tmp", "example.com", "f.zone"])
        #expect(options.quiet && options.dump)
        #expect(options.integrity == .local)
        #expect(options.checkNames == .fail)
        #expect(options.workingDirectory == "/tmp")
        #expect(options.zoneName == "example.com" && options.file == "f.zone")
        #expect(throws: NamedCheckzoneUsageError.self) { try NamedCheckzoneOptions(arguments: ["-l", "1h", "example.com"]) }
        #expect(throws: NamedCheckzoneUsageError.self) { try NamedCheckzoneOptions(arguments: ["-T", "fail", "example.com"]) }
        #expect(throws: NamedCheckzoneUsageError.self) { try NamedCheckzoneOptions(arguments: ["-i"]) }
    }

    @Test("-i selects which integrity checks run; the -sibling modes drop sibling glue")
    func integrity() throws {
        func policy(_ mode: String) throws -> CheckPolicy {
            try NamedCheckzoneOptions(arguments: ["-i", mode, "example.com"]).policy
        }
        #expect(try policy("local").severity(of: .siblingGlueMissing) == .warning)
        #expect(try policy("full").severity(of: .siblingGlueMissing) == .warning)
        #expect(try policy("local-sibling").severity(of: .siblingGlueMissing) == .off)
        #expect(try policy("none").severity(of: .mxTargetNoAddress) == .off)
        #expect(try policy("none").severity(of: .apexNSNoAddress) == .error)
        let mxFail = try NamedCheckzoneOptions(arguments: ["-m", "fail", "example.com"]).policy
        #expect(mxFail.severity(of: .mxTargetNoAddress) == .error)
    }

    @Test("$DATE times: fourteen digits of a real date")
    func dumpTime() {
        #expect(ZoneParser.dumpTime(Array("19700101000000".utf8)[...]) == 0)
        #expect(ZoneParser.dumpTime(Array("20240229120000".utf8)[...]) == 1_709_208_000)
        #expect(ZoneParser.dumpTime(Array("20230229120000".utf8)[...]) == nil)
        #expect(ZoneParser.dumpTime(Array("20241301000000".utf8)[...]) == nil)
        #expect(ZoneParser.dumpTime(Array("2024010100000".utf8)[...]) == nil)
    }
}
