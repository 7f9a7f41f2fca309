/// Service binding for HTTPS (RFC 9460 §9).
public struct HTTPS: ServiceBindingFormat {
    public static let rrType = RRType.https
    public var priority: UInt16
    public var target: DomainName
    /// Ascending by key, each key once.
    public private(set) var parameters: [SVCParameter]

    /// Values built in code are not checked against the SvcParam rules; values read
    /// from wire or text are.
    public init(uncheckedPriority priority: UInt16, target: DomainName, parameters: [SVCParameter]) {
        self.priority = priority
        self.target = target
        self.parameters = parameters.sorted { $0.key < $1.key }
    }

    public var rdata: RData { .https(self) }
}
