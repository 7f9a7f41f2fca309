/// Where something was read: a file from the compile's `SourceFileTable`, a 1-based
/// line and a 1-based column (in bytes). Twelve bytes, so a zone can keep one per
/// record without growing much.
public struct SourceLocation: Hashable, Sendable {
    /// Index into the `SourceFileTable` of the compile that produced it.
    public var file: Int32
    public var line: Int32
    public var column: Int32

    public init(file: Int32, line: Int32, column: Int32) {
        self.file = file
        self.line = line
        self.column = column
    }
}
