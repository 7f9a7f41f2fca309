import Testing
@testable import Secondary

/// Refresh, retry and expire (RFC 1034 §4.3.5) and NOTIFY (RFC 1996 §3), driven with
/// explicit times: no sockets, no waiting.
@Suite("Refresh state machine (RFC 1034 §4.3.5, RFC 1996)")
struct RefreshStateMachineTests {
    typealias Machine = RefreshStateMachine
    let timers = SOATimers(refresh: 100, retry: 20, expire: 1000)

    func machine(primaries: Int = 1, jitter: Double = 0) -> Machine {
        Machine(configuration: .init(primaryCount: primaries, initialRetry: 10, jitter: jitter))
    }

    func wake(_ actions: [Machine.Action]) -> Double? {
        for case .wake(let at) in actions { return at }
        return nil
    }

    @Test("Without data: query the SOA at once, transfer a newer serial, then refresh after REFRESH")
    func firstTransfer() {
        var m = machine()
        #expect(m.handle(.start(now: 0, loaded: nil)) == [.querySOA(primary: 0)])
        #expect(m.handle(.soaAnswered(primary: 0, serial: 5, now: 1)) == [.transfer(primary: 0, serial: 5)])
        let actions = m.handle(.transferPublished(primary: 0, serial: 5, timers: timers, now: 2))
        #expect(wake(actions) == 102)
        #expect(m.expiresAt == 1002)
        #expect(m.handle(.timer(now: 50)) == [.wake(at: 102)])
        #expect(m.handle(.timer(now: 102)).first == .querySOA(primary: 0))
        let same = m.handle(.soaAnswered(primary: 0, serial: 5, now: 103))
        #expect(same.contains(.refreshed(serial: 5)))
        #expect(m.expiresAt == 1103)
    }

    @Test("Loaded from disk: served, checked at once; expired already if the expire time passed")
    func loadedFromDisk() {
        var fresh = machine()
        let actions = fresh.handle(.start(now: 500, loaded: .init(serial: 9, timers: timers, lastRefresh: 400)))
        #expect(actions.first == .querySOA(primary: 0))
        #expect(!fresh.isExpired)
        var old = machine()
        let expired = old.handle(.start(now: 5000, loaded: .init(serial: 9, timers: timers, lastRefresh: 400)))
        #expect(expired.first == .expire)
        #expect(old.isExpired)
        _ = old.handle(.soaAnswered(primary: 0, serial: 9, now: 5001))
        #expect(!old.isExpired)
    }

    @Test("Failures go through every primary, then wait RETRY, doubling up to REFRESH; never a hot loop")
    func retryBackoff() {
        var m = machine(primaries: 2)
        _ = m.handle(.start(now: 0, loaded: .init(serial: 1, timers: timers, lastRefresh: 0)))
        #expect(m.handle(.soaFailed(primary: 0, now: 1)).first == .querySOA(primary: 1))
        var now = 2.0
        var delays: [Double] = []
        for _ in 0..<5 {
            let actions = m.handle(.soaFailed(primary: 1, now: now))
            guard case .retryScheduled(let at, _)? = actions.first else {
                Issue.record("no retry scheduled: \(actions)")
                return
            }
            delays.append(at - now)
            now = at
            #expect(m.handle(.timer(now: now)).first == .querySOA(primary: 0))
            _ = m.handle(.soaFailed(primary: 0, now: now))
        }
        #expect(delays == [20, 40, 80, 100, 100])
    }

    @Test("The zone expires EXPIRE after the last successful refresh, and revives on the next")
    func expiry() {
        var m = machine()
        _ = m.handle(.start(now: 0, loaded: nil))
        _ = m.handle(.soaAnswered(primary: 0, serial: 1, now: 0))
        _ = m.handle(.transferPublished(primary: 0, serial: 1, timers: timers, now: 0))
        var now = 100.0
        var expiredAt: Double?
        // The primary is gone: every round fails until the expire time.
        for _ in 0..<100 where expiredAt == nil {
            let round = m.handle(.timer(now: now))
            if round.contains(.expire) { expiredAt = now }
            if round.contains(.querySOA(primary: 0)) {
                let failed = m.handle(.soaFailed(primary: 0, now: now))
                if failed.contains(.expire) { expiredAt = now }
            }
            guard let next = m.nextWake else { break }
            now = max(next, now)
        }
        #expect(expiredAt == 1000)
        #expect(m.isExpired)
        #expect(m.handle(.notify(primary: 0, serial: nil, now: 1050)).first == .querySOA(primary: 0))
        let back = m.handle(.soaAnswered(primary: 0, serial: 1, now: 1050))
        #expect(back.contains(.revive))
    }

    @Test("NOTIFY starts a check at once from the notifying primary; during a transfer it is remembered")
    func notify() {
        var m = machine(primaries: 2)
        _ = m.handle(.start(now: 0, loaded: .init(serial: 1, timers: timers, lastRefresh: 0)))
        _ = m.handle(.soaAnswered(primary: 0, serial: 1, now: 0))
        #expect(m.handle(.notify(primary: 1, serial: 2, now: 5)).first == .querySOA(primary: 1))
        #expect(m.handle(.soaAnswered(primary: 1, serial: 2, now: 5)).first == .transfer(primary: 1, serial: 2))
        #expect(m.handle(.notify(primary: 1, serial: 3, now: 6)).allSatisfy { if case .wake = $0 { true } else { false } })
        let done = m.handle(.transferPublished(primary: 1, serial: 2, timers: timers, now: 7))
        #expect(done.contains(.querySOA(primary: 0)))
    }

