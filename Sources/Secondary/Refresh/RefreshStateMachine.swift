import DNSCore
import ZoneCompiler

/// When a secondary zone checks its primaries, transfers, retries and expires
/// (RFC 1034 §4.3.5, RFC 1996 §3). Sans-I/O: events in (a timer, a NOTIFY, a SOA answer
/// or failure, a transfer published, failed or refused by the gate), actions out
/// (query a SOA, transfer, wake me at T, the zone expired…). Time is injected as
/// seconds since the epoch, so persisted refresh times keep their meaning across a
/// restart and every path is testable without waiting.
///
/// What keeps it from spinning: one SOA round at a time; a failed round waits the SOA
/// retry (doubled per consecutive failure up to the refresh, with jitter, never under
/// a second); a version the gate refused is not fetched again until the primary has
/// another serial or that wait is over, whatever NOTIFYs arrive meanwhile.
public struct RefreshStateMachine: Sendable {
    public struct Configuration: Sendable {
        /// How many primaries, tried in order (a NOTIFY's sender first).
        public var primaryCount: Int
        /// The retry interval before any SOA is known (no data yet).
        public var initialRetry: Double
        /// Share of a delay added or removed at random, so secondaries that failed
        /// together do not retry together.
        public var jitter: Double
        /// No wait is shorter than this, whatever the SOA says.
        public var minimumDelay: Double

        public init(primaryCount: Int, initialRetry: Double = 10, jitter: Double = 0.1, minimumDelay: Double = 1) {
            precondition(primaryCount > 0, "a secondary zone needs a primary")
            self.primaryCount = primaryCount
            self.initialRetry = initialRetry
            self.jitter = jitter
            self.minimumDelay = minimumDelay
        }
    }

    /// The version found on disk at start.
    public struct Loaded: Sendable, Equatable {
        public var serial: UInt32
        public var timers: SOATimers
        /// When a primary last confirmed this version (seconds since the epoch).
        public var lastRefresh: Double
        /// A shorter expiry than the SOA's, from the primary's EDNS EXPIRE.
        public var expireWindow: Double?

        public init(serial: UInt32, timers: SOATimers, lastRefresh: Double, expireWindow: Double? = nil) {
            self.serial = serial
            self.timers = timers
            self.lastRefresh = lastRefresh
            self.expireWindow = expireWindow
        }
    }

    public enum Event: Sendable, Equatable {
        case start(now: Double, loaded: Loaded?)
        case timer(now: Double)
        /// A NOTIFY from primary `primary`, with the serial it carried if any.
        case notify(primary: Int, serial: UInt32?, now: Double)
        /// `expire`: the primary's EDNS EXPIRE answer (RFC 7314), if it gave one.
        case soaAnswered(primary: Int, serial: UInt32, expire: UInt32? = nil, now: Double)
        case soaFailed(primary: Int, now: Double)
        /// A new version passed the gate and is served.
        case transferPublished(primary: Int, serial: UInt32, timers: SOATimers, now: Double)
        /// The primary's answer said it has nothing newer than we have after all.
        case transferUpToDate(primary: Int, serial: UInt32, now: Double)
        case transferFailed(primary: Int, now: Double)
        /// The version transferred failed the checks or the change-ratio guard.
        case transferRejected(primary: Int, serial: UInt32, now: Double)
    }

    public enum Action: Sendable, Equatable {
        case querySOA(primary: Int)
        /// Transfer from `primary` (IXFR from our version if we have one).
        case transfer(primary: Int, serial: UInt32)
        /// The primary still has our serial: the zone is fresh (persist the time).
        case refreshed(serial: UInt32)
        /// The primary offers a serial the gate refused; not fetched again before `until`.
        case skipRejected(serial: UInt32, until: Double)
        /// The primary has an older serial than ours (RFC 1982); not transferred.
        case primaryBehind(primary: Int, serial: UInt32)
        case ignoreNotify(reason: String)
        /// Every primary failed this round; the next starts at `at`.
        case retryScheduled(at: Double, failures: Int)
        /// The gate refused `serial`; it is not fetched again before `until` unless the
        /// primary moves to another serial.
        case holdRejected(serial: UInt32, until: Double)
        /// The expire time passed without a successful refresh.
        case expire
        /// A refresh succeeded after expiry.
        case revive
        /// Call `timer` at this time (replaces any earlier request).
        case wake(at: Double)
    }

