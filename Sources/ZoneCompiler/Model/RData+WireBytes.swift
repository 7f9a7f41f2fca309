extension RData {
    /// The uncompressed wire form, which keeps the case of embedded names.
    var wireBytes: [UInt8] {
        var writer = WireWriter()
        encode(to: &writer, compress: false)
        return writer.bytes
    }
}
