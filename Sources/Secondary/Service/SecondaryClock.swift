#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock time for the refresh driver, injectable: refresh and expiry times are
/// persisted, so they are seconds since the epoch, not a monotonic instant.
public protocol SecondaryClock: Sendable {
    func now() -> Double
    func sleep(until deadline: Double) async throws
}

public struct SystemSecondaryClock: SecondaryClock {
    public init() {}

    public func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    public func sleep(until deadline: Double) async throws {
        let seconds = deadline - now()
        if seconds > 0 { try await Task.sleep(nanoseconds: UInt64(seconds * 1e9)) }
    }
}
