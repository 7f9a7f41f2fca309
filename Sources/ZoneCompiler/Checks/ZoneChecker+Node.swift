extension ZoneChecker {
    /// RRset types that may share a name with a CNAME (RFC 2181 §10.1, RFC 4035 §2.5).
    static let allowedBesideCNAME: Set<RRType> = [.cname, .rrsig, .nsec, .key, .sig]

    mutating func checkNode(_ name: DomainName, _ node: ZoneNode) {
        let isApex = name == zone.origin
        let cut = lookup.hasCuts ? lookup.enclosingCut(of: name, includingSelf: false) : nil
        let dname = lookup.hasDNAMEs ? lookup.enclosingDNAME(of: name) : nil
        // BIND checks targets only for names a query can reach: not below a cut or a
        // DNAME, and at a delegation point only the NS records.
        let visible = cut == nil && dname == nil
        let delegates = !isApex && node.has(.ns)

        if let dname {
            let first = node.rrsets.first
            sink.report(.dataBelowDNAME, "\(name) is below the DNAME at \(dname); no query can reach it",
                        at: first?.firstLocation, owner: name)
        } else if let cut {
            checkOccluded(name, node, below: cut)
        } else if !isApex && lookup.hasCuts && node.has(.ns) {
            checkOccluded(name, node, below: name)
        }
        checkWildcardLabels(name, node)

        for rrset in node.rrsets {
            switch rrset.type {
            case .soa:
                checkSOA(name, rrset, isApex: isApex)
            case .cname:
                checkCNAME(name, node, rrset)
            case .dname:
                if rrset.rdatas.count > 1 {
                    sink.report(.dnameMultiple, "\(name) has \(rrset.rdatas.count) DNAME records; a name may have only one",
                                at: rrset.location(at: 1), owner: name,
                                bind: "dns_master_load: \(bindPrefix(rrset.location(at: 1)))\(name.bindText): multiple RRs of singleton type",
                                result: "multiple RRs of singleton type")
                }
                if !isApex && node.has(.ns) {
                    sink.report(.nsBesideDNAME, "\(name) has both NS and DNAME records below the apex", at: rrset.firstLocation, owner: name)
                }
            case .resinfo:
                if rrset.rdatas.count > 1 {
                    sink.report(.resinfoMultiple, "\(name) has \(rrset.rdatas.count) RESINFO records; a name may have only one",
                                at: rrset.location(at: 1), owner: name,
                                bind: "dns_master_load: \(bindPrefix(rrset.location(at: 1)))\(name.bindText): multiple RRs of singleton type",
                                result: "multiple RRs of singleton type")
                }
            case .ds:
                if isApex {
                    sink.report(.dsAtApex, "DS record at the zone apex \(name); it belongs in the parent zone",
                                at: rrset.firstLocation, owner: name,
                                bind: "\(bindPrefix(rrset.firstLocation))DS record at top of zone (\(name.bindText))", result: "at top of zone")
                }
            case .ns:
                if !isApex && visible { checkDelegation(name, rrset) }
            case .mx:
                if visible && !delegates { checkMX(name, rrset) }
            case .srv:
                if visible && !delegates { checkSRV(name, rrset) }
            case .spf:
                if visible && !delegates && !node.rrset(.txt).map(Self.hasSPFText).orFalse {
                    sink.report(.spfWithoutTXT, "\(name) has an SPF-type record but no TXT record starting with v=spf1; receivers only read TXT",
                                at: rrset.firstLocation, owner: name,
                                bind: "\(zonePrefix)'\(name.bindText)' found type SPF record but no SPF TXT record found, add matching type TXT record")
                }
            default:
                break
            }
            checkNames(name, rrset)
        }
    }

    static func hasSPFText(_ txt: RRSet) -> Bool {
        txt.rdatas.contains { rdata in
            guard case .txt(let record) = rdata else { return false }
            let text = record.strings.first ?? []
            let prefix = Array("v=spf1".utf8)
            return text.starts(with: prefix) && (text.count == prefix.count || text[prefix.count] == 0x20)
        }
    }

    private mutating func checkSOA(_ name: DomainName, _ rrset: RRSet, isApex: Bool) {
        if !isApex {
            sink.report(.soaNotAtApex, "SOA record at \(name), below the apex \(zone.origin)", at: rrset.firstLocation, owner: name,
                        bind: "\(bindPrefix(rrset.firstLocation))SOA record not at top of zone (\(name.bindText))", result: "not at top of zone")
        }
        if rrset.rdatas.count > 1 {
            sink.report(.soaMultiple, "\(name) has \(rrset.rdatas.count) SOA records; a zone has exactly one",
                        at: rrset.location(at: 1), owner: name,
                        bind: "dns_master_load: \(bindPrefix(rrset.location(at: 1)))\(name.bindText): multiple RRs of singleton type",
                                result: "multiple RRs of singleton type")
        }
    }

    private mutating func checkCNAME(_ name: DomainName, _ node: ZoneNode, _ rrset: RRSet) {
        if rrset.rdatas.count > 1 {
            sink.report(.cnameMultiple, "\(name) has \(rrset.rdatas.count) CNAME records; a name may have only one",
                        at: rrset.location(at: 1), owner: name,
                        bind: "dns_master_load: \(bindPrefix(rrset.location(at: 1)))\(name.bindText): multiple RRs of singleton type",
                                result: "multiple RRs of singleton type")
        }
        let others = node.rrsets.filter { !Self.allowedBesideCNAME.contains($0.type) }
        if !others.isEmpty {
            // Point at whichever of the CNAME and the other data came second.
            let cnameLine = rrset.firstLocation
            let otherLine = others.compactMap(\.firstLocation).min { ($0.file, $0.line) < ($1.file, $1.line) }
            let location = [cnameLine, otherLine].compactMap { $0 }.max { ($0.file, $0.line) < ($1.file, $1.line) }
            let types = others.map { $0.type.description }.joined(separator: ", ")
            sink.report(.cnameAndOtherData, "\(name) has a CNAME and other data (\(types))", at: location, owner: name,
                        bind: "dns_master_load: \(bindPrefix(location))\(name.bindText): CNAME and other data", result: "CNAME and other data")
        }
        if case .cname(let cname)? = rrset.rdatas.first, cname.target.isSubdomain(of: zone.origin),
           lookup.find(cname.target, .cname) == .nxDomain {
            sink.report(.cnameTargetMissing, "CNAME \(name) points at \(cname.target), which does not exist in the zone",
                        at: rrset.firstLocation, owner: name)
        }
    }

    private mutating func checkOccluded(_ name: DomainName, _ node: ZoneNode, below cut: DomainName) {
        let atCut = name == cut
        for rrset in node.rrsets {
            switch rrset.type {
            case .ns where atCut, .ds where atCut, .nsec, .rrsig:
                continue
            case .a where isNSTarget(name), .aaaa where isNSTarget(name):
                continue
            default:
                let message = atCut
                    ? "\(rrset.type) at the delegation point \(name) is not authoritative data; only NS, DS and glue belong there"
                    : "\(name)/\(rrset.type) is below the delegation at \(cut) and is not glue; no query reaches it"
                sink.report(.occludedData, message, at: rrset.firstLocation, owner: name)
            }
        }
    }

    private mutating func checkWildcardLabels(_ name: DomainName, _ node: ZoneNode) {
        guard name.wire.withUnsafeBufferPointer(Self.hasInnerWildcard) else { return }
        let location = node.rrsets.compactMap(\.firstLocation).min { ($0.file, $0.line) < ($1.file, $1.line) }
        sink.report(.nonTerminalWildcard, "\(name) has a '*' label that is not the leftmost label, so it is not a wildcard",
                    at: location, owner: name,
                    bind: "\(bindPrefix(location))warning: ownername '\(name.bindText)' contains an non-terminal wildcard")
    }
}

extension Optional where Wrapped == Bool {
    var orFalse: Bool { self ?? false }
}
