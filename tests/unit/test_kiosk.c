/* kiosk: settings reader (good, each kind of bad with its place, defaults), idle
 * policy, operating hours, PIN hashing, verification and rate limit; kstats counters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/kiosk.h"
#include "core/kstats.h"

static bool parse(kiosk_config *c, const char *text, kiosk_errors *e)
{
    memset(e, 0, sizeof *e);
    return kiosk_config_parse(c, "k.json", text, strlen(text), e);
}

static void good_config(void **st)
{
    (void)st;
    kiosk_config c;
    kiosk_errors e;
    const char *t = "{\n"
                    "  \"exercises\": [\"box-breathing\", \"ground-54321\"],\n"
                    "  \"idle_timeout\": 45,\n"
                    "  \"attract\": \"box-breathing\",\n"
                    "  \"languages\": [\"en\", \"fr\"],\n"
                    "  \"hours\": {\"open\": \"08:30\", \"close\": \"17:00\", \"outside\": \"blank\"},\n"
                    "  \"volume\": {\"default\": 0.9, \"max\": 0.5},\n"
                    "  \"stats\": true, \"stats_path\": \"/tmp/s.sqlite\"\n"
                    "}\n";
    assert_true(parse(&c, t, &e));
    assert_int_equal(e.n, 0);
    assert_int_equal(c.nexercise, 2);
    assert_string_equal(c.exercise[1], "ground-54321");
    assert_true(c.idle_timeout == GW_SEC(45));
    assert_string_equal(c.attract, "box-breathing");
    assert_int_equal(c.nlang, 2);
    assert_string_equal(c.lang[1], "fr");
    assert_true(c.hours_set);
    assert_int_equal(c.open_min, 8 * 60 + 30);
    assert_int_equal(c.close_min, 17 * 60);
    assert_int_equal(c.outside, KIOSK_OUTSIDE_BLANK);
    assert_true(c.volume == 0.5); /* never above the limit */
    assert_true(c.stats);
    assert_string_equal(c.stats_path, "/tmp/s.sqlite");
    assert_true(kiosk_offers(&c, "box-breathing", true));
    assert_false(kiosk_offers(&c, "pmr-short", true));
    /* named on purpose: offered even when not suited to unattended use */
    assert_true(kiosk_offers(&c, "box-breathing", false));
    assert_true(kiosk_names(&c, "box-breathing"));
    assert_false(kiosk_names(&c, "pmr-short"));
}

static void defaults(void **st)
{
    (void)st;
    kiosk_config c;
    kiosk_errors e;
    assert_true(parse(&c, "{}", &e));
    assert_true(c.idle_timeout == GW_SEC(90));
    assert_int_equal(c.nexercise, 0);
    /* no list: everything suited to unattended use, nothing else */
    assert_true(kiosk_offers(&c, "anything", true));
    assert_false(kiosk_offers(&c, "breathing-4-7-8", false));
    assert_false(kiosk_names(&c, "anything"));
    assert_false(c.stats);
    assert_false(c.hours_set);
    assert_string_equal(c.pin_hash, "");
    assert_true(c.volume <= c.volume_max);
}

static void syntax_error_is_located(void **st)
{
    (void)st;
    kiosk_config c;
    kiosk_errors e;
    assert_false(parse(&c, "{\n  \"idle_timeout\": 30\n  \"stats\": true\n}", &e));
    assert_int_equal(e.n, 1);
    assert_non_null(strstr(e.msg[0], "k.json:3:3: JSON syntax error"));
    assert_true(c.idle_timeout == GW_SEC(90)); /* all defaults */
    assert_false(c.stats);
    assert_false(parse(&c, "{\"stats\": true,}", &e));
    assert_non_null(strstr(e.msg[0], "k.json:1:"));
    assert_false(parse(&c, "", &e));
    assert_non_null(strstr(e.msg[0], "k.json:"));
    assert_false(parse(&c, "[1, 2]", &e));
    assert_non_null(strstr(e.msg[0], "k.json:1:1: the settings must be a JSON object"));
}