    @Test("A NOTIFY with a serial not newer than ours is ignored")
    func notifyOld() {
        var m = machine()
        _ = m.handle(.start(now: 0, loaded: .init(serial: 10, timers: timers, lastRefresh: 0)))
        _ = m.handle(.soaAnswered(primary: 0, serial: 10, now: 0))
        guard case .ignoreNotify? = m.handle(.notify(primary: 0, serial: 10, now: 1)).first else {
            Issue.record("not ignored")
            return
        }
    }

    @Test("A rejected serial is not fetched again before the retry, whatever NOTIFYs say; another serial is")
    func rejectedNotRetriedInALoop() {
        var m = machine()
        _ = m.handle(.start(now: 0, loaded: .init(serial: 1, timers: timers, lastRefresh: 0)))
        _ = m.handle(.soaAnswered(primary: 0, serial: 2, now: 0))
        let rejected = m.handle(.transferRejected(primary: 0, serial: 2, now: 1))
        #expect(rejected.first == .holdRejected(serial: 2, until: 21))
        guard case .ignoreNotify? = m.handle(.notify(primary: 0, serial: 2, now: 2)).first else {
            Issue.record("NOTIFY of the rejected serial not ignored")
            return
        }
        // A NOTIFY without a serial still makes a SOA check, which sees the same serial.
        #expect(m.handle(.notify(primary: 0, serial: nil, now: 3)).first == .querySOA(primary: 0))
        #expect(m.handle(.soaAnswered(primary: 0, serial: 2, now: 3)).first == .skipRejected(serial: 2, until: 21))
        // At the retry it is fetched again (and refused again, with a longer wait).
        #expect(m.handle(.timer(now: 21)).first == .querySOA(primary: 0))
        #expect(m.handle(.soaAnswered(primary: 0, serial: 2, now: 21)).first == .transfer(primary: 0, serial: 2))
        #expect(m.handle(.transferRejected(primary: 0, serial: 2, now: 22)).first == .holdRejected(serial: 2, until: 62))
        // A new serial goes through at once.
        #expect(m.handle(.notify(primary: 0, serial: 3, now: 23)).first == .querySOA(primary: 0))
        #expect(m.handle(.soaAnswered(primary: 0, serial: 3, now: 23)).first == .transfer(primary: 0, serial: 3))
    }

    @Test("Without data, a refused first version is held too")
    func rejectedFirstVersion() {
        var m = machine()
        _ = m.handle(.start(now: 0, loaded: nil))
        #expect(m.handle(.soaAnswered(primary: 0, serial: 4, now: 0)).first == .transfer(primary: 0, serial: 4))
        #expect(m.handle(.transferRejected(primary: 0, serial: 4, now: 1)).first == .holdRejected(serial: 4, until: 11))
        #expect(m.handle(.notify(primary: 0, serial: nil, now: 2)).first == .querySOA(primary: 0))
        #expect(m.handle(.soaAnswered(primary: 0, serial: 4, now: 2)).first == .skipRejected(serial: 4, until: 11))
        #expect(m.handle(.timer(now: 11)).first == .querySOA(primary: 0))
        #expect(m.handle(.soaAnswered(primary: 0, serial: 5, now: 11)).first == .transfer(primary: 0, serial: 5))
    }

    @Test("RFC 7314 §4: a primary's shorter EXPIRE bounds ours until the next transfer")
    func expireFromPrimary() {
        var m = machine()
        _ = m.handle(.start(now: 0, loaded: .init(serial: 1, timers: timers, lastRefresh: 0)))
        _ = m.handle(.soaAnswered(primary: 0, serial: 1, expire: 50, now: 10))
        #expect(m.expiresAt == 60)
        // A longer EXPIRE than the SOA's does not extend it.
        _ = m.handle(.timer(now: 200))
        _ = m.handle(.soaAnswered(primary: 0, serial: 1, expire: 5000, now: 200))
        #expect(m.expiresAt == 1200)
        _ = m.handle(.timer(now: 400))
        _ = m.handle(.soaAnswered(primary: 0, serial: 1, expire: 30, now: 400))
        #expect(m.expireWindow == 30)
        _ = m.handle(.notify(primary: 0, serial: 2, now: 401))
        _ = m.handle(.soaAnswered(primary: 0, serial: 2, now: 401))
        _ = m.handle(.transferPublished(primary: 0, serial: 2, timers: timers, now: 402))
        #expect(m.expiresAt == 1402)
    }

    @Test("Stale results (from a primary no longer asked) are ignored")
    func staleResults() {
        var m = machine(primaries: 2)
        _ = m.handle(.start(now: 0, loaded: nil))
        #expect(m.handle(.soaAnswered(primary: 1, serial: 5, now: 1)) == [])
        #expect(m.handle(.transferFailed(primary: 0, now: 1)) == [])
    }

    @Test("Jitter keeps delays within the share asked for, and the one-second floor holds")
    func jitter() {
        var m = machine(jitter: 0.1)
        _ = m.handle(.start(now: 0, loaded: .init(serial: 1, timers: SOATimers(refresh: 0, retry: 0, expire: 0), lastRefresh: 0)))
        let actions = m.handle(.soaFailed(primary: 0, now: 0))
        guard case .retryScheduled(let at, _)? = actions.first(where: { if case .retryScheduled = $0 { true } else { false } }) else {
            Issue.record("no retry")
            return
        }
        #expect(at >= 1)
        var n = machine(jitter: 0.1)
        _ = n.handle(.start(now: 0, loaded: .init(serial: 1, timers: timers, lastRefresh: 0)))
        let failed = n.handle(.soaFailed(primary: 0, now: 0))
        guard case .retryScheduled(let retryAt, _)? = failed.first else { return }
        #expect(retryAt >= 18 && retryAt <= 22)
    }
}
