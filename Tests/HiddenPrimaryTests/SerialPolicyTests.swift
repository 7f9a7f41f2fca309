import Testing
import ZoneCompiler
@testable import HiddenPrimary

@Suite("Serial policy")
struct SerialPolicyTests {
    let now: UInt64 = 1_795_000_000   // 2026-11-18 UTC

    @Test("increment: previous + 1; a higher floor wins; a lower floor does not")
    func increment() {
        #expect(SerialPolicy.increment.next(after: 10, now: now) == 11)
        #expect(SerialPolicy.increment.next(after: 10, floor: 50, now: now) == 50)
        #expect(SerialPolicy.increment.next(after: 10, floor: 3, now: now) == 11)
        #expect(SerialPolicy.increment.next(after: UInt32.max, now: now) == 0)  // RFC 1982 wraps
    }

    @Test("unixtime and date: the clock when it is ahead, else previous + 1")
    func clocks() {
        #expect(SerialPolicy.unixtime.next(after: 10, now: now) == 1_795_000_000)
        #expect(SerialPolicy.unixtime.next(after: 1_795_000_000, now: now) == 1_795_000_001)
        #expect(SerialPolicy.date.next(after: 10, now: now) == 2026111800)
        #expect(SerialPolicy.date.next(after: 2026111800, now: now) == 2026111801)
        #expect(SerialPolicy.date.next(after: 2026111899, now: now) == 2026111900)
    }

    @Test("The result is always greater than the previous serial (RFC 1982), whatever the floor")
    func alwaysGreater() {
        for policy in SerialPolicy.allCases {
            for current: UInt32 in [0, 1, 10, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFE, 0xFFFF_FFFF] {
                for floor: UInt32? in [nil, 0, current, current &+ 0x8000_0000, current &+ 0x7FFF_FFFF, current &- 1] {
                    let next = policy.next(after: current, floor: floor, now: now)
                    #expect(SerialNumber(next).compare(to: SerialNumber(current)) == .greater, "\(policy) \(current) \(String(describing: floor))")
                }
            }
        }
    }
}
