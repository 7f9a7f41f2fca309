import Dispatch

/// Runs blocking work (socket calls, waiting on a process) on a Dispatch thread and
/// awaits it. Async tests must not block: the cooperative pool has one thread per core
/// (two here), and a test blocked in `recv` can starve the very server task it waits on.
public func offloaded<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try body() })
        }
    }
}
