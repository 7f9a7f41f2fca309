/// For `--check`: `server` and `local` accept any name without looking it up, so a
/// check never touches the network.
struct OfflineResolver: AddressResolving {
    func addresses(of host: String, port: UInt16, families: AddressFamilies, limit: Int) -> Result<[SocketAddress], ResolveError> {
        if let literal = SocketAddress(literal: host, port: port) { return .success([literal]) }
        return .success([])
    }
}
