/* The kiosk PIN's wrong-entry count and lockout outlast a restart: three wrong PINs in
 * one run, and the next run (a new app, as after a power cut) still refuses the keypad
 * for the rest of the wait; a right PIN clears it. The state file holds two numbers only;
 * a damaged one, or a link, is no history and is reported; a lockout read back is never
 * longer than the longest wait; the file is written atomically and never through a link.
 * The live kiosk keeps it; a virtual run (play) keeps nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "app/mode_kiosk.h"
#include "core/kpin.h"

static char dir[64], state[200];
/* "2468" */
static const char *HASH = "$argon2id$v=19$m=65536,t=2,p=1$LIzcKeTDxsRo3Q9eKRnUHg$FMGSZ25PoQ/28jg3Li+KaHOWQ+noxh+BjB7XQg6GIzQ";

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

typedef struct run {
    app a;
    char *out;
    size_t len;
    FILE *f;
    trace *tr;
    char cfg[128];
    pack_set packs; /* none: the keypad needs no content */
} run;

/* A kiosk as the live program starts it (wall clock live), with a PIN set. */
static void start(run *r, bool live)
{
    memset(r, 0, sizeof *r);
    snprintf(r->cfg, sizeof r->cfg, "%s/kiosk.json", dir);
    char text[512];
    snprintf(text, sizeof text, "{\"admin_pin\": \"%s\"}\n", HASH);
    write_file(r->cfg, text);
    r->f = open_memstream(&r->out, &r->len);
    r->tr = trace_from_file(r->f);
    app_config cfg = { .mode = "kiosk", .packs = &r->packs, .tr = r->tr, .kiosk_config = r->cfg,
                       .kiosk_wall_live = live };
    app_init(&r->a, &cfg);
    app_update(&r->a, GW_SEC(1));
}

static void stop(run *r)
{
    app_free(&r->a);
    trace_close(r->tr);
    fclose(r->f);
}

/* Opens the keypad with the key chord and enters digits. */
static void enter_pin(run *r, gw_ns *t, const char *digits)
{
    gw_event k = { .type = EV_KEY, .mods = GW_MOD_CTRL | GW_MOD_ALT | GW_MOD_SHIFT };
    snprintf(k.key, sizeof k.key, "K");
    app_update(&r->a, *t);
    if (r->a.scene != &scene_admin)
        app_event(&r->a, &k);
    assert_ptr_equal(r->a.scene, &scene_admin);
    for (const char *d = digits; *d; d++) {
        char id[8] = { 'p', 'i', 'n', ':', *d, 0 };
        assert_true(app_press(&r->a, id));
    }
    assert_true(app_press(&r->a, "pin-ok"));
    *t += GW_SEC(1);
}

