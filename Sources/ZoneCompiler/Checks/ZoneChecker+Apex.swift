extension ZoneChecker {
    /// The apex: SOA and NS present, NS targets resolvable, timers and serial sane.
    mutating func checkApex(previousSerial: UInt32?) {
        let apex = zone.node(zone.origin)
        guard let soaSet = apex?.rrset(.soa), case .soa(let soa)? = soaSet.rdatas.first else {
            sink.report(.soaMissing, "the zone \(zone.origin) has no SOA record at its apex", owner: zone.origin,
                        bind: "\(zonePrefix)has 0 SOA records")
            checkApexNS(apex)
            return
        }
        checkApexNS(apex)
        if let apex, apex.has(.cds) || apex.has(.cdnskey) { checkCDS(apex) }
        if let nsec3params = apex?.rrset(.nsec3param) { checkNSEC3PARAM(nsec3params) }

        if soa.retry >= soa.refresh {
            sink.report(.soaTimers, "SOA retry \(soa.retry) is not below refresh \(soa.refresh): secondaries would retry no sooner than they refresh",
                        at: soaSet.firstLocation, owner: zone.origin)
        }
        if soa.expire <= UInt64(soa.refresh) + UInt64(soa.retry) {
            sink.report(.soaTimers, "SOA expire \(soa.expire) is not above refresh + retry (\(UInt64(soa.refresh) + UInt64(soa.retry))): secondaries could expire the zone before retrying",
                        at: soaSet.firstLocation, owner: zone.origin)
        }
        if let previousSerial {
            let relation = SerialNumber(soa.serial).compare(to: SerialNumber(previousSerial))
            if relation != .greater {
                let what = relation == .equal ? "is the same as" : (relation == .less ? "is below" : "cannot be compared with")
                sink.report(.serialRegression,
                            "SOA serial \(soa.serial) \(what) the previous serial \(previousSerial) (RFC 1982): secondaries will not transfer this version",
                            at: soaSet.firstLocation, owner: zone.origin)
            }
        }
    }

    /// CDS and CDNSKEY ask the parent to change its DS records, so each algorithm they
    /// name needs a DNSKEY here, and a delete request (RFC 8078 §4) must stand alone
    /// (BIND's dns_zone_cdscheck).
    mutating func checkCDS(_ apex: ZoneNode) {
        let keyAlgorithms = Set(apex.rrset(.dnskey)?.rdatas.compactMap { rdata -> UInt8? in
            if case .dnskey(let key) = rdata { return key.algorithm }
            return nil
        } ?? [])
        let hasKeys = apex.has(.dnskey)
        var consistent = true
        for type in [RRType.cds, .cdnskey] {
            guard let rrset = apex.rrset(type) else { continue }
            var deletes = false
            var algorithms = Set<UInt8>()
            for rdata in rrset.rdatas {
                switch rdata {
                case .cds(let cds) where cds.keyTag == 0 && cds.algorithm == 0 && cds.digestType == 0 && cds.digest == [0]:
                    deletes = true
                case .cdnskey(let key) where key.flags == 0 && key.protocolNumber == 3 && key.algorithm == 0 && key.publicKey == [0]:
                    deletes = true
                case .cds(let cds):
                    algorithms.insert(cds.algorithm)
                case .cdnskey(let key):
                    algorithms.insert(key.algorithm)
                default:
                    break
                }
            }
            if !algorithms.isEmpty && (!hasKeys || deletes || !algorithms.isSubset(of: keyAlgorithms)) { consistent = false }
        }
        if !consistent {
            let location = (apex.rrset(.cds) ?? apex.rrset(.cdnskey))?.firstLocation
            sink.report(.cdsDNSKEYMismatch, "the apex CDS/CDNSKEY records do not match its DNSKEY records (an algorithm without a key, or a delete request beside other records)",
                        at: location, owner: zone.origin, bind: "\(zonePrefix)CDS/CDNSKEY consistency checks failed")
        }
    }

    /// A zone whose NSEC3PARAM records all name hash algorithms nobody implements
    /// cannot be served with NSEC3 (BIND refuses it); many iterations cost resolvers
    /// work for no protection (RFC 9276).
    mutating func checkNSEC3PARAM(_ rrset: RRSet) {
        var unsupported: [String] = []
        for (index, rdata) in rrset.rdatas.enumerated() {
            guard case .nsec3param(let parameters) = rdata else { continue }
            if parameters.hashAlgorithm != 1 {
                unsupported.append("\(zonePrefix)unsupported nsec3 hash algorithm: \(parameters.hashAlgorithm)")
            } else if parameters.iterations > 150 {
                sink.report(.nsec3paramIterations, "NSEC3PARAM with \(parameters.iterations) iterations; RFC 9276 asks for 0",
                            at: rrset.location(at: index), owner: zone.origin,
                            bind: "\(zonePrefix)excessive NSEC3PARAM iterations \(parameters.iterations) > 150")
            }
        }
        if unsupported.count == rrset.rdatas.count {
            sink.report(.nsec3paramUnsupported, "no NSEC3PARAM record uses a supported hash algorithm (1, SHA-1)",
                        at: rrset.firstLocation, owner: zone.origin,
                        bind: (unsupported + ["\(zonePrefix)no supported nsec3 hash algorithm"]).joined(separator: "\n"))
        }
    }

    private mutating func checkApexNS(_ apex: ZoneNode?) {
        guard let nsSet = apex?.rrset(.ns), !nsSet.rdatas.isEmpty else {
            sink.report(.nsMissing, "the zone \(zone.origin) has no NS records at its apex", owner: zone.origin,
                        bind: "\(zonePrefix)has no NS records")
            return
        }
        if nsSet.rdatas.count < 2 {
            sink.report(.nsCount, "only one NS record at the apex: one server is a single point of failure",
                        at: nsSet.firstLocation, owner: zone.origin)
        }
        // BIND checks apex NS addresses in class IN only (zone_check_ns).
        guard zone.rrClass == .in else { return }
        for (index, rdata) in nsSet.rdatas.enumerated() {
            guard case .ns(let ns) = rdata, ns.target.isSubdomain(of: zone.origin) else { continue }
            let location = nsSet.location(at: index)
            switch lookup.findAddress(ns.target) {
            case .found, .delegation, .outOfZone:
                break
            case .cname:
                sink.report(.apexNSNoAddress, "apex NS target \(ns.target) is a CNAME (RFC 2181 §10.3)", at: location,
                            owner: zone.origin, bind: "\(zonePrefix)NS '\(ns.target.bindText)' is a CNAME (illegal)")
            case .belowDNAME(let dname):
                sink.report(.apexNSNoAddress, "apex NS target \(ns.target) is below a DNAME", at: location,
                            owner: zone.origin, bind: "\(zonePrefix)NS '\(ns.target.bindText)' is below a DNAME '\(dname.bindText)' (illegal)")
            case .noData, .nxDomain, .emptyNonTerminal:
                sink.report(.apexNSNoAddress, "apex NS target \(ns.target) has no address records (A or AAAA)", at: location,
                            owner: zone.origin, bind: "\(zonePrefix)NS '\(ns.target.bindText)' has no address records (A or AAAA)")
            }
        }
    }
}
