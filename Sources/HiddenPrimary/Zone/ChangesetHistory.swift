import ZoneCompiler

/// The changesets that lead to a version, oldest first, for IXFR: the last `limit`
/// of them.
///
/// Each published version holds a copy, and the primary appends one changeset per
/// UPDATE. A plain array would be copied whole (a thousand changesets) on the first
/// append after each publish; here full chunks of 64 are immutable and shared, so a
/// copy costs the open chunk and the list of chunk references.
public struct ChangesetHistory: Sendable {
    final class Chunk: Sendable {
        let changesets: [Changeset]
        init(_ changesets: [Changeset]) { self.changesets = changesets }
    }

    static let chunkSize = 64

    private var sealed: [Chunk] = []
    private var open: [Changeset] = []
    /// What the chunks hold: up to a chunk more than `limit`.
    private var stored = 0
    public var limit: Int

    public var count: Int { min(stored, limit) }

    public init(limit: Int, _ changesets: [Changeset] = []) {
        self.limit = max(1, limit)
        for changeset in changesets { append(changeset) }
    }

    public mutating func append(_ changeset: Changeset) {
        open.append(changeset)
        stored += 1
        if open.count == Self.chunkSize {
            sealed.append(Chunk(open))
            open = []
        }
        // Whole chunks go once the rest still holds `limit`.
        var drop = 0
        while drop < sealed.count && stored - sealed[drop].changesets.count >= limit {
            stored -= sealed[drop].changesets.count
            drop += 1
        }
        if drop > 0 { sealed.removeFirst(drop) }
    }

    /// Oldest first.
    public var all: [Changeset] {
        var out: [Changeset] = []
        out.reserveCapacity(stored)
        for chunk in sealed { out += chunk.changesets }
        out += open
        return Array(out.suffix(limit))
    }

    /// The last `n`, oldest first.
    public func suffix(_ n: Int) -> [Changeset] { Array(all.suffix(n)) }

    public var first: Changeset? { element(at: stored - count) }

    private func element(at position: Int) -> Changeset? {
        var position = position
        for chunk in sealed {
            if position < chunk.changesets.count { return chunk.changesets[position] }
            position -= chunk.changesets.count
        }
        return position < open.count ? open[position] : nil
    }

    /// The changesets from the one that starts at `serial` to the newest, or nil when
    /// none of the last `limit` starts there.
    public func changes(from serial: UInt32) -> [Changeset]? {
        var skip = stored - count
        var found = false
        var out: [Changeset] = []
        for part in sealed.map({ $0.changesets[...] }) + [open[...]] {
            var part = part
            if skip > 0 {
                let dropped = min(skip, part.count)
                part = part.dropFirst(dropped)
                skip -= dropped
            }
            if found {
                out += part
            } else if let index = part.firstIndex(where: { $0.serialFrom == serial }) {
                found = true
                out += part[index...]
            }
        }
        return found ? out : nil
    }
}
