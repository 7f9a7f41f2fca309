import Testing
@testable import NSUpdate

/// BIND 9.18's getopt-style command line, its input reading, and key parsing.
@Suite("nsupdate command line, input and keys")
struct CommandLineTests {
    static func parse(_ arguments: [String]) throws -> NSUpdateOptions {
        try NSUpdateOptions(arguments: arguments, program: "nsupdate")
    }

    static func usageError(_ arguments: [String]) -> [String]? {
        do {
            _ = try NSUpdateOptions(arguments: arguments, program: "nsupdate")
            return nil
        } catch {
            return error.lines
        }
    }

    @Test("combined flags, attached and separate arguments, the file last")
    func getopt() throws {
        let options = try Self.parse(["-dv", "-p5399", "-t", "10", "-u1", "-r", "0", "-k", "/k.key", "-C/tmp/r.conf", "script"])
        #expect(options.debug && options.useTCP)
        #expect(options.port == 5399)
        #expect(options.timeout == 10 && options.udpTimeout == 1 && options.udpRetries == 0)
        #expect(options.keyFile == "/k.key")
        #expect(options.resolvConf == "/tmp/r.conf")
        #expect(options.inputPath == "script")
        #expect(try Self.parse(["-t", "0"]).timeout == nil)
        #expect(try Self.parse(["--", "-"]).inputPath == "-")
        #expect(try Self.parse(["-D"]).extraDebug)
    }

    @Test("BIND's refusals, each exit 1")
    func refusals() {
        #expect(Self.usageError(["-Z"])?.first == "nsupdate: illegal option -- Z")
        #expect(Self.usageError(["-p"])?.first == "nsupdate: option requires an argument -- p")
        #expect(Self.usageError(["-"])?.first == "nsupdate: illegal option -- -")
        #expect(Self.usageError(["-4", "-6"]) == ["only one of -4 and -6 allowed"])
        #expect(Self.usageError(["-k", "a", "-y", "b:c"]) == ["nsupdate: cannot specify both -k and -y"])
        #expect(Self.usageError(["-p", "99999"]) == ["bad port number '99999'"])
        #expect(Self.usageError(["-t", "x"]) == ["bad timeout 'x'"])
        #expect(Self.usageError(["-R", "x"]) == ["The -R option has been deprecated."])
        #expect(Self.usageError(["--wait"])?.first == "nsupdate: --wait requires a number of seconds")
        #expect(Self.usageError(["--frob"])?.first == "nsupdate: unknown option --frob")
    }

    @Test("-V, -T and -P print and exit before the checks of option values")
    func listings() throws {
        let options = try Self.parse(["-V", "-R", "x", "-T"])
        #expect(options.listings == [.version, .standardTypes])
        let types = NSUpdateProgram.text(of: .standardTypes).split(separator: "\n")
        #expect(types.first == "A" && types.contains("SVCB") && types.last == "DLV")
        #expect(!types.contains("ANY") && !types.contains("OPT") && !types.contains("TSIG"))
    }

    @Test("our long options, off by default")
    func longOptions() throws {
        let plain = try Self.parse(["file"])
        #expect(!plain.check && !plain.json && plain.waitSeconds == nil)
        let extended = try Self.parse(["--check", "--json", "--wait=2.5", "-d", "file"])
        #expect(extended.check && extended.json && extended.waitSeconds == 2.5 && extended.debug)
        #expect(try Self.parse(["--wait", "30", "file"]).waitSeconds == 30)
    }

    @Test("input: fgets with 128 KiB, CR and NUL end a line, physical line numbers")
    func lineReader() {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 131_071)
        var reader = ScriptLineReader(bytes: Array("one\r\ntwo\0three\n".utf8) + long + [0x0A] + Array("last".utf8))
        #expect(reader.nextLine() == Array("one".utf8))
        #expect(reader.physicalLine == 1)
        #expect(reader.nextLine() == Array("two".utf8))
        #expect(reader.physicalLine == 2)
        #expect(reader.nextLine() == long)
        #expect(reader.physicalLine == 3 && reader.lastWasFragment)
        #expect(reader.nextLine() == [])  // the newline that did not fit: a blank line
        #expect(reader.physicalLine == 3 && reader.lastWasFragment)
        #expect(reader.nextLine() == Array("last".utf8))
        #expect(reader.physicalLine == 4 && !reader.lastWasFragment)
        #expect(reader.nextLine() == nil)
    }

    @Test("-y: [hmac:]name:secret, md5 by default, digest bits, BIND's errors")
    func keyOption() throws {
        let plain = try KeyText.keyOption("upd:Zm9vYmFy").get()
        #expect(plain.key.algorithm == .hmacMD5 && plain.key.name == "upd." && plain.key.secret == Array("foobar".utf8))
        let truncated = try KeyText.keyOption("hmac-sha512-256:upd:Zm9vYmFy").get()
        #expect(truncated.key.algorithm == .hmacSHA512 && truncated.macLength == 32)
        func failure(_ text: String) -> KeyText.Failure? {
            if case .failure(let failure) = KeyText.keyOption(text) { return failure }
            return nil
        }
        #expect(failure("upd") == KeyText.Failure(message: "key option must specify [hmac:]keyname:secret", isFatal: true))
        #expect(failure("hmac-sha999:upd:Zm9v") == KeyText.Failure(message: "unknown key type 'hmac-sha999'", isFatal: true))
        #expect(failure("upd:!!!!")?.isFatal == false)
    }

    @Test("-k files: BIND's key statement; which problems end nsupdate")
    func keyFile() throws {
        let good = try KeyText.keyFile(text: "# comment\nkey \"upd\" {\n\talgorithm hmac-sha384;\n\tsecret \"Zm9vYmFy\";\n};\n", path: "k").get()
        #expect(good.key.algorithm == .hmacSHA384 && good.key.name == "upd.")
        func failure(_ text: String) -> KeyText.Failure? {
            if case .failure(let failure) = KeyText.keyFile(text: text, path: "k") { return failure }
            return nil
        }
        #expect(failure("key \"a\" {\n algorithm hmac-md5;\n};\n")?.isFatal == true)
        #expect(failure("key \"a\" {\n algorithm hmac-frob;\n secret \"Zm9v\";\n};\n")?.message == "k: line 2: unknown key type 'hmac-frob'")
        #expect(failure("key \"a\" {\n algorithm hmac-md5;\n secret \"###\";\n};\n")?.isFatal == false)
        #expect(failure("zone \"a\" { };\n")?.message == "could not read key from k: line 1: unknown option 'zone': expected 'key'")
    }
}
