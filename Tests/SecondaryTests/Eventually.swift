import Foundation
import TestSupport

/// Polls `condition` (blocking, e.g. a DNS probe) every 20 ms until it holds or
/// `seconds` pass, each poll on a Dispatch thread and the waits as task sleeps: a
/// long wait holds no thread, so other suites' `offloaded` work and servers running in
/// the same process are not starved while ours wait.
func eventually(_ seconds: Double, _ condition: @escaping @Sendable () -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await offloaded(condition) { return true }
        try await Task.sleep(nanoseconds: 20_000_000)
    }
    return try await offloaded(condition)
}
