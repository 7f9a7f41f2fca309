#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file so that after a crash at any moment it holds either the old bytes
/// or the new ones, never a mix: write a temporary file beside it, fsync it, rename it
/// over the old one, then fsync the directory so the rename itself is durable.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot create \(temporary): \(errorText())") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let text = errorText()
                close(fd)
                unlink(temporary)
                throw Failure(description: "cannot write \(temporary): \(text)")
            }
            written += n
        }
        guard fsync(fd) == 0 else {
            let text = errorText()
            close(fd)
            unlink(temporary)
            throw Failure(description: "cannot fsync \(temporary): \(text)")
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let text = errorText()
            unlink(temporary)
            throw Failure(description: "cannot rename \(temporary) to \(path): \(text)")
        }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryFD >= 0 else { throw Failure(description: "cannot open \(directory): \(errorText())") }
        defer { close(directoryFD) }
        guard fsync(directoryFD) == 0 else { throw Failure(description: "cannot fsync \(directory): \(errorText())") }
    }

    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            result.append(contentsOf: chunk[0..<n])
        }
        return result
    }

    /// Removes temporary files a crash left beside `paths` (`PATH.tmp-PID-…`): those of
    /// other processes only, so a write of ours under way is never cut short.
    static func removeTemporaries(of paths: [String]) {
        guard let first = paths.first else { return }
        let directory = first.lastIndex(of: "/").map { String(first[..<$0]) } ?? "."
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        let prefixes = paths.map { path in
            (path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path) + ".tmp-"
        }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { continue }
            let pid = name.dropFirst(prefix.count).prefix { $0 != "-" }
            if pid != String(getpid()) { unlink(directory + "/" + name) }
        }
    }

    /// Seconds since the epoch the file was last modified, or nil.
    static func modificationTime(_ path: String) -> Double? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
