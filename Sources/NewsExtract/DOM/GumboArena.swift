internal import CGumbo

/// A bump allocator for gumbo (`CorroborateArena` in the C shim): frees nothing until the whole parse is dropped.
///
/// NB: gumbo 0.10.1's `gumbo_destroy_output` recurses once per nesting level, so a page nested 100,000 deep
/// would overflow the stack on the way out. With this arena the tree is never walked to be freed; the chunks
/// are released at once. Memory stays proportional to the page (gumbo's freed buffers are not reused, which
/// at most doubles it).
final class GumboArena {
    private let arena: UnsafeMutablePointer<CorroborateArena>

    init() {
        arena = .allocate(capacity: 1)
        arena.initialize(to: CorroborateArena())
    }

    deinit {
        corroborate_arena_release(arena)
        arena.deallocate()
    }

    /// Gumbo options that allocate from this arena; valid while the arena lives.
    func options() -> GumboOptions {
        var options = kGumboDefaultOptions
        options.userdata = UnsafeMutableRawPointer(arena)
        options.allocator = corroborate_arena_allocate
        options.deallocator = corroborate_arena_deallocate
        // NB: gumbo's error list would grow with every parse error of a broken page; nothing reads it.
        options.max_errors = 0
        return options
    }
}
