/// How to read and check one zone.
public struct CompileOptions: Sendable {
    /// Where a relative `$INCLUDE` path is looked up.
    public enum IncludeBase: Sendable, Equatable {
        /// The process's working directory, as BIND does (named's `directory`).
        case workingDirectory
        /// The directory of the file that holds the `$INCLUDE`.
        case includingFile
        /// A fixed directory (named-checkzone `-w`).
        case directory(String)
        /// `$INCLUDE` is an error: for text from outside (fuzzing, UPDATE payloads),
        /// which must not make us read files.
        case forbidden
    }

    public var origin: DomainName
    public var rrClass: RRClass
    public var policy: CheckPolicy
    public var includeBase: IncludeBase
    /// Nested `$INCLUDE`s beyond this depth are an error (and so is a cycle).
    public var maxIncludeDepth: Int
    /// Records one `$GENERATE` may produce.
    public var maxGeneratedRecords: Int
    /// The previous version of the zone, for the serial regression check.
    public var previousSerial: UInt32?

    public init(origin: DomainName, rrClass: RRClass = .in, policy: CheckPolicy = .dnsplane,
                includeBase: IncludeBase = .workingDirectory, maxIncludeDepth: Int = 16,
                maxGeneratedRecords: Int = 1 << 22, previousSerial: UInt32? = nil) {
        self.origin = origin
        self.rrClass = rrClass
        self.policy = policy
        self.includeBase = includeBase
        self.maxIncludeDepth = maxIncludeDepth
        self.maxGeneratedRecords = maxGeneratedRecords
        self.previousSerial = previousSerial
    }
}
