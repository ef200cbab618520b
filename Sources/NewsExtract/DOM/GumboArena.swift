internal import CGumbo
internal import Glibc

/// A bump allocator for gumbo: frees nothing until the whole parse is dropped.
///
/// NB: gumbo 0.10.1's `gumbo_destroy_output` recurses once per nesting level, so a page nested 100,000 deep
/// would overflow the stack on the way out. With this arena the tree is never walked to be freed; the chunks
/// are released at once. Memory stays proportional to the page (gumbo's freed buffers are not reused, which
/// at most doubles it).
final class GumboArena {
    private var chunks: [UnsafeMutableRawPointer] = []
    private var cursor: UnsafeMutableRawPointer?
    private var remaining = 0
    private static let chunkSize = 1 << 20

    deinit { for chunk in chunks { free(chunk) } }

    func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let rounded = (max(size, 1) + 15) & ~15
        if rounded > remaining {
            let length = max(rounded, Self.chunkSize)
            guard let chunk = malloc(length) else { return nil }
            chunks.append(chunk)
            if length > Self.chunkSize { return chunk }  // a large block gets a chunk of its own
            cursor = chunk
            remaining = length
        }
        let pointer = cursor!
        cursor = pointer + rounded
        remaining -= rounded
        return pointer
    }

    /// Gumbo options that allocate from this arena; valid while the arena lives.
    func options() -> GumboOptions {
        var options = kGumboDefaultOptions
        options.userdata = Unmanaged.passUnretained(self).toOpaque()
        options.allocator = { userdata, size in
            Unmanaged<GumboArena>.fromOpaque(userdata!).takeUnretainedValue().allocate(size)
        }
        options.deallocator = { _, _ in }
        // NB: gumbo's error list would grow with every parse error of a broken page; nothing reads it.
        options.max_errors = 0
        return options
    }
}
