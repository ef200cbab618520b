internal import CZlib
internal import Foundation

/// Decompresses gzip data (the evaluation pages are stored as `.html.gz`).
enum Gzip {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func decompress(_ data: Data) throws -> [UInt8] {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var input = [UInt8](data)
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            var code = Z_OK
            repeat {
                code = buffer.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: buffer[0..<(buffer.count - Int(stream.avail_out))])
            } while code == Z_OK
            return code
        }
        guard status == Z_STREAM_END else { throw Failure(description: "not valid gzip (zlib status \(status))") }
        return output
    }
}