static int count(const char *text, const char *what)
{
    int n = 0;
    for (const char *p = text; p && (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

static void lockout_outlasts_a_restart(void **st)
{
    (void)st;
    unlink(state);
    run r;
    start(&r, true);
    gw_ns t = GW_SEC(2);
    enter_pin(&r, &t, "1111");
    enter_pin(&r, &t, "2222");
    enter_pin(&r, &t, "3333");
    assert_false(kiosk_pin_allowed(app_kiosk_pin_limit(&r.a), r.a.now));
    stop(&r);
    assert_int_equal(count(r.out, "\"why\": \"wrong\""), 3);
    free(r.out);
    /* two numbers, nothing else */
    const char *saved = read_all(state);
    assert_non_null(saved);
    assert_non_null(strstr(saved, "\"fails\": 3"));
    assert_null(strstr(saved, "1111"));
    assert_null(strstr(saved, "3333"));
    struct stat sb;
    assert_int_equal(stat(state, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);

    /* restarted: still locked, the right PIN refused unchecked */
    start(&r, true);
    t = GW_SEC(2);
    assert_false(kiosk_pin_allowed(app_kiosk_pin_limit(&r.a), r.a.now));
    assert_int_equal(app_kiosk_pin_limit(&r.a)->fails, 3);
    enter_pin(&r, &t, "2468");
    stop(&r);
    assert_non_null(strstr(r.out, "\"event\": \"pin_state\", \"fails\": 3"));
    assert_non_null(strstr(r.out, "\"why\": \"locked\""));
    assert_null(strstr(r.out, "\"reason\": \"admin\""));
    free(r.out);

    /* a virtual run (play) neither reads nor writes it */
    start(&r, false);
    assert_true(kiosk_pin_allowed(app_kiosk_pin_limit(&r.a), r.a.now));
    assert_int_equal(app_kiosk_pin_limit(&r.a)->fails, 0);
    stop(&r);
    free(r.out);
    assert_non_null(strstr(read_all(state), "\"fails\": 3"));
}

static void damaged_or_linked_state_is_no_history(void **st)
{
    (void)st;
    run r;
    write_file(state, "{\"fails\": 3, \"locked_until\": ");
    start(&r, true);
    assert_true(kiosk_pin_allowed(app_kiosk_pin_limit(&r.a), r.a.now));
    assert_int_equal(app_kiosk_pin_limit(&r.a)->fails, 0);
    stop(&r);
    assert_non_null(strstr(r.out, "kiosk-pin.json: damaged"));
    assert_non_null(strstr(r.out, "no lockout history is used"));
    free(r.out);

    /* a link is neither read nor written through */
    char target[128];
    snprintf(target, sizeof target, "%s/elsewhere.json", dir);
    write_file(target, "{\"fails\": 9, \"locked_until\": 99999999999}\n");
    unlink(state);
    assert_int_equal(symlink(target, state), 0);
    start(&r, true);
    assert_true(kiosk_pin_allowed(app_kiosk_pin_limit(&r.a), r.a.now));
    gw_ns t = GW_SEC(2);
    enter_pin(&r, &t, "1111");
    stop(&r);
    assert_non_null(strstr(r.out, "symbolic link"));
    free(r.out);
    assert_non_null(strstr(read_all(target), "\"fails\": 9")); /* untouched */
    struct stat sb;
    assert_int_equal(lstat(state, &sb), 0);
    assert_true(S_ISREG(sb.st_mode)); /* the link itself replaced by the state */
    assert_non_null(strstr(read_all(state), "\"fails\": 1"));
    unlink(target);
}

static void read_back_in_program_time(void **st)
{
    (void)st;
    kiosk_pinlimit p = { 0 }, q;
    char buf[96], err[160];
    long long wall = 1800000000LL;
    kiosk_pin_record(&p, false, GW_SEC(10));
    kiosk_pin_record(&p, false, GW_SEC(11));
    kiosk_pin_record(&p, false, GW_SEC(12)); /* locked until 42 s */
    kpin_format(&p, GW_SEC(20), wall, buf, sizeof buf);
    assert_string_equal(buf, "{\"fails\": 3, \"locked_until\": 1800000022}\n");
    /* after a restart 5 s later: 17 s left, in the new run's time */
    assert_true(kpin_parse(&q, buf, strlen(buf), GW_SEC(1), wall + 5, err, sizeof err));
    assert_int_equal(q.fails, 3);
    assert_true(q.locked_until == GW_SEC(18));
    /* long after: no wait, the count kept (the next wrong one locks at once) */
    assert_true(kpin_parse(&q, buf, strlen(buf), GW_SEC(1), wall + 600, err, sizeof err));
    assert_int_equal(q.fails, 3);
    assert_true(q.locked_until == 0);
    /* a file from the future (or a clock set back): never more than the longest wait */
    const char *future = "{\"fails\": 40, \"locked_until\": 99999999999}";
    assert_true(kpin_parse(&q, future, strlen(future), GW_SEC(2), wall, err, sizeof err));
    assert_true(q.locked_until == GW_SEC(2) + GW_SEC(3600));
    /* damage of each kind */
    const char *bad[] = { "", "[]", "{\"fails\": -1, \"locked_until\": 0}", "{\"fails\": 1.5, \"locked_until\": 0}",
                          "{\"fails\": 2}", "{\"fails\": 2, \"locked_until\": \"soon\"}", "\x01\x02" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        q.fails = 7;
        assert_false(kpin_parse(&q, bad[i], strlen(bad[i]), 0, wall, err, sizeof err));
        assert_int_equal(q.fails, 0);
        assert_true(q.locked_until == 0);
    }
}

static void leftover_temporary_link_not_followed(void **st)
{
    (void)st;
    char tmp[256], target[128], err[400];
    snprintf(tmp, sizeof tmp, "%s.tmp", state);
    snprintf(target, sizeof target, "%s/victim", dir);
    write_file(target, "keep me\n");
    unlink(tmp);
    assert_int_equal(symlink(target, tmp), 0);
    kiosk_pinlimit p = { .fails = 2 };
    assert_true(kpin_save(&p, state, 0, 1800000000LL, err, sizeof err));
    assert_string_equal(read_all(target), "keep me\n");
    assert_non_null(strstr(read_all(state), "\"fails\": 2"));
    unlink(target);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/gw-pin-state-XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    char st[128];
    snprintf(st, sizeof st, "%s/state", dir);
    setenv("XDG_STATE_HOME", st, 1);
    snprintf(state, sizeof state, "%s/groundwork/kiosk-pin.json", st);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lockout_outlasts_a_restart),
        cmocka_unit_test(damaged_or_linked_state_is_no_history),
        cmocka_unit_test(read_back_in_program_time),
        cmocka_unit_test(leftover_temporary_link_not_followed),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
