import DNSCore

/// BIND's words for results nsupdate prints (`isc_result_totext`).
enum BINDResultText {
    static func name(_ error: DomainNameError) -> String {
        switch error {
        case .emptyLabel: return "empty label"
        case .labelTooLong: return "label too long"
        case .nameTooLong: return "ran out of space"
        case .badEscape: return "bad escape"
        default: return "bad name"
        }
    }

    /// `dns_name_format`: the name without its final dot, `.` for the root.
    static func formatted(_ name: DomainName) -> String {
        let text = name.description
        return name.isRoot ? text : String(text.dropLast())
    }
}
