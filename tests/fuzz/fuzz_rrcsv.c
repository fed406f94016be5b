/* Fuzz target: the RR recording reader (rrcsv_parse) behind --hr-replay. Whatever the
 * input: a refused file gives nothing and a reason that names its line; an accepted one
 * has at least one interval, every one in 1-10000 ms. */
#include <stddef.h>
#include <stdint.h>
#include "core/rrcsv.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rrcsv c;
    char why[200];
    why[0] = 0;
    if (!rrcsv_parse(&c, (const char *)data, size, why, sizeof why)) {
        FUZZ_CHECK(c.n == 0 && c.rr_ms == NULL, "refused but kept %d", c.n);
        FUZZ_CHECK(!strncmp(why, "line ", 5), "reason without a line: %s", why);
        return 0;
    }
    FUZZ_CHECK(c.n > 0 && c.n <= RRCSV_MAX_BEATS, "%d intervals", c.n);
    for (int i = 0; i < c.n; i++)
        FUZZ_CHECK(c.rr_ms[i] >= 1 && c.rr_ms[i] <= 10000, "interval %f", c.rr_ms[i]);
    rrcsv_free(&c);
    return 0;
}