static void type_errors_are_located_and_defaulted(void **st)
{
    (void)st;
    kiosk_config c;
    kiosk_errors e;
    const char *t = "{\n"
                    "  \"idle_timeout\": \"ninety\",\n"
                    "  \"stats\": 1,\n"
                    "  \"languages\": [\"en\", 7],\n"
                    "  \"colour\": \"blue\",\n"
                    "  \"hours\": {\"open\": \"25:00\", \"close\": \"18:00\"},\n"
                    "  \"volume\": {\"max\": 2},\n"
                    "  \"admin_pin\": \"1234\",\n"
                    "  \"attract\": \"box-breathing\"\n"
                    "}";
    assert_false(parse(&c, t, &e));
    assert_int_equal(e.n, 7);
    assert_non_null(strstr(e.msg[0], "k.json:2:19: \"idle_timeout\" must be a number of seconds"));
    assert_non_null(strstr(e.msg[1], "k.json:3:12: \"stats\" must be true or false"));
    assert_non_null(strstr(e.msg[2], "k.json:4:23: each entry of \"languages\""));
    assert_non_null(strstr(e.msg[3], "k.json:5:3: unknown key \"colour\""));
    assert_non_null(strstr(e.msg[4], "k.json:6:21: \"hours.open\" must be a time"));
    assert_non_null(strstr(e.msg[5], "k.json:7:21: \"volume.max\""));
    assert_non_null(strstr(e.msg[6], "k.json:8:16: \"admin_pin\" must be a hash"));
    /* bad settings keep their defaults, good ones still apply */
    assert_true(c.idle_timeout == GW_SEC(90));
    assert_false(c.stats);
    assert_false(c.hours_set);
    assert_int_equal(c.nlang, 1);
    assert_string_equal(c.pin_hash, "");
    assert_string_equal(c.attract, "box-breathing");
    memset(&e, 0, sizeof e);
    assert_false(parse(&c, "{\"idle_timeout\": 5}", &e));
    assert_non_null(strstr(e.msg[0], "k.json:1:18:"));
}

static void missing_file(void **st)
{
    (void)st;
    kiosk_config c;
    kiosk_errors e = { 0 };
    assert_false(kiosk_config_load(&c, "/nonexistent/kiosk.json", &e));
    assert_non_null(strstr(e.msg[0], "/nonexistent/kiosk.json: cannot read"));
    assert_true(c.idle_timeout == GW_SEC(90));
}

static void idle_policy(void **st)
{
    (void)st;
    kiosk_config c;
    kiosk_config_defaults(&c);
    assert_false(kiosk_idle_due(&c, GW_SEC(10), GW_SEC(99)));
    assert_true(kiosk_idle_due(&c, GW_SEC(10), GW_SEC(100)));
    assert_true(kiosk_idle_deadline(&c, GW_SEC(10)) == GW_SEC(100));
    c.idle_timeout = GW_SEC(30);
    assert_true(kiosk_idle_due(&c, 0, GW_SEC(30)));
    /* months of monotonic time */
    gw_ns month = 31LL * 24 * 3600 * GW_NS_PER_SEC;
    assert_false(kiosk_idle_due(&c, month, month + GW_SEC(29)));
    assert_true(kiosk_idle_deadline(&c, GW_NEVER - 5) == GW_NEVER);
}

/* A running exercise holds the reset off, but not past KIOSK_HOLD_MAX after the last
 * input: content cannot keep a kiosk from its attract loop for hours. */
static void idle_held_by_a_running_exercise_has_a_ceiling(void **st)
{
    (void)st;
    kiosk_config c;
    kiosk_config_defaults(&c);
    c.idle_timeout = GW_SEC(30);
    gw_ns touch = GW_SEC(100);
    /* nothing ran: the idle timeout after the touch */
    assert_true(kiosk_idle_deadline_running(&c, touch, 0) == touch + GW_SEC(30));
    /* running until a minute later: the timeout counts from then */
    assert_true(kiosk_idle_deadline_running(&c, touch, touch + GW_SEC(60)) == touch + GW_SEC(90));
    /* running for 149 hours (a clip that lied about its length): reset after the hold */
    gw_ns later = touch + GW_SEC(149.0 * 3600);
    assert_true(kiosk_idle_deadline_running(&c, touch, later) == touch + KIOSK_HOLD_MAX + GW_SEC(30));
    assert_true(KIOSK_HOLD_MAX <= GW_SEC(2 * 3600));
    /* a configuration made in code cannot lift the idle timeout past an hour either */
    c.idle_timeout = GW_SEC(1e6);
    assert_true(kiosk_idle_deadline(&c, 0) == GW_SEC(3600));
    assert_true(kiosk_idle_deadline_running(&c, GW_NEVER - 5, GW_NEVER) == GW_NEVER);
}

