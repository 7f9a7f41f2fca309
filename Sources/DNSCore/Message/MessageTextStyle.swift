/// Which of BIND 9.18's two message printers `Message.text(style:)` imitates.
///
/// dig prints its own header lines and a blank line after them; nsupdate's `show` and
/// `answer` use libdns's `dns_message_totext`, whose header pads the ID to six columns
/// and names the sections by opcode. Both print the sections the same way.
public struct MessageTextStyle: Hashable, Sendable {
    public enum Header: Hashable, Sendable {
        /// dig: `id: 1234`, `QUERY: 1, ANSWER: ...` whatever the opcode, `?N` for a
        /// status without a name, then dig's warning when recursion was asked for but
        /// is not available, then a blank line.
        case dig
        /// `dns_message_totext`: `id:   1234`, `QUESTION:` or (UPDATE) `ZONE: 1,
        /// PREREQ: ..., UPDATE: ...`, no blank line.
        case library
    }

    public var header: Header
    /// The message was built to be sent and not rendered yet, as in nsupdate's `show`.
    /// BIND then still has its counts at zero, and the RDATA of class NONE and ANY
    /// records in the zone's class, the class it was typed in; a received message has
    /// it in the record's class, where BIND knows no format for class-IN types (A,
    /// AAAA, SRV...) and prints them in the RFC 3597 generic form.
    public var isUnsent: Bool

    public init(header: Header, isUnsent: Bool = false) {
        self.header = header
        self.isUnsent = isUnsent
    }

    /// What dig prints between `;; Got answer:` and `;; Query time:`, without the
    /// annotations that depend on dig's own state (a cookie's `(good)`, the EDNS
    /// retry hint).
    public static let dig = MessageTextStyle(header: .dig)
    /// What nsupdate's `answer` prints after `Answer:`.
    public static let nsupdate = MessageTextStyle(header: .library)
    /// What nsupdate's `show` prints after `Outgoing update query:`.
    public static let nsupdateShow = MessageTextStyle(header: .library, isUnsent: true)
}