    private enum Activity: Sendable, Equatable {
        case idle
        /// A SOA round: `order` is the primaries to try, `position` the one in flight.
        case querying(order: [Int], position: Int)
        case transferring(order: [Int], position: Int)
    }

    public let configuration: Configuration
    private var activity: Activity = .idle
    private var random: SplitMix64

    public private(set) var serial: UInt32?
    public private(set) var timers: SOATimers?
    public private(set) var lastRefresh: Double?
    /// How long after `lastRefresh` the zone expires when a primary that is itself a
    /// secondary said its copy has less left than our SOA EXPIRE (RFC 7314 §4): we must
    /// not outlive the data we copied. Nil: the SOA EXPIRE.
    public private(set) var expireWindow: Double?
    /// Where serving stops under follow-soa; nil without data.
    public var expiresAt: Double? {
        guard let lastRefresh, let timers else { return nil }
        return lastRefresh + min(expireWindow ?? timers.expire, timers.expire)
    }
    public private(set) var isExpired = false
    /// When the next SOA round starts, while idle.
    public private(set) var nextCheck: Double = 0
    public private(set) var consecutiveFailures = 0
    private var rejected: (serial: UInt32, until: Double)?
    private var recheckRequested = false
    private var started = false

    public init(configuration: Configuration, seed: UInt64 = 0x5EC0_DA41) {
        self.configuration = configuration
        self.random = SplitMix64(seed: seed)
    }

    public var isBusy: Bool { activity != .idle }

    public mutating func handle(_ event: Event) -> [Action] {
        var actions: [Action] = []
        switch event {
        case .start(let now, let loaded):
            guard !started else { return [] }
            started = true
            if let loaded {
                serial = loaded.serial
                timers = loaded.timers
                lastRefresh = loaded.lastRefresh
                expireWindow = loaded.expireWindow
                if let expiresAt, expiresAt <= now {
                    isExpired = true
                    actions.append(.expire)
                }
            }
            // Check at once: the data on disk may be old, and a secondary without data
            // has nothing to serve.
            beginRound(first: nil, now: now, into: &actions)

        case .timer(let now):
            checkExpiry(now: now, into: &actions)
            if activity == .idle && nextCheck <= now {
                beginRound(first: nil, now: now, into: &actions)
            }

        case .notify(let primary, let notified, let now):
            checkExpiry(now: now, into: &actions)
            if let notified, let rejected, notified == rejected.serial, now < rejected.until {
                actions.append(.ignoreNotify(reason: "serial \(notified) was refused; not fetched again before the retry"))
            } else if let notified, let serial, !isExpired,
                      SerialNumber(notified).compare(to: SerialNumber(serial)) != .greater {
                actions.append(.ignoreNotify(reason: "serial \(notified) is not newer than ours (\(serial))"))
            } else if activity != .idle {
                recheckRequested = true
            } else {
                beginRound(first: primary, now: now, into: &actions)
            }

        case .soaAnswered(let primary, let offered, let expire, let now):
            guard case .querying(let order, let position) = activity, order[position] == primary else { return [] }
            if let rejected, rejected.serial == offered, now < rejected.until {
                activity = .idle
                nextCheck = rejected.until
                actions.append(.skipRejected(serial: offered, until: rejected.until))
                break
            }
            guard let serial else {
                activity = .transferring(order: order, position: position)
                actions.append(.transfer(primary: primary, serial: offered))
                break
            }
            switch SerialNumber(offered).compare(to: SerialNumber(serial)) {
            case .equal:
                activity = .idle
                succeeded(now: now, into: &actions)
                expireWindow = expire.map { Double($0) }.flatMap { $0 < (timers?.expire ?? .infinity) ? $0 : nil }
                actions.append(.refreshed(serial: serial))
            case .greater:
                activity = .transferring(order: order, position: position)
                actions.append(.transfer(primary: primary, serial: offered))
            case .less, .undefined:
                actions.append(.primaryBehind(primary: primary, serial: offered))
                nextInRound(order: order, position: position, now: now, into: &actions)
            }

        case .soaFailed(let primary, let now):
            guard case .querying(let order, let position) = activity, order[position] == primary else { return [] }
            nextInRound(order: order, position: position, now: now, into: &actions)

        case .transferPublished(let primary, let newSerial, let newTimers, let now):
            guard case .transferring(let order, let position) = activity, order[position] == primary else { return [] }
            activity = .idle
            serial = newSerial
            timers = newTimers
            rejected = nil
            // Fresh from the primary's latest version: the SOA's full EXPIRE.
            expireWindow = nil
            succeeded(now: now, into: &actions)

        case .transferUpToDate(let primary, _, let now):
            guard case .transferring(let order, let position) = activity, order[position] == primary else { return [] }
            activity = .idle
            succeeded(now: now, into: &actions)
            if let serial { actions.append(.refreshed(serial: serial)) }

        case .transferFailed(let primary, let now):
            guard case .transferring(let order, let position) = activity, order[position] == primary else { return [] }
            nextInRound(order: order, position: position, now: now, into: &actions)

        case .transferRejected(let primary, let refused, let now):
            guard case .transferring(let order, let position) = activity, order[position] == primary else { return [] }
            _ = position
            activity = .idle
            consecutiveFailures += 1
            let until = now + retryDelay()
            rejected = (refused, until)
            nextCheck = until
            actions.append(.holdRejected(serial: refused, until: until))
        }

        let now = event.now
        if activity == .idle && recheckRequested {
            recheckRequested = false
            beginRound(first: nil, now: now, into: &actions)
        }
        if let wake = nextWake { actions.append(.wake(at: wake)) }
        return actions
    }

