/* A plain C face over CLD2 (Compact Language Detector 2), whose own header is C++. */
#ifndef CCLD2_H
#define CCLD2_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The outcome of one detection: up to three languages with the percentage of text bytes each covers.
typedef struct {
    /// ISO 639-1 (or CLD2's own) codes as static strings: "en", "zh-Hant", "un" when unknown.
    const char *codes[3];
    /// Percent of the text's bytes in each language.
    int percents[3];
    /// The number of text bytes CLD2 scored (letters, not markup or digits).
    int text_bytes;
    /// CLD2's own reliability verdict for the top language.
    bool is_reliable;
} ccld2_result;

/// A run of the text in one language.
typedef struct {
    /// Its first byte.
    int offset;
    /// Its length in bytes.
    int bytes;
    /// Its language code (static string), "un" when too short or unreliable.
    const char *code;
} ccld2_chunk;

/// Detects the languages of `length` bytes of UTF-8 plain text. Never fails; unknown is "un".
/// When `chunks` is not NULL, also writes up to `capacity` runs of one language each, in text order, and
/// stores how many in `*chunk_count`.
ccld2_result ccld2_detect(const char *utf8, int length, ccld2_chunk *chunks, int capacity, int *chunk_count);

#ifdef __cplusplus
}
#endif

#endif
