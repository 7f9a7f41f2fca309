@_exported import DNSCore