static void hours(void **st)
{
    (void)st;
    kiosk_config c;
    kiosk_config_defaults(&c);
    assert_int_equal(kiosk_hours_at(&c, 3 * 60), KIOSK_OPEN);
    c.hours_set = true;
    c.open_min = 8 * 60;
    c.close_min = 18 * 60;
    assert_int_equal(kiosk_hours_at(&c, 8 * 60), KIOSK_OPEN);
    assert_int_equal(kiosk_hours_at(&c, 18 * 60 - 1), KIOSK_OPEN);
    assert_int_equal(kiosk_hours_at(&c, 18 * 60), KIOSK_DIM);
    assert_int_equal(kiosk_hours_at(&c, 7 * 60), KIOSK_DIM);
    c.outside = KIOSK_OUTSIDE_BLANK;
    assert_int_equal(kiosk_hours_at(&c, 23 * 60), KIOSK_BLANK);
    c.open_min = 22 * 60; /* across midnight */
    c.close_min = 6 * 60;
    assert_int_equal(kiosk_hours_at(&c, 23 * 60), KIOSK_OPEN);
    assert_int_equal(kiosk_hours_at(&c, 2 * 60), KIOSK_OPEN);
    assert_int_equal(kiosk_hours_at(&c, 12 * 60), KIOSK_BLANK);
    assert_int_equal(kiosk_parse_hhmm("00:00"), 0);
    assert_int_equal(kiosk_parse_hhmm("23:59"), 1439);
    assert_int_equal(kiosk_parse_hhmm("24:00"), -1);
    assert_int_equal(kiosk_parse_hhmm("8:00"), -1);
    assert_int_equal(kiosk_parse_hhmm("08-00"), -1);
}

static void pin_hash_and_verify(void **st)
{
    (void)st;
    char h[KIOSK_PIN_HASH_MAX], h2[KIOSK_PIN_HASH_MAX], err[128];
    assert_true(kiosk_pin_hash("2468", h, err, sizeof err));
    assert_int_equal(strncmp(h, "$argon2", 7), 0);
    assert_null(strstr(h, "2468"));
    assert_true(kiosk_pin_verify(h, "2468"));
    assert_false(kiosk_pin_verify(h, "2469"));
    assert_false(kiosk_pin_verify(h, "24680"));
    assert_false(kiosk_pin_verify("", "2468"));
    assert_false(kiosk_pin_verify("$argon2id$garbage", "2468"));
    assert_true(kiosk_pin_hash("2468", h2, err, sizeof err));
    assert_string_not_equal(h, h2); /* salted */
    assert_false(kiosk_pin_hash("12", h, err, sizeof err));
    assert_non_null(strstr(err, "4 to 12 digits"));
    assert_false(kiosk_pin_hash("12a4", h, err, sizeof err));
    assert_false(kiosk_pin_valid("1234567890123"));
    assert_true(kiosk_pin_valid("000000000000"));
}

