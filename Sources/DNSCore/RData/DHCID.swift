/// DHCP client identifier digest (RFC 4701 §3), which ties a name to a DHCP client.
public struct DHCID: Base64DataFormat {
    public static let rrType = RRType.dhcid
    public var data: [UInt8]
    public init(data: [UInt8]) { self.data = data }
    public var rdata: RData { .dhcid(self) }
}
