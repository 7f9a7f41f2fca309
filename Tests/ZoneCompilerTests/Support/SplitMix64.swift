import DNSCore

/// Helpers for generated test sets on the seeded generator.
extension SplitMix64 {
    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    mutating func index(_ count: Int) -> Int { Int.random(in: 0..<count, using: &self) }
}
