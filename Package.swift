// swift-tools-version:6.0
import PackageDescription

// DNSCore and ZoneCompiler use no package dependency (DESIGN §3): the lint tool stays
// small and quick to build, and the core is reusable anywhere.
let package = Package(
    name: "dnsplane",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DNSCore", targets: ["DNSCore"]),
        .library(name: "ZoneCompiler", targets: ["ZoneCompiler"]),
        .executable(name: "dnsplane", targets: ["dnsplane"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "DNSCore"),
        .target(name: "ZoneCompiler", dependencies: ["DNSCore"]),
        .executableTarget(
            name: "dnsplane",
            dependencies: [
                "DNSCore", "ZoneCompiler",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets: build with
        //   swift build --sanitize=fuzzer --scratch-path .build-fuzz --product NAME
        .executableTarget(name: "FuzzZoneParser", dependencies: ["ZoneCompiler"], path: "Fuzz/FuzzZoneParser"),
        .executableTarget(name: "FuzzWireDecoder", dependencies: ["DNSCore"], path: "Fuzz/FuzzWireDecoder"),
        .testTarget(name: "DNSCoreTests", dependencies: ["DNSCore"]),
        // The checkzone corpus is read from the source tree at test time (#filePath),
        // not bundled.
        .testTarget(name: "ZoneCompilerTests", dependencies: ["ZoneCompiler", "DNSCore"], exclude: ["Corpus"]),
    ]
)
