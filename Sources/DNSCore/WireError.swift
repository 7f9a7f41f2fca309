/// Why bytes are not a valid DNS message or record, and where (offset into the bytes).
/// Equal by kind, like swift-asn1's errors: the offset is for the log, not for logic.
public struct WireError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case truncated
        case badPointer
        case pointerLoop
        case badLabelType
        case nameTooLong
        case rdataLength
        case badRData
        case trailingBytes
        case tooManyRecords
        case badOPT
        case badTSIG
        case badQuestion
        case classMismatch
    }

    public var kind: Kind
    public var offset: Int
    public var reason: String

    public init(_ kind: Kind, at offset: Int, _ reason: String = "") {
        self.kind = kind
        self.offset = offset
        self.reason = reason
    }

    public var description: String {
        let what: String
        switch kind {
        case .truncated: what = "truncated data"
        case .badPointer: what = "bad compression pointer"
        case .pointerLoop: what = "compression pointer loop"
        case .badLabelType: what = "unsupported label type"
        case .nameTooLong: what = "name longer than 255 octets"
        case .rdataLength: what = "rdata length mismatch"
        case .badRData: what = "malformed rdata"
        case .trailingBytes: what = "trailing bytes"
        case .tooManyRecords: what = "record counts exceed the message"
        case .badOPT: what = "malformed OPT record"
        case .badTSIG: what = "misplaced or malformed TSIG record"
        case .badQuestion: what = "malformed question section"
        case .classMismatch: what = "record class differs from the message's"
        }
        return reason.isEmpty ? "\(what) at offset \(offset)" : "\(what) at offset \(offset): \(reason)"
    }
}

extension WireError: Equatable {
    public static func == (a: WireError, b: WireError) -> Bool { a.kind == b.kind }
}
