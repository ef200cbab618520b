/* A narrow C face over system ICU: plain C types only, so Swift modules that import Foundation (which
   carries its own ICU) never see the system ICU headers. */
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

/// Word boundaries (UBRK_WORD).
#define CICU_WORDS 0
/// Sentence boundaries (UBRK_SENTENCE).
#define CICU_SENTENCES 1

/// Writes the UTF-16 boundary offsets of `text` (and, when `statuses` is not NULL, the rule status of the
/// segment ending at each boundary) for the given kind and ICU locale such as "en@ss=standard".
/// Returns the number of boundaries written, or -1 when ICU fails or `capacity` is too small.
int32_t cicu_breaks(int kind, const char *locale, const uint16_t *text, int32_t length, int32_t *boundaries,
                    int32_t *statuses, int32_t capacity);

#endif
