/* Fuzz target: the Heart Rate Measurement decoder (hrm_decode), which reads what a
 * Bluetooth sensor sends, and the RR cleaning fed with what it decodes. Whatever the
 * input: a refused notification leaves nothing; an accepted one has a rate and at most
 * HRM_RR_MAX intervals in range; clean beats keep their time moving forward and their
 * intervals inside the physiological limits. */
#include <stddef.h>
#include <stdint.h>
#include "core/hrm.h"
#include "core/rr.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rr_clean c;
    rr_clean_start(&c, 0);
    gw_ns last = 0;
    /* the input as a run of notifications, each prefixed by its length */
    for (size_t at = 0; at < size;) {
        size_t len = data[at++] % 40;
        if (len > size - at)
            len = size - at;
        hrm_reading r;
        if (!hrm_decode(data + at, len, &r)) {
            FUZZ_CHECK(r.bpm == 0 && r.nrr == 0, "refused but kept %d bpm, %d intervals", r.bpm, r.nrr);
        } else {
            FUZZ_CHECK(r.bpm >= 0 && r.bpm <= 65535, "rate %d", r.bpm);
            FUZZ_CHECK(r.nrr >= 0 && r.nrr <= HRM_RR_MAX, "%d intervals", r.nrr);
            for (int i = 0; i < r.nrr; i++) {
                FUZZ_CHECK(r.rr_ms[i] >= 0 && r.rr_ms[i] < 64000, "interval %f", r.rr_ms[i]);
                rr_beat b[3];
                int k = rr_clean_feed(&c, r.rr_ms[i], b, 3);
                FUZZ_CHECK(k >= 0 && k <= 3, "%d beats", k);
                for (int j = 0; j < k; j++) {
                    FUZZ_CHECK(b[j].t >= last, "time went back: %lld < %lld", (long long)b[j].t, (long long)last);
                    FUZZ_CHECK(b[j].rr_ms >= RR_MIN_MS && b[j].rr_ms <= RR_MAX_MS, "clean interval %f", b[j].rr_ms);
                    last = b[j].t;
                }
            }
        }
        at += len;
    }
    return 0;
}
