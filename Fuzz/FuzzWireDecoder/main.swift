import DNSCore

/// Decodes arbitrary bytes as a DNS message. Decoding may fail, but never crash or hang;
/// when it succeeds, the message must survive a round trip: encoding it and decoding
/// the result gives an equal message, and encoding that gives the same bytes again.
/// Truncated encodings must decode too, and text rendering must not crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let message: Message
    do {
        message = try Message(wire: bytes)
    } catch {
        _ = error.description
        return 0
    }

    let encoded = message.encode()
    let again: Message
    do {
        again = try Message(wire: encoded)
    } catch {
        fatalError("re-encoded message does not decode: \(error)\ninput: \(bytes)\nencoded: \(encoded)")
    }
    guard again == message else {
        fatalError("round trip changed the message\ninput: \(bytes)\nencoded: \(encoded)")
    }
    guard again.encode() == encoded else {
        fatalError("encoding is not stable\ninput: \(bytes)\nencoded: \(encoded)")
    }

    // Truncation keeps a decodable message that fits, unless the fixed part alone does not.
    for limit in [512, encoded.count - 1] where limit > 0 {
        let cut = message.encode(maxSize: limit)
        let decoded: Message
        do {
            decoded = try Message(wire: cut)
        } catch {
            fatalError("truncated message does not decode: \(error)\ninput: \(bytes)\nlimit: \(limit)")
        }
        let fixedPart = decoded.answers.isEmpty && decoded.authorities.isEmpty && decoded.additionals.isEmpty
        guard cut.count <= limit || fixedPart else {
            fatalError("truncated message is \(cut.count) octets, over \(limit)\ninput: \(bytes)")
        }
    }

    _ = message.text(style: .dig)
    _ = message.text(style: .nsupdate)
    _ = message.text(style: .nsupdateShow)
    return 0
}
