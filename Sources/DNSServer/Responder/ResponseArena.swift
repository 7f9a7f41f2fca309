#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The working memory of a response, one block per thread, allocated once: the
/// response is built here at its full size limit (64 KiB, so TCP answers never need a
/// second pass), with the compression table, per-name scratch, spare name buffers and
/// the answer builder's lists, then copied into an array of exactly its length.
///
/// Why not a fresh array per response: creating an `[UInt8]` with
/// `init(unsafeUninitializedCapacity:)` from outside the standard library looks up
/// its generic metadata at run time (about 800 instructions on Linux), and
/// `withUnsafeTemporaryAllocation` above 1 KiB asks the runtime for the thread's
/// stack bounds. Copying out costs an exact-size allocation and a `memcpy`.
///
/// A responder call runs start to end on one thread with no suspension point, so the
/// block is never shared.
struct ResponseArena {
    static let responseCapacity = 65535
    static let compressionCapacity = 1024
    static let maxLabels = 128

    let response: UnsafeMutablePointer<UInt8>
    let compression: UnsafeMutablePointer<ResponseWriter.CompressionEntry>
    let labelStarts: UnsafeMutablePointer<UInt8>
    /// 256-octet name buffers (`AnswerBuilder.nameBuffers` of them).
    let names: UnsafeMutablePointer<UInt8>
    let pending: UnsafeMutablePointer<AnswerBuilder.PendingSet>
    let additional: UnsafeMutablePointer<Int32>
    let chain: UnsafeMutablePointer<AnswerBuilder.ChainStep>

    private static let compressionOffset = 65536
    private static let labelsOffset = compressionOffset + compressionCapacity * MemoryLayout<ResponseWriter.CompressionEntry>.stride
    private static let namesOffset = labelsOffset + maxLabels
    private static let pendingOffset = namesOffset + 256 * AnswerBuilder.nameBuffers
    private static let additionalOffset = pendingOffset + AnswerBuilder.pendingCapacity * MemoryLayout<AnswerBuilder.PendingSet>.stride
    private static let chainOffset = (additionalOffset + AnswerBuilder.additionalCapacity * 4 + 15) & ~15
    private static let byteCount = chainOffset + AnswerBuilder.chainCapacity * MemoryLayout<AnswerBuilder.ChainStep>.stride

    private init(_ raw: UnsafeMutableRawPointer) {
        response = raw.bindMemory(to: UInt8.self, capacity: Self.responseCapacity)
        compression = (raw + Self.compressionOffset).bindMemory(to: ResponseWriter.CompressionEntry.self, capacity: Self.compressionCapacity)
        labelStarts = (raw + Self.labelsOffset).bindMemory(to: UInt8.self, capacity: Self.maxLabels)
        names = (raw + Self.namesOffset).bindMemory(to: UInt8.self, capacity: 256 * AnswerBuilder.nameBuffers)
        pending = (raw + Self.pendingOffset).bindMemory(to: AnswerBuilder.PendingSet.self, capacity: AnswerBuilder.pendingCapacity)
        additional = (raw + Self.additionalOffset).bindMemory(to: Int32.self, capacity: AnswerBuilder.additionalCapacity)
        chain = (raw + Self.chainOffset).bindMemory(to: AnswerBuilder.ChainStep.self, capacity: AnswerBuilder.chainCapacity)
    }

    /// The calling thread's block, allocated on first use and freed when the thread
    /// exits.
    static var current: ResponseArena {
        let key = threadKey.key
        if let raw = pthread_getspecific(key) { return ResponseArena(raw) }
        let raw = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 16)
        pthread_setspecific(key, raw)
        return ResponseArena(raw)
    }

    private final class ThreadKey: Sendable {
        let key: pthread_key_t
        init() {
            var key = pthread_key_t()
            #if canImport(Darwin)
            pthread_key_create(&key) { $0.deallocate() }
            #else
            pthread_key_create(&key) { $0?.deallocate() }
            #endif
            self.key = key
        }
    }

    private static let threadKey = ThreadKey()
}
