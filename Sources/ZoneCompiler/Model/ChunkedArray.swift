/// An array stored in fixed-size chunks, each a copy-on-write array of its own.
///
/// Why: a zone is a value, and every UPDATE group on the primary makes a new version
/// from the last one while the old one is still published. With one flat array, the
/// first write to the new version copies the whole table (and retains every record's
/// RDATA), so each group cost time in proportion to the zone's size. Here a copy shares
/// every chunk, and a write copies only the chunk it lands in: an edit costs a few
/// thousand elements, however large the zone.
///
/// Reads cost one extra index computation (a shift and a mask).
struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection {
    /// 512 elements: a chunk of zone entries is a few tens of KB, small next to a zone,
    /// large enough that the array of chunks stays short.
    static var chunkShift: Int { 9 }
    static var chunkSize: Int { 1 << chunkShift }
    static var chunkMask: Int { chunkSize - 1 }

    private var chunks: [[Element]] = []
    private(set) var count = 0

    init() {}

    init<S: Sequence>(_ elements: S) where S.Element == Element {
        append(contentsOf: elements)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    var isEmpty: Bool { count == 0 }

    subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "ChunkedArray index out of range")
            return chunks[position >> Self.chunkShift][position & Self.chunkMask]
        }
        _modify {
            precondition(position >= 0 && position < count, "ChunkedArray index out of range")
            yield &chunks[position >> Self.chunkShift][position & Self.chunkMask]
        }
    }

    mutating func append(_ element: Element) {
        if count & Self.chunkMask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    /// Capacity is per chunk; nothing to reserve beyond the array of chunks.
    mutating func reserveCapacity(_ minimumCapacity: Int) {
        chunks.reserveCapacity((minimumCapacity + Self.chunkMask) >> Self.chunkShift)
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: Equatable where Element: Equatable {
    static func == (a: ChunkedArray, b: ChunkedArray) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }
}

extension ChunkedArray: ExpressibleByArrayLiteral {
    init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}
