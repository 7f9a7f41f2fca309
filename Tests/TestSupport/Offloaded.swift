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

/// Runs a blocking test body on a Dispatch thread while staying in the test's own task:
/// unlike `offloaded`, `#expect` and `Issue.record` inside it are recorded against the
/// test (task-locals stay), and the cooperative pool is not blocked.
public func onBlockingThread<T>(_ body: () throws -> T) async throws -> T {
    try await withTaskExecutorPreference(BlockingTaskExecutor()) {
        try body()
    }
}

/// A task executor that runs each job on a serial Dispatch queue of its own.
final class BlockingTaskExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "dnsplane.test.blocking")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