    /// The next time `timer` has something to do: the next round while idle, the
    /// expiry while the zone is not yet expired.
    public var nextWake: Double? {
        var wake: Double?
        if activity == .idle { wake = nextCheck }
        if !isExpired, let expiresAt { wake = min(wake ?? expiresAt, expiresAt) }
        return wake
    }

    private mutating func beginRound(first: Int?, now: Double, into actions: inout [Action]) {
        var order = Array(0..<configuration.primaryCount)
        if let first, let index = order.firstIndex(of: first) {
            order.remove(at: index)
            order.insert(first, at: 0)
        }
        activity = .querying(order: order, position: 0)
        actions.append(.querySOA(primary: order[0]))
    }

    private mutating func nextInRound(order: [Int], position: Int, now: Double, into actions: inout [Action]) {
        if position + 1 < order.count {
            activity = .querying(order: order, position: position + 1)
            actions.append(.querySOA(primary: order[position + 1]))
            return
        }
        activity = .idle
        consecutiveFailures += 1
        nextCheck = now + retryDelay()
        actions.append(.retryScheduled(at: nextCheck, failures: consecutiveFailures))
        checkExpiry(now: now, into: &actions)
    }

    private mutating func succeeded(now: Double, into actions: inout [Action]) {
        lastRefresh = now
        consecutiveFailures = 0
        if isExpired {
            isExpired = false
            actions.append(.revive)
        }
        let refresh = timers?.refresh ?? configuration.initialRetry
        nextCheck = now + max(configuration.minimumDelay, refresh * (1 - configuration.jitter * unit()))
    }

    private mutating func checkExpiry(now: Double, into actions: inout [Action]) {
        if !isExpired, let expiresAt, expiresAt <= now {
            isExpired = true
            actions.append(.expire)
        }
    }

    /// The SOA retry, doubled for each consecutive failure after the first, capped at
    /// the refresh interval, with jitter.
    private mutating func retryDelay() -> Double {
        let base = timers?.retry ?? configuration.initialRetry
        let cap = max(base, timers?.refresh ?? base)
        let doublings = Double(min(max(consecutiveFailures - 1, 0), 16))
        let delay = min(cap, base * pow2(doublings))
        let jittered = delay * (1 + configuration.jitter * (2 * unit() - 1))
        return max(configuration.minimumDelay, jittered)
    }

    private func pow2(_ n: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(n) { result *= 2 }
        return result
    }

    private mutating func unit() -> Double {
        Double(random.next() >> 11) / Double(1 << 53)
    }
}

extension RefreshStateMachine.Event {
    var now: Double {
        switch self {
        case .start(let now, _), .timer(let now), .notify(_, _, let now), .soaAnswered(_, _, _, let now),
             .soaFailed(_, let now), .transferPublished(_, _, _, let now), .transferUpToDate(_, _, let now),
             .transferFailed(_, let now), .transferRejected(_, _, let now):
            return now
        }
    }
}
