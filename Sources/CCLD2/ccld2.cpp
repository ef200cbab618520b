#include "ccld2.h"
#include <cstdio>  // NB: CLD2's header uses FILE without including it.
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

extern "C" ccld2_result ccld2_detect(const char *utf8, int length, ccld2_chunk *chunks, int capacity,
                                     int *chunk_count) {
    CLD2::Language languages[3];
    int percents[3];
    double scores[3];
    int text_bytes = 0;
    bool reliable = false;
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::ResultChunkVector vector;
    CLD2::ExtDetectLanguageSummary(utf8, length, true, &hints, 0, languages, percents, scores,
                                   chunks ? &vector : nullptr, &text_bytes, &reliable);
    if (chunks && chunk_count) {
        int count = 0;
        for (const CLD2::ResultChunk &chunk : vector) {
            if (count == capacity) break;
            chunks[count].offset = chunk.offset;
            chunks[count].bytes = chunk.bytes;
            chunks[count].code = CLD2::LanguageCode(static_cast<CLD2::Language>(chunk.lang1));
            count++;
        }
        *chunk_count = count;
    }
    ccld2_result result;
    for (int i = 0; i < 3; i++) {
        result.codes[i] = CLD2::LanguageCode(languages[i]);
        result.percents[i] = percents[i];
    }
    result.text_bytes = text_bytes;
    result.is_reliable = reliable;
    return result;
}
