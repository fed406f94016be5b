/* Fuzz target: the `play` script parser (JSON Lines) from bytes. */
#include <stddef.h>
#include <stdint.h>
#include "core/script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    script *s = script_parse("fuzz.jsonl", (const char *)data, size, err, sizeof err);
    script_free(s);
    return 0;
}