static void pin_rate_limit(void **st)
{
    (void)st;
    kiosk_pinlimit p = { 0 };
    gw_ns t = GW_SEC(100);
    assert_true(kiosk_pin_allowed(&p, t));
    kiosk_pin_record(&p, false, t);
    kiosk_pin_record(&p, false, t);
    assert_true(kiosk_pin_allowed(&p, t));
    kiosk_pin_record(&p, false, t);
    assert_false(kiosk_pin_allowed(&p, t + GW_SEC(29)));
    assert_true(kiosk_pin_allowed(&p, t + GW_SEC(30)));
    t += GW_SEC(30);
    kiosk_pin_record(&p, false, t); /* the fourth: 60 s */
    assert_false(kiosk_pin_allowed(&p, t + GW_SEC(59)));
    assert_true(kiosk_pin_allowed(&p, t + GW_SEC(60)));
    t += GW_SEC(60);
    kiosk_pin_record(&p, false, t); /* 120 s */
    assert_false(kiosk_pin_allowed(&p, t + GW_SEC(119)));
    for (int i = 0; i < 40; i++)
        kiosk_pin_record(&p, false, t);
    assert_true(p.locked_until == t + GW_SEC(3600)); /* capped */
    kiosk_pin_record(&p, true, t);
    assert_true(kiosk_pin_allowed(&p, t));
    assert_int_equal(p.fails, 0);
}

static void corner_lang_burnin(void **st)
{
    (void)st;
    assert_true(kiosk_in_corner(0.01f, 0.02f, 1280, 720));
    assert_false(kiosk_in_corner(0.2f, 0.02f, 1280, 720));
    assert_false(kiosk_in_corner(0.02f, 0.2f, 1280, 720));
    kiosk_config c;
    kiosk_config_defaults(&c);
    assert_int_equal(kiosk_lang_at(&c, GW_SEC(100)), 0);
    c.nlang = 3;
    assert_int_equal(kiosk_lang_at(&c, GW_SEC(0)), 0);
    assert_int_equal(kiosk_lang_at(&c, GW_SEC(4)), 1);
    assert_int_equal(kiosk_lang_at(&c, GW_SEC(12)), 0);
    float dx, dy, mx = 0;
    for (int s = 0; s < 24 * 3600; s += 7) {
        kiosk_burnin_offset(GW_SEC(s), 6, &dx, &dy);
        assert_true(dx >= -6 && dx <= 6 && dy >= -6 && dy <= 6);
        if (dx > mx)
            mx = dx;
    }
    assert_true(mx > 5); /* it does move */
    kiosk_burnin_offset(GW_SEC(1), 6, &dx, &dy);
    float dx2, dy2;
    kiosk_burnin_offset(GW_SEC(2), 6, &dx2, &dy2);
    assert_true(dx2 - dx < 0.2f); /* slowly */
}

static void save_and_reload(void **st)
{
    (void)st;
    char dir[] = "/tmp/gw-kiosk-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], err[256];
    snprintf(path, sizeof path, "%s/kiosk.json", dir);
    kiosk_config c, d;
    kiosk_errors e = { 0 };
    kiosk_config_defaults(&c);
    snprintf(c.exercise[0], sizeof c.exercise[0], "box-breathing");
    c.nexercise = 1;
    c.idle_timeout = GW_SEC(60);
    c.hours_set = true;
    c.open_min = 480;
    c.close_min = 1080;
    snprintf(c.pin_hash, sizeof c.pin_hash, "$argon2id$v=19$m=65536,t=2,p=1$abc$def");
    assert_true(kiosk_config_save(&c, path, err, sizeof err));
    assert_true(kiosk_config_load(&d, path, &e));
    assert_int_equal(e.n, 0);
    assert_string_equal(d.exercise[0], "box-breathing");
    assert_true(d.idle_timeout == GW_SEC(60));
    assert_int_equal(d.close_min, 1080);
    assert_string_equal(d.pin_hash, c.pin_hash);
    unlink(path);
    rmdir(dir);
}

/* One entry more than a list holds is refused before it is copied: it used to be written
 * past the array, over the fields after it (found by fuzz_kiosk_config). */
