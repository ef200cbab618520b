#include <gumbo.h>
#include <stdlib.h>

/* A bump allocator for gumbo, in C so that each of gumbo's many small allocations is a few instructions
   (through a Swift closure it was a retain, a release and a dynamic call). Nothing is freed until the
   whole parse is dropped with corroborate_arena_release. */
typedef struct CorroborateArena {
    void **chunks;
    size_t count;
    size_t capacity;
    char *cursor;
    size_t remaining;
} CorroborateArena;

static const size_t corroborate_arena_chunk = 1 << 20;

static inline int corroborate_arena_keep(CorroborateArena *arena, void *chunk) {
    if (arena->count == arena->capacity) {
        size_t capacity = arena->capacity ? arena->capacity * 2 : 16;
        void **grown = (void **)realloc(arena->chunks, capacity * sizeof(void *));
        if (!grown) return 0;
        arena->chunks = grown;
        arena->capacity = capacity;
    }
    arena->chunks[arena->count++] = chunk;
    return 1;
}

static inline void *corroborate_arena_allocate(void *userdata, size_t size) {
    CorroborateArena *arena = (CorroborateArena *)userdata;
    size_t rounded = ((size ? size : 1) + 15) & ~(size_t)15;
    if (rounded > arena->remaining) {
        size_t length = rounded > corroborate_arena_chunk ? rounded : corroborate_arena_chunk;
        char *chunk = (char *)malloc(length);
        if (!chunk) return NULL;
        if (!corroborate_arena_keep(arena, chunk)) {
            free(chunk);
            return NULL;
        }
        if (length > corroborate_arena_chunk) return chunk; /* a large block gets a chunk of its own */
        arena->cursor = chunk;
        arena->remaining = length;
    }
    void *pointer = arena->cursor;
    arena->cursor += rounded;
    arena->remaining -= rounded;
    return pointer;
}

static inline void corroborate_arena_deallocate(void *userdata, void *pointer) {
    (void)userdata;
    (void)pointer;
}

static inline void corroborate_arena_release(CorroborateArena *arena) {
    for (size_t index = 0; index < arena->count; index++) free(arena->chunks[index]);
    free(arena->chunks);
    arena->chunks = NULL;
    arena->count = arena->capacity = arena->remaining = 0;
    arena->cursor = NULL;
}
