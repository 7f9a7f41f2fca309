/// Start of authority (RFC 1035 §3.3.13).
public struct SOA: RDataFormat {
    public static let rrType = RRType.soa
    /// The primary name server (MNAME).
    public var mname: DomainName
    /// The mailbox of the person responsible, as a name (RNAME).
    public var rname: DomainName
    public var serial: UInt32
    public var refresh: UInt32
    public var retry: UInt32
    public var expire: UInt32
    /// The negative-caching TTL (RFC 2308 §4).
    public var minimum: UInt32

    public init(mname: DomainName, rname: DomainName, serial: UInt32, refresh: UInt32, retry: UInt32, expire: UInt32, minimum: UInt32) {
        self.mname = mname
        self.rname = rname
        self.serial = serial
        self.refresh = refresh
        self.retry = retry
        self.expire = expire
        self.minimum = minimum
    }

    public init(wire reader: inout WireReader) throws(WireError) {
        mname = try reader.readName()
        rname = try reader.readName()
        serial = try reader.readU32()
        refresh = try reader.readU32()
        retry = try reader.readU32()
        expire = try reader.readU32()
        minimum = try reader.readU32()
    }

    public func encode(to writer: inout WireWriter, compress: Bool) {
        writer.writeName(mname, compress: compress)
        writer.writeName(rname, compress: compress)
        writer.writeU32(serial)
        writer.writeU32(refresh)
        writer.writeU32(retry)
        writer.writeU32(expire)
        writer.writeU32(minimum)
    }

    public init(text reader: inout RDataTextReader) throws(TextError) {
        mname = try reader.name("the primary name server (MNAME)")
        rname = try reader.name("the responsible mailbox (RNAME)")
        serial = try reader.u32("serial")
        refresh = try reader.duration("refresh")
        retry = try reader.duration("retry")
        expire = try reader.duration("expire")
        minimum = try reader.duration("minimum")
    }

    public func writeText(to writer: inout RDataTextWriter) {
        writer.name(mname)
        writer.name(rname)
        writer.number(serial)
        writer.number(refresh)
        writer.number(retry)
        writer.number(expire)
        writer.number(minimum)
    }

    public var rdata: RData { .soa(self) }
}
