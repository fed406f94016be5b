/* Fuzz target: the kiosk PIN's lockout state reader (kpin_parse), which reads a file in
 * the kiosk's state folder. Whatever the input: a refused text leaves no history; an
 * accepted one gives a count in range and a lockout that ends within the longest wait
 * (an hour) after now, and what kpin_format writes from it reads back the same. */
#include <stddef.h>
#include <stdint.h>
#include "core/kpin.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const gw_ns now = GW_SEC(5);
    const long long wall = 1800000000LL;
    kiosk_pinlimit p, r;
    char err[160], text[96];
    err[0] = 0;
    bool ok = kpin_parse(&p, (const char *)data, size, now, wall, err, sizeof err);
    if (!ok) {
        FUZZ_CHECK(p.fails == 0 && p.locked_until == 0, "refused but kept %d, %lld", p.fails,
                   (long long)p.locked_until);
        FUZZ_CHECK(err[0] && memchr(err, 0, sizeof err), "refused without a reason");
        return 0;
    }
    FUZZ_CHECK(p.fails >= 0 && p.fails <= 1000000, "fails %d", p.fails);
    FUZZ_CHECK(p.locked_until == 0 || (p.locked_until > now && p.locked_until <= now + GW_SEC(3600)),
               "locked until %lld ns", (long long)p.locked_until);
    kpin_format(&p, now, wall, text, sizeof text);
    FUZZ_CHECK(kpin_parse(&r, text, strlen(text), now, wall, err, sizeof err), "written state refused: %s", text);
    FUZZ_CHECK(r.fails == p.fails && r.locked_until == p.locked_until, "read back %d, %lld / %d, %lld", r.fails,
               (long long)r.locked_until, p.fails, (long long)p.locked_until);
    kiosk_pin_allowed(&p, now);
    kiosk_pin_record(&p, false, now);
    FUZZ_CHECK(p.locked_until <= now + GW_SEC(3600), "a wrong PIN locks for more than an hour");
    return 0;
}
