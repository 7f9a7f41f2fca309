/// Host name and mailbox syntax as BIND's check-names applies it.
public enum HostnameRules {
    /// Letters, digits and hyphens, each label starting and ending with a letter or
    /// digit (RFC 952 as relaxed by RFC 1123 §2.1). A leading `*` label is allowed
    /// when `allowWildcard` is set.
    public static func isHostname(_ name: DomainName, allowWildcard: Bool) -> Bool {
        name.wire.withUnsafeBufferPointer { isHostname($0, allowWildcard: allowWildcard) }
    }

    public static func isHostname(_ wire: UnsafeBufferPointer<UInt8>, allowWildcard: Bool) -> Bool {
        var index = 0
        if allowWildcard && wire.count >= 3 && wire[0] == 1 && wire[1] == UInt8(ascii: "*") { index = 2 }
        while wire[index] != 0 {
            let length = Int(wire[index])
            let start = index + 1
            let end = start + length - 1
            for i in start...end {
                let c = wire[i]
                let alnum = (c &- 0x30 < 10) || ((c | 0x20) &- 0x61 < 26)
                if i == start || i == end {
                    if !alnum { return false }
                } else if !alnum && c != UInt8(ascii: "-") {
                    return false
                }
            }
            index = end + 1
        }
        return true
    }

    /// A mailbox name: any printable first label (the local part), then a host name.
    public static func isMailbox(_ name: DomainName) -> Bool {
        guard !name.isRoot else { return true }
        let first = name.firstLabel
        guard first.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) else { return false }
        return isHostname(name.parent!, allowWildcard: false)
    }
}
