/// Writes a zone as a master file the way named-compilezone does: names in canonical
/// order, the SOA first, one record per line, every name absolute (`.full`) or relative
/// to the origin (`.relative`). The output reads back to the same zone.
public enum CanonicalZoneWriter {
    public enum NameStyle: Sendable { case full, relative }

    public static func write(_ zone: Zone, style: NameStyle = .full) -> String {
        String(decoding: bytes(zone, style: style), as: UTF8.self)
    }

    /// The same text as bytes. With `sorted: false` names come in the zone's own order,
    /// which reads back identically and costs no sort: for files only a program reads
    /// (a secondary's saved copy).
    public static func bytes(_ zone: Zone, style: NameStyle = .full, sorted: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(zone.recordCount * 48)
        let origin = style == .relative ? zone.origin : nil
        if style == .relative {
            out.append(contentsOf: "$ORIGIN ".utf8)
            zone.origin.appendText(to: &out)
            out.append(0x0A)
        }
        let classText = Array(zone.rrClass.description.utf8)
        var ownerText: [UInt8] = []
        var writer = RDataTextWriter(origin: origin)
        for id in sorted ? zone.sortedIDs() : zone.liveIDs {
            ownerText.removeAll(keepingCapacity: true)
            zone.name(id).appendText(relativeTo: origin, to: &ownerText)
            for rrset in Zone.ordered(zone.node(id).rrsets) {
                let typeText = Array(rrset.type.description.utf8)
                for rdata in rrset.rdatas {
                    out.append(contentsOf: ownerText)
                    pad(&out, to: 40, from: ownerText.count)
                    appendDecimal(rrset.ttl, to: &out)
                    out.append(0x20)
                    out.append(contentsOf: classText)
                    out.append(0x20)
                    out.append(contentsOf: typeText)
                    out.append(0x09)
                    writer.bytes.removeAll(keepingCapacity: true)
                    rdata.writeText(to: &writer)
                    out.append(contentsOf: writer.bytes)
                    out.append(0x0A)
                }
            }
        }
        return out
    }

    private static func appendDecimal(_ value: UInt32, to out: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &out) }
        out.append(48 + UInt8(value % 10))
    }

    private static func pad(_ out: inout [UInt8], to column: Int, from length: Int) {
        if length >= column {
            out.append(0x20)
        } else {
            out.append(contentsOf: repeatElement(0x20, count: column - length))
        }
    }
}
