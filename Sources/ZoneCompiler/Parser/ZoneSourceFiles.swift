#if canImport(Glibc)
import Glibc
#endif

/// Finds zone files: a folder holds `<origin>.zone` files, and a file's name minus
/// `.zone` is its origin (DESIGN §4).
public enum ZoneSourceFiles {
    public struct Source: Sendable, Equatable {
        public var origin: DomainName
        public var path: String

        public init(origin: DomainName, path: String) {
            self.origin = origin
            self.path = path
        }
    }

    public enum Kind: Sendable { case file, directory, missing }

    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    /// The `*.zone` files directly in `directory`, sorted by name.
    public static func zoneFiles(in directory: String) throws(ZoneFileError) -> [String] {
        guard let handle = opendir(directory) else { throw ZoneFileError(path: directory, errno: errno) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasSuffix(".zone"), name.count > 5, !name.hasPrefix(".") else { continue }
            names.append(name)
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return names.sorted().map { base + $0 }
    }

    /// The origin a file name implies: `home.arpa.zone` is `home.arpa.`; nil when the
    /// name does not end in `.zone` or the rest is not a domain name.
    public static func origin(forFile path: String) -> DomainName? {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        guard base.hasSuffix(".zone"), base.count > 5 else { return nil }
        let stem = String(base.dropLast(5))
        return try? DomainName(stem.hasSuffix(".") ? stem : stem + ".", origin: nil)
    }
}
