/// Writes a zone as a master file the way named-compilezone does: names in canonical
/// order, the SOA first, one record per line, every name absolute (`.full`) or relative
/// to the origin (`.relative`). The output reads back to the same zone.
public enum CanonicalZoneWriter {
    public enum NameStyle: Sendable { case full, relative }

    public static func write(_ zone: Zone, style: NameStyle = .full) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(zone.recordCount * 48)
        let origin = style == .relative ? zone.origin : nil
        if style == .relative {
            out.append(contentsOf: "$ORIGIN ".utf8)
            zone.origin.appendText(to: &out)
            out.append(0x0A)
        }
        let classText = Array(zone.rrClass.description.utf8)
        for name in zone.sortedNames() {
            var ownerText: [UInt8] = []
            name.appendText(relativeTo: origin, to: &ownerText)
            for rrset in Zone.ordered(zone.node(name)!.rrsets) {
                let typeText = Array(rrset.type.description.utf8)
                for rdata in rrset.rdatas {
                    out.append(contentsOf: ownerText)
                    pad(&out, to: 40, from: ownerText.count)
                    out.append(contentsOf: String(rrset.ttl).utf8)
                    out.append(0x20)
                    out.append(contentsOf: classText)
                    out.append(0x20)
                    out.append(contentsOf: typeText)
                    out.append(0x09)
                    var writer = RDataTextWriter(origin: origin)
                    rdata.writeText(to: &writer)
                    out.append(contentsOf: writer.bytes)
                    out.append(0x0A)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func pad(_ out: inout [UInt8], to column: Int, from length: Int) {
        if length >= column {
            out.append(0x20)
        } else {
            out.append(contentsOf: repeatElement(0x20, count: column - length))
        }
    }
}
