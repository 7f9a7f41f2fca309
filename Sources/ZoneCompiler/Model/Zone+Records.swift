extension Zone {
    /// The interned owner names; their IDs run from 0 to `nameCount - 1`. For structures
    /// built once per zone version (a server's answer tables) that index by name ID and
    /// find names by any wire-form suffix without allocating.
    package var nameTable: NameTable { names }

    /// Calls `body` with each record owned by name `id`, in the order they were added.
    package func forEachRecord(ofName id: Int32, _ body: (_ type: RRType, _ ttl: UInt32, _ rdata: RData) throws -> Void) rethrows {
        var index = heads[Int(id)]
        while index >= 0 {
            let entry = entries[Int(index)]
            try body(entry.type, entry.ttl, entry.rdata)
            index = entry.next
        }
    }
}
