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
    /// nsupdate's `show` prints a message it has not rendered yet, whose counts BIND
    /// still has at zero.
    public var zeroCounts: Bool

    public init(header: Header, zeroCounts: Bool = false) {
        self.header = header
        self.zeroCounts = zeroCounts
    }

    /// What dig prints between `;; Got answer:` and `;; Query time:`, without the
    /// annotations that depend on dig's own state (a cookie's `(good)`, the EDNS
    /// retry hint).
    public static let dig = MessageTextStyle(header: .dig)
    /// What nsupdate's `answer` prints after `Answer:`.
    public static let nsupdate = MessageTextStyle(header: .library)
    /// What nsupdate's `show` prints after `Outgoing update query:`.
    public static let nsupdateShow = MessageTextStyle(header: .library, zeroCounts: true)
}
