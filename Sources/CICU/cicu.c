#include "cicu.h"
#include <unicode/ubrk.h>

int32_t cicu_breaks(int kind, const char *locale, const uint16_t *text, int32_t length, int32_t *boundaries,
                    int32_t *statuses, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator =
        ubrk_open(kind == CICU_SENTENCES ? UBRK_SENTENCE : UBRK_WORD, locale, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    for (int32_t boundary = ubrk_first(iterator); boundary != UBRK_DONE; boundary = ubrk_next(iterator)) {
        if (count == capacity) {
            ubrk_close(iterator);
            return -1;
        }
        boundaries[count] = boundary;
        if (statuses) statuses[count] = ubrk_getRuleStatus(iterator);
        count++;
    }
    ubrk_close(iterator);
    return count;
}
