#include "cicu.h"
#include <string.h>
#include <unicode/ubrk.h>

/* Opening a break iterator loads rules and, for "ss=standard", builds the suppression filter: far more work
   than breaking a news article. Each thread keeps its last iterator per kind and only resets its text.
   NB: the cached iterators live as long as their thread; there are two per thread at most. */
static _Thread_local UBreakIterator *cached[2];
static _Thread_local char cached_locale[2][64];

static UBreakIterator *iterator_for(int kind, const char *locale, UErrorCode *status) {
    int slot = kind == CICU_SENTENCES ? 1 : 0;
    if (cached[slot] && strncmp(cached_locale[slot], locale, sizeof cached_locale[slot]) == 0) return cached[slot];
    UBreakIterator *iterator = ubrk_open(slot ? UBRK_SENTENCE : UBRK_WORD, locale, NULL, 0, status);
    if (U_FAILURE(*status)) return NULL;
    if (strlen(locale) < sizeof cached_locale[slot]) {
        if (cached[slot]) ubrk_close(cached[slot]);
        cached[slot] = iterator;
        strcpy(cached_locale[slot], locale);
    }
    return iterator;
}

int32_t cicu_breaks(int kind, const char *locale, const uint16_t *text, int32_t length, int32_t *boundaries,
                    int32_t *statuses, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = iterator_for(kind, locale, &status);
    if (!iterator) return -1;
    int slot = kind == CICU_SENTENCES ? 1 : 0;
    int owned = iterator != cached[slot];
    ubrk_setText(iterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) {
        if (owned) ubrk_close(iterator);
        return -1;
    }
    int32_t count = 0;
    for (int32_t boundary = ubrk_first(iterator); boundary != UBRK_DONE; boundary = ubrk_next(iterator)) {
        if (count == capacity) {
            count = -1;
            break;
        }
        boundaries[count] = boundary;
        if (statuses) statuses[count] = ubrk_getRuleStatus(iterator);
        count++;
    }
    /* The iterator must not keep a pointer into the caller's buffer once this returns. */
    static const UChar empty[1] = {0};
    status = U_ZERO_ERROR;
    ubrk_setText(iterator, empty, 0, &status);
    if (owned) ubrk_close(iterator);
    return count;
}
