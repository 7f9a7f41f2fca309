import Foundation
import TestSupport

/// The `nsupdate-swift` built next to the test bundle, and BIND's `nsupdate`.
enum NSUpdateBinary {
    static var swift: String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [here, here.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("nsupdate-swift")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
        }
        return here.appendingPathComponent("nsupdate-swift").path
    }

    static var bind: String? { Peers.find("nsupdate") }
}
