extension RRType {
    /// Types whose RDATA names are lower-cased in DNSSEC canonical form (RFC 4034
    /// §6.2, less HINFO and NSEC per RFC 6840 §5.1). Two records of these types that
    /// differ only in the case of such names are the same record.
    public static let caseFoldedInCanonicalForm: Set<RRType> = [
        .ns, .md, .mf, .cname, .soa, .mb, .mg, .mr, .ptr, .minfo, .mx, .rp, .afsdb, .rt,
        .sig, .px, .nxt, .naptr, .kx, .srv, .dname, .a6, .rrsig,
    ]
}
