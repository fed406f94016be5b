/* Fuzz target: the pack loader and validator from the bytes of a pack.json, with no
 * pack folder (dir NULL), so nothing else is read. Built with libFuzzer in build-fuzz
 * (tests/fuzz.cmake) and, in every other build, with tests/fuzz/replay_main.c to
 * replay the seed corpus and the regressions. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pack_diags d = {0};
    pack *p = pack_load_buffer("fuzz.json", (const char *)data, size, NULL, &d);
    fuzz_format_diags(&d);
    if (p) fuzz_use_pack(p);
    pack_free(p);
    pack_diags_free(&d);
    return 0;
}
