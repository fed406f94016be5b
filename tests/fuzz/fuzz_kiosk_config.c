/* Fuzz target: the kiosk settings reader (kiosk_config_parse). Whatever the input, every
 * value must stay within its documented range (kiosk.h), a problem must come with a
 * located message naming the file, and a configuration written by kiosk_config_to_json
 * (what kiosk_config_save writes) must read back without a problem and be the same.
 * The policies are then asked about the configuration as the kiosk asks them. */
#include <stddef.h>
#include <stdint.h>
#include "core/kiosk.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_ranges(const kiosk_config *c)
{
    FUZZ_CHECK(c->nexercise >= 0 && c->nexercise <= KIOSK_MAX_EXERCISES, "nexercise %d", c->nexercise);
    for (int i = 0; i < c->nexercise; i++) {
        FUZZ_CSTR(c->exercise[i]);
        FUZZ_CHECK(c->exercise[i][0], "exercise %d is empty", i);
    }
    FUZZ_CHECK(c->idle_timeout >= GW_SEC(10) && c->idle_timeout <= GW_SEC(3600), "idle_timeout %lld ns",
               (long long)c->idle_timeout);
    FUZZ_CSTR(c->attract);
    FUZZ_CHECK(c->nlang >= 0 && c->nlang <= KIOSK_MAX_LANGS, "nlang %d", c->nlang);
    for (int i = 0; i < c->nlang; i++) {
        FUZZ_CSTR(c->lang[i]);
        FUZZ_CHECK(c->lang[i][0], "language %d is empty", i);
    }
    FUZZ_CSTR(c->pin_hash);
    FUZZ_CHECK(!c->pin_hash[0] || !strncmp(c->pin_hash, "$argon2", 7), "pin_hash \"%.20s\"", c->pin_hash);
    if (c->hours_set) {
        FUZZ_CHECK(c->open_min >= 0 && c->open_min < 1440 && c->close_min >= 0 && c->close_min < 1440 &&
                       c->open_min != c->close_min,
                   "hours %d-%d", c->open_min, c->close_min);
    } else
        FUZZ_CHECK(c->outside == KIOSK_OUTSIDE_DIM, "outside set without hours");
    FUZZ_CHECK(c->outside == KIOSK_OUTSIDE_DIM || c->outside == KIOSK_OUTSIDE_BLANK, "outside %d", (int)c->outside);
    FUZZ_CHECK(c->volume >= 0 && c->volume <= c->volume_max && c->volume_max <= 1, "volume %g max %g", c->volume,
               c->volume_max);
    FUZZ_CSTR(c->stats_path);
}

static void check_same(const kiosk_config *a, const kiosk_config *b)
{
    FUZZ_CHECK(a->nexercise == b->nexercise, "nexercise %d / %d", a->nexercise, b->nexercise);
    for (int i = 0; i < a->nexercise; i++)
        FUZZ_CHECK(!strcmp(a->exercise[i], b->exercise[i]), "exercise %d", i);
    FUZZ_CHECK(a->idle_timeout == b->idle_timeout, "idle_timeout %lld / %lld ns", (long long)a->idle_timeout,
               (long long)b->idle_timeout);
    FUZZ_CHECK(!strcmp(a->attract, b->attract), "attract");
    FUZZ_CHECK(a->nlang == b->nlang, "nlang %d / %d", a->nlang, b->nlang);
    for (int i = 0; i < a->nlang; i++)
        FUZZ_CHECK(!strcmp(a->lang[i], b->lang[i]), "language %d", i);
    FUZZ_CHECK(!strcmp(a->pin_hash, b->pin_hash), "pin_hash");
    FUZZ_CHECK(a->hours_set == b->hours_set && a->outside == b->outside, "hours_set / outside");
    if (a->hours_set)
        FUZZ_CHECK(a->open_min == b->open_min && a->close_min == b->close_min, "hours");
    FUZZ_CHECK(a->volume == b->volume && a->volume_max == b->volume_max, "volume %.17g %.17g / %.17g %.17g",
               a->volume, a->volume_max, b->volume, b->volume_max);
    FUZZ_CHECK(a->stats == b->stats, "stats");
    FUZZ_CHECK(!strcmp(a->stats_path, b->stats_path), "stats_path");
}

static void use_config(const kiosk_config *c)
{
    volatile long long sink = 0;
    for (int m = -1; m <= 1440; m += 7)
        sink += kiosk_hours_at(c, m);
    for (gw_ns t = 0; t < GW_SEC(40); t += GW_SEC(3))
        sink += kiosk_lang_at(c, t);
    sink += kiosk_idle_deadline(c, GW_NEVER - GW_SEC(5)) == GW_NEVER;
    sink += kiosk_idle_due(c, 0, c->idle_timeout);
    sink += kiosk_offers(c, "box-breathing", true);
    if (c->nexercise > 0)
        FUZZ_CHECK(kiosk_offers(c, c->exercise[c->nexercise - 1], false), "the last exercise listed is offered");
    else
        FUZZ_CHECK(!kiosk_offers(c, "breathing-4-7-8", false), "with no list, only unattended exercises");
    (void)sink;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kiosk_config c, r;
    kiosk_errors e;
    memset(&e, 0, sizeof e);
    bool ok = kiosk_config_parse(&c, "kiosk.json", (const char *)data, size, &e);
    FUZZ_CHECK(e.n >= 0 && e.n <= KIOSK_MAX_ERRORS, "%d messages", e.n);
    FUZZ_CHECK(ok == (e.n == 0), "ok %d with %d messages", ok, e.n);
    for (int i = 0; i < e.n; i++) {
        FUZZ_CSTR(e.msg[i]);
        FUZZ_CHECK(!strncmp(e.msg[i], "kiosk.json", 10), "message %d names the file: %s", i, e.msg[i]);
    }
    check_ranges(&c);
    use_config(&c);

    char *text = kiosk_config_to_json(&c);
    if (!text)
        return 0; /* out of memory */
    memset(&e, 0, sizeof e);
    ok = kiosk_config_parse(&r, "again.json", text, strlen(text), &e);
    FUZZ_CHECK(ok, "the written settings read back without a problem: %s\n%s", e.n ? e.msg[0] : "", text);
    check_same(&c, &r);
    free(text);
    return 0;
}
