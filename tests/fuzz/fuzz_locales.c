/* Fuzz target: the locales.json readers. The run's (locales_add_buffer, what
 * locales_add_file runs on the file's bytes) and validate's (locales_check, as a pack's
 * file and as a deployment's own). What validate accepts without an error the run must
 * load; a file that loaded is then used as the safety overlay uses it (the disclaimer,
 * the line for several regions, the countries' names). */
#include <stddef.h>
#include <stdint.h>
#include "core/locales.h"
#include "fuzz_check.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const LANGS[] = { "en", "es", "de", "ar" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    locales l = { 0 };
    char err[512] = "";
    bool loaded = locales_add_buffer(&l, "locales.json", buf, size, err, sizeof err);
    FUZZ_CHECK(loaded || strncmp(err, "locales.json: ", 14) == 0, "a refusal names the file: %s", err);
    volatile size_t sink = 0;
    if (loaded) {
        static const char *const REGIONS[] = { "US", "GB", "ES", "", "*", "ZZ" };
        for (size_t i = 0; i < sizeof REGIONS / sizeof REGIONS[0]; i++) {
            sink += strlen(locales_crisis_line(&l, REGIONS[i], "es_ES.UTF-8"));
            const char *name = locales_region_name(&l, REGIONS[i], "ar");
            sink += name ? strlen(name) : 0;
        }
        sink += strlen(locales_disclaimer(&l, "de"));
        char out[8][4];
        int n = locales_regions(&l, out, 8);
        for (int i = 0; i < n && i < 8; i++) FUZZ_CSTR(out[i]);
        char region[8];
        (void)locales_region_for(&l, "es", region, sizeof region);
        FUZZ_CSTR(region);
    }
    locales_free(&l);

    for (int standalone = 0; standalone <= 1; standalone++) {
        pack_diags d = { 0 };
        bool ok = locales_check("locales.json", buf, size, standalone != 0, LANGS, 4, &d);
        FUZZ_CHECK(ok == (pack_diags_errors(&d) == 0), "locales_check's answer and its errors agree");
        FUZZ_CHECK(!ok || loaded, "validate accepts a file the run refuses (%s)", err);
        fuzz_format_diags(&d);
        pack_diags_free(&d);
    }
    (void)sink;
    return 0;
}
