import NIOCore

/// Splits a DNS-over-TCP byte stream into messages by their two-octet length prefix
/// (RFC 1035 §4.2.2, RFC 7766 §8). The only thing the transfer client's pipeline does
/// with bytes; what the messages mean is `TransferSession`'s business.
struct DNSTCPFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt16.self),
              buffer.readableBytes >= 2 + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 2)
        context.fireChannelRead(Self.wrapInboundOut(buffer.readSlice(length: Int(length))!))
        return .continue
    }
}