static void list_one_too_long(void **st)
{
    (void)st;
    kiosk_config c;
    kiosk_errors e;
    char t[4096];
    int n = snprintf(t, sizeof t, "{\"admin_pin\": \"$argon2id$v=19$x\", \"idle_timeout\": 3600,\n \"languages\": [");
    for (int i = 0; i < KIOSK_MAX_LANGS; i++)
        n += snprintf(t + n, sizeof t - (size_t)n, "\"l%d\", ", i);
    n += snprintf(t + n, sizeof t - (size_t)n, "\"zzzzzzzzzzzzzzz\"],\n \"exercises\": [");
    for (int i = 0; i < KIOSK_MAX_EXERCISES; i++)
        n += snprintf(t + n, sizeof t - (size_t)n, "\"e%d\", ", i);
    snprintf(t + n, sizeof t - (size_t)n, "\"zzzzzzzzzzzzzzzzzzzzzzzzzz\"]}");
    assert_false(parse(&c, t, &e));
    assert_int_equal(e.n, 2);
    assert_non_null(strstr(e.msg[0], "k.json:2:"));
    assert_non_null(strstr(e.msg[0], "\"languages\" lists more than 8 entries"));
    assert_non_null(strstr(e.msg[1], "k.json:3:"));
    assert_non_null(strstr(e.msg[1], "\"exercises\" lists more than 32 entries"));
    assert_int_equal(c.nlang, KIOSK_MAX_LANGS);
    assert_int_equal(c.nexercise, KIOSK_MAX_EXERCISES);
    assert_string_equal(c.lang[KIOSK_MAX_LANGS - 1], "l7");
    assert_string_equal(c.pin_hash, "$argon2id$v=19$x");
    assert_true(c.idle_timeout == GW_SEC(3600));
}

/* What kiosk_config_save writes reads back as the same values, to the last bit. */
static void saved_values_read_back_exactly(void **st)
{
    (void)st;
    kiosk_config c, d;
    kiosk_errors e;
    assert_true(parse(&c, "{\"idle_timeout\": 45.123456789123, \"volume\": {\"default\": 0.1, "
                          "\"max\": 0.30000000000000004}}", &e));
    char *text = kiosk_config_to_json(&c);
    assert_non_null(text);
    assert_true(parse(&d, text, &e));
    assert_true(d.idle_timeout == c.idle_timeout);
    assert_true(d.volume == c.volume && d.volume_max == c.volume_max);
    free(text);
    kiosk_config_defaults(&c);
    text = kiosk_config_to_json(&c);
    assert_non_null(strstr(text, "\"default\":\t0.6"));  /* short numbers stay short */
    free(text);
}

static void collect(void *ctx, const char *day, long started, long completed)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 256 - n, "%s %ld %ld;", day, started, completed);
}

static void stats_counts(void **st)
{
    (void)st;
    char dir[] = "/tmp/gw-kstats-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], err[256], out[256] = "";
    snprintf(path, sizeof path, "%s/sub/stats.sqlite", dir);
    kstats *k = kstats_open(path, err, sizeof err);
    assert_non_null(k);
    assert_true(kstats_count(k, "2026-01-06", false));
    assert_true(kstats_count(k, "2026-01-05", false));
    assert_true(kstats_count(k, "2026-01-05", false));
    assert_true(kstats_count(k, "2026-01-05", true));
    kstats_close(k);
    k = kstats_open(path, err, sizeof err);
    assert_int_equal(kstats_each(k, collect, out), 2);
    assert_string_equal(out, "2026-01-05 2 1;2026-01-06 1 0;");
    kstats_close(k);
    assert_null(kstats_open("/proc/nope/x.sqlite", err, sizeof err));
    assert_non_null(strstr(err, "/proc/nope/x.sqlite"));
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_config),      cmocka_unit_test(defaults),
        cmocka_unit_test(syntax_error_is_located), cmocka_unit_test(type_errors_are_located_and_defaulted),
        cmocka_unit_test(missing_file),     cmocka_unit_test(idle_policy),
        cmocka_unit_test(idle_held_by_a_running_exercise_has_a_ceiling),
        cmocka_unit_test(hours),            cmocka_unit_test(pin_hash_and_verify),
        cmocka_unit_test(pin_rate_limit),   cmocka_unit_test(corner_lang_burnin),
        cmocka_unit_test(save_and_reload),  cmocka_unit_test(stats_counts),
        cmocka_unit_test(list_one_too_long), cmocka_unit_test(saved_values_read_back_exactly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
