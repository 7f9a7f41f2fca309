// swift-tools-version:6.0
import PackageDescription

// DNSCore and ZoneCompiler use no package dependency (DESIGN §3): the lint tool stays
// small and quick to build, and the core is reusable anywhere.
let package = Package(
    name: "dnsplane",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DNSCore", targets: ["DNSCore"]),
        .library(name: "TSIG", targets: ["TSIG"]),
        .library(name: "DNSServer", targets: ["DNSServer"]),
        .library(name: "ZoneCompiler", targets: ["ZoneCompiler"]),
        .library(name: "Secondary", targets: ["Secondary"]),
        .executable(name: "dnsplane", targets: ["dnsplane"]),
        .executable(name: "nsupdate-swift", targets: ["nsupdate-swift"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // recvmmsg, sendmmsg and thread names for the UDP listener (GNU extensions that
        // Swift's Glibc module leaves out).
        .target(name: "CDNSSystem"),
        .target(name: "DNSCore"),
        .target(name: "ZoneCompiler", dependencies: ["DNSCore"]),
        // RFC 8945 transaction signatures and BIND key files.
        .target(name: "TSIG", dependencies: ["DNSCore", .product(name: "Crypto", package: "swift-crypto")]),
        // The authoritative engine: sans-I/O responders, the zone catalog, NIO listeners.
        .target(
            name: "DNSServer",
            dependencies: [
                "DNSCore", "ZoneCompiler", "TSIG", "CDNSSystem",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // A secondary that checks what it receives: refresh state machine, XFR client,
        // validation gate, persistence.
        .target(
            name: "Secondary",
            dependencies: [
                "DNSCore", "ZoneCompiler", "TSIG", "DNSServer",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // BIND 9.18's nsupdate: the language, session and discovery logic, with the
        // sockets in one small transport type; the executable is a thin shell.
        .target(name: "NSUpdate", dependencies: ["DNSCore", "TSIG", "ZoneCompiler"]),
        .executableTarget(name: "nsupdate-swift", dependencies: ["NSUpdate"]),
        .executableTarget(
            name: "dnsplane",
            dependencies: [
                "DNSCore", "ZoneCompiler", "TSIG", "DNSServer", "HiddenPrimary", "Secondary",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Times the query responder alone, in process: `bash bench/responder.sh`.
        .executableTarget(name: "ResponderBenchmark", dependencies: ["DNSServer", "ZoneCompiler", "DNSCore"],
                          path: "Benchmarks/ResponderBenchmark"),
        // libFuzzer targets: build with
        //   swift build --sanitize=fuzzer --scratch-path .build-fuzz --product NAME
        .executableTarget(name: "FuzzZoneParser", dependencies: ["ZoneCompiler"], path: "Fuzz/FuzzZoneParser",
                          exclude: ["corpus"]),
        .executableTarget(name: "FuzzWireDecoder", dependencies: ["DNSCore"], path: "Fuzz/FuzzWireDecoder",
                          exclude: ["corpus"]),
        .executableTarget(name: "FuzzResponder", dependencies: ["DNSServer", "ZoneCompiler", "DNSCore"],
                          path: "Fuzz/FuzzResponder", exclude: ["corpus"]),
        .testTarget(name: "DNSCoreTests", dependencies: ["DNSCore", "TestSupport"]),
        // Shared by the test targets: finding and running real peers (BIND, Knot, NSD).
        .target(name: "TestSupport", dependencies: ["DNSCore", "CTestSupport"], path: "Tests/TestSupport"),
        .target(name: "CTestSupport", path: "Tests/CTestSupport"),
        .testTarget(name: "TSIGTests", dependencies: ["TSIG", "DNSCore", "TestSupport"]),
        // The hidden primary: UPDATE, policy, journal, serials, source reloads, NOTIFY,
        // outbound transfers.
        .target(
            name: "HiddenPrimary",
            dependencies: [
                "DNSCore", "ZoneCompiler", "TSIG", "DNSServer",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Unit tests, and end-to-end tests that run the `dnsplane` binary (a primary to
        // kill -9) beside real nsupdate, named and knotd.
        .testTarget(name: "HiddenPrimaryTests", dependencies: ["HiddenPrimary", "DNSCore", "ZoneCompiler", "TSIG", "TestSupport", "dnsplane",
                                                               .product(name: "NIOCore", package: "swift-nio"),
                                                               .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "DNSServerTests", dependencies: ["DNSServer", "DNSCore", "ZoneCompiler", "TSIG", "TestSupport"]),
        .testTarget(name: "SecondaryTests", dependencies: ["Secondary", "dnsplane", "DNSServer", "DNSCore", "ZoneCompiler", "TSIG", "TestSupport",
                                                           .product(name: "NIOCore", package: "swift-nio"),
                                                           .product(name: "NIOPosix", package: "swift-nio"),
                                                           .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                                                           .product(name: "Logging", package: "swift-log")]),
        // The checkzone corpus is read from the source tree at test time (#filePath),
        // not bundled.
        .testTarget(name: "ZoneCompilerTests", dependencies: ["ZoneCompiler", "DNSCore", "TestSupport"], exclude: ["Corpus"]),
        // Runs the built `dnsplane` binary: exit statuses and output formats as users see them.
        .testTarget(name: "DNSPlaneCLITests", dependencies: ["dnsplane", "TestSupport"]),
        // The language and session without sockets, then the built binary against BIND's
        // nsupdate and a real named (the corpus), and --wait against secondaries.
        .testTarget(name: "NSUpdateTests", dependencies: ["NSUpdate", "nsupdate-swift", "DNSCore", "TSIG", "TestSupport"],
                    exclude: ["Corpus"]),
    ]
)
