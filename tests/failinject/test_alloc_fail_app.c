/* Allocation failure injection through the program's own paths (the sibling of
 * test_alloc_fail.c, with the same method): a short headless `play` run of the built-in
 * pack (run_play, as `groundwork play --no-draw --checkins` runs it: the library, a
 * favourite starred, a check-in, box breathing to its end, the check-in after), a
 * practice-log write (plog open of a new log, begin, finish, rating, note, list,
 * close), and a settings save and load.
 *
 * Every allocation goes through one counter: gw_core, gw_platform and gw_app through
 * -Wl,--wrap (tests/failinject.cmake), cJSON through its hooks, SQLite through
 * sqlite3_config(SQLITE_CONFIG_MALLOC). For N = 1, 2, ... the Nth allocation fails
 * until the operation completes without reaching N. Each run must end in success only
 * if nothing failed, otherwise in an error the person is told of (a message, an
 * `error` event, a non-zero exit), with every block freed; and what was reported must
 * be what is on disk: a log write reported as failed is not there, one reported as
 * saved is, and a settings save that failed left the previous file as it was.
 *
 * SQLite marks some allocations benign (a cache that is merely smaller when one
 * fails); it says so through SQLITE_TESTCTRL_BENIGN_MALLOC_HOOKS, and such a failure
 * may end in success.
 *
 * The play run's first allocations load the built-in pack, swept in full by
 * test_alloc_fail.c; here they are swept only at their two ends. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "app/run.h"
#include "core/plog.h"
#include "core/script.h"
#include "core/settings.h"
#include "core/trace.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void  __real_free(void *p);
char *__real_realpath(const char *path, char *resolved);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);
void  __wrap_free(void *p);
char *__wrap_strdup(const char *s);
char *__wrap_realpath(const char *path, char *resolved);

static long g_calls;      /* allocations asked for since arm() */
static long g_fail_at;    /* the allocation that fails (1-based); 0: none */
static long g_live;       /* blocks handed out and not yet freed */
static long g_injected;   /* failures injected in all */
static int  g_benign;     /* inside an allocation SQLite calls benign */
static bool g_benign_hit; /* the failure injected fell in one */

static void arm(long n)
{
    g_calls = 0;
    g_fail_at = n;
    g_live = 0;
    g_benign_hit = false;
}

/* To see where failure N is injected:
 * GW_ALLOC_OP=play GW_ALLOC_TRAP=N gdb -ex 'break trap_point' ... */
__attribute__((noinline)) static void trap_point(void) { __asm__ volatile(""); }

static int fail_now(void)
{
    if (++g_calls == g_fail_at && g_fail_at) {
        static long trap = -1;
        if (trap < 0) trap = getenv("GW_ALLOC_TRAP") ? atol(getenv("GW_ALLOC_TRAP")) : 0;
        if (trap == g_fail_at) trap_point();
        g_injected++;
        g_benign_hit = g_benign > 0;
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void *__wrap_malloc(size_t n)
{
    if (fail_now()) return NULL;
    void *p = __real_malloc(n);
    if (p) g_live++;
    return p;
}

void *__wrap_calloc(size_t n, size_t m)
{
    if (fail_now()) return NULL;
    void *p = __real_calloc(n, m);
    if (p) g_live++;
    return p;
}

void *__wrap_realloc(void *p, size_t n)
{
    if (fail_now()) return NULL;
    void *q = __real_realloc(p, n);
    if (q && !p) g_live++;
    return q;
}

void __wrap_free(void *p)
{
    if (p) g_live--;
    __real_free(p);
}

char *__wrap_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = __wrap_malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

char *__wrap_realpath(const char *path, char *resolved)
{
    if (!resolved && fail_now()) return NULL;
    char *r = __real_realpath(path, resolved);
    if (r && !resolved) g_live++;
    return r;
}

/* ---- SQLite's allocator: the same counter; the size kept in front of each block ---- */

#define HDR 16 /* keeps SQLite's 8-byte alignment */

static void *sq_malloc(int n)
{
    if (n <= 0 || fail_now()) return NULL;
    char *p = __real_malloc((size_t)n + HDR);
    if (!p) return NULL;
    g_live++;
    *(int *)p = n;
    return p + HDR;
}

static void sq_free(void *p)
{
    if (!p) return;
    g_live--;
    __real_free((char *)p - HDR);
}

static void *sq_realloc(void *p, int n)
{
    if (n <= 0 || fail_now()) return NULL;
    char *q = __real_realloc((char *)p - HDR, (size_t)n + HDR);
    if (!q) return NULL;
    *(int *)q = n;
    return q + HDR;
}

static int sq_size(void *p) { return p ? *(int *)((char *)p - HDR) : 0; }
static int sq_roundup(int n) { return (n + 7) & ~7; }
static int sq_init(void *x) { (void)x; return SQLITE_OK; }
static void sq_shutdown(void *x) { (void)x; }
static void benign_begin(void) { g_benign++; }
static void benign_end(void) { g_benign--; }

/* ---- the files the operations use ---- */

static char g_dir[64];
static char g_db[128], g_settings[128], g_script[128], g_trace[128], g_err[128];

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static char *read_text(const char *path)
{
    static char buf[1 << 16];
    buf[0] = 0;
    FILE *f = fopen(path, "r");
    if (f) {
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = 0;
        fclose(f);
    }
    return buf;
}

static void remove_log(void)
{
    char j[160];
    unlink(g_db);
    snprintf(j, sizeof j, "%s-journal", g_db);
    unlink(j);
}

typedef struct outcome {
    int ok;    /* the operation succeeded */
    int told;  /* it failed and said so */
} outcome;

typedef struct op {
    const char *what;
    void (*prepare)(void);             /* before each run, nothing failing */
    outcome (*run)(void);              /* the operation, with allocation N failing */
    void (*verify)(outcome o, long n); /* after, nothing failing: is the disk what was reported? */
} op;

/* ---- 1. a practice-log write ---- */

static struct {
    bool open, begun, finished, rated, noted, listed;
} g_log;

static outcome log_run(void)
{
    char err[512] = "";
    memset(&g_log, 0, sizeof g_log);
    plog *p = plog_open(g_db, err, sizeof err);
    int64_t id = -1;
    g_log.open = p != NULL;
    if (p)
        g_log.begun = (id = plog_begin(p, "box-breathing", "2026-01-01T09:00:00Z", 6, err, sizeof err)) > 0;
    if (g_log.begun)
        g_log.finished = plog_finish(p, id, "2026-01-01T09:04:00Z", true, "{\"cycles\": 1}", err, sizeof err);
    if (g_log.finished)
        g_log.rated = plog_set_after(p, id, 2, err, sizeof err);
    if (g_log.rated)
        g_log.noted = plog_add_note(p, id, "calmer", err, sizeof err);
    if (g_log.noted) {
        plog_session *s;
        int n = plog_list(p, &s, err, sizeof err);
        g_log.listed = n == 1 && s[0].after == 2 && !strcmp(s[0].notes, "calmer");
        if (n >= 0) plog_sessions_free(s, n);
        if (n >= 0 && !g_log.listed) fail_msg("plog_list read back the wrong session");
    }
    plog_close(p);
    return (outcome){ g_log.listed, !g_log.listed && err[0] != 0 };
}

static void log_verify(outcome o, long n)
{
    (void)o;
    char err[512] = "";
    plog *p = plog_open(g_db, err, sizeof err);
    if (!p) fail_msg("log write, failure %ld: the log cannot be opened afterwards: %s", n, err);
    if (!plog_integrity_ok(p)) fail_msg("log write, failure %ld: integrity_check fails", n);
    plog_session *s;
    int k = plog_list(p, &s, err, sizeof err);
    if (k != (g_log.begun ? 1 : 0))
        fail_msg("log write, failure %ld: %d sessions on disk, but the start was %s", n, k,
                 g_log.begun ? "reported saved" : "reported failed");
    if (k == 1) {
        if (!!s[0].end[0] != g_log.finished)
            fail_msg("log write, failure %ld: the end is%s on disk, but was reported %s", n, s[0].end[0] ? "" : " not",
                     g_log.finished ? "saved" : "failed");
        if ((s[0].after == 2) != g_log.rated || (!strcmp(s[0].notes, "calmer")) != g_log.noted)
            fail_msg("log write, failure %ld: the rating or note on disk differs from what was reported", n);
    }
    if (k > 0) plog_sessions_free(s, k);
    plog_close(p);
}

/* ---- 2. a settings save and load ---- */

static const char OLD_SETTINGS[] = "{\"theme\": \"light\", \"text_size\": 120, \"favourites\": [\"five-senses\"]}\n";
static bool g_saved;

static void settings_prepare(void) { write_text(g_settings, OLD_SETTINGS); }

static void settings_new(settings *s)
{
    settings_defaults(s);
    snprintf(s->theme, sizeof s->theme, "contrast");
    s->text_pct = 150;
    s->welcomed = true;
    snprintf(s->lang, sizeof s->lang, "es");
    s->nfav = 2;
    snprintf(s->fav[0], sizeof s->fav[0], "box-breathing");
    snprintf(s->fav[1], sizeof s->fav[1], "pmr-16");
}

static outcome settings_run(void)
{
    char err[512] = "";
    settings s, r;
    settings_new(&s);
    g_saved = settings_save(&s, g_settings, err, sizeof err);
    if (!g_saved) return (outcome){ 0, err[0] != 0 };
    err[0] = 0;
    settings_status st = settings_load(&r, g_settings, err, sizeof err);
    if (st == SETTINGS_OK && memcmp(&r, &s, sizeof r) != 0) fail_msg("settings read back differ from those saved");
    return (outcome){ st == SETTINGS_OK, st != SETTINGS_OK && err[0] != 0 };
}

static void settings_verify(outcome o, long n)
{
    (void)o;
    char err[512] = "";
    settings s, want;
    if (g_saved) settings_new(&want);
    if (!g_saved && strcmp(read_text(g_settings), OLD_SETTINGS))
        fail_msg("settings, failure %ld: the save failed but the file changed", n);
    if (g_saved && (settings_load(&s, g_settings, err, sizeof err) != SETTINGS_OK || memcmp(&s, &want, sizeof s)))
        fail_msg("settings, failure %ld: the save succeeded but the file does not hold the new settings", n);
    char tmp[160];
    snprintf(tmp, sizeof tmp, "%s.tmp", g_settings);
    if (access(tmp, F_OK) == 0) fail_msg("settings, failure %ld: a temporary file was left", n);
}

/* ---- 3. a short headless play run ---- */

static const char SCRIPT[] =
    "{\"at\": 0.5, \"press\": \"favourite:box-breathing\"}\n"
    "{\"at\": 1, \"press\": \"exercise:box-breathing\"}\n"
    "{\"at\": 1, \"press\": \"cautions-start\"}\n"
    "{\"at\": 2, \"press\": \"rating:6\"}\n"
    "{\"at\": 30, \"press\": \"done\"}\n"
    "{\"at\": 31, \"key\": \"2\"}\n"
    "{\"at\": 32, \"end\": true}\n";
static int g_play_rc;

static void play_prepare(void)
{
    remove_log();
    write_text(g_settings, OLD_SETTINGS);
    unlink(g_trace);
}

static outcome play_run(void)
{
    run_options o = { 0 };
    o.mode = "home";
    o.script = g_script;
    o.trace = g_trace;
    o.no_draw = true;
    o.checkins = true;
    o.cycles = 1;
    o.at = -1;
    fflush(stderr);
    int saved = dup(2);
    int fd = open(g_err, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    dup2(fd, 2);
    close(fd);
    g_play_rc = run_play(&o);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    bool err_event = strstr(read_text(g_trace), "\"event\": \"error\"") != NULL;
    bool said = read_text(g_err)[0] != 0;
    bool ok = g_play_rc == 0 && !err_event && !said;
    return (outcome){ ok, !ok };
}

static void play_verify(outcome o, long n)
{
    if (!o.ok) return;
    /* a run that reported nothing wrong did everything: the session logged, rated
     * after, and the favourite saved */
    char err[512] = "";
    plog *p = plog_open(g_db, err, sizeof err);
    plog_session *s = NULL;
    int k = p ? plog_list(p, &s, err, sizeof err) : -1;
    if (k != 1 || !s[0].completed || s[0].before != 6 || s[0].after != 2)
        fail_msg("play, failure %ld: reported nothing wrong, yet the log holds %d sessions", n, k);
    if (k > 0) plog_sessions_free(s, k);
    plog_close(p);
    if (!strstr(read_text(g_settings), "box-breathing"))
        fail_msg("play, failure %ld: reported nothing wrong, yet the favourite was not saved", n);
}

/* ---- the sweep ---- */

static long count_of(const op *o)
{
    if (o->prepare) o->prepare();
    arm(0);
    o->run();
    return g_calls;
}

typedef struct sweep_result {
    long allocations, injected, benign, silent_msg;
} sweep_result;

/* Fails allocation N for N in [from, to] (to 0: until the operation completes). */
static void sweep_range(const op *o, long from, long to, sweep_result *r)
{
    for (long n = from; !to || n <= to; n++) {
        if (o->prepare) o->prepare();
        arm(n);
        outcome out = o->run();
        long calls = g_calls, live = g_live;
        bool benign = g_benign_hit;
        arm(0);
        if (live != 0) fail_msg("%s: failing allocation %ld of %ld leaks %ld blocks", o->what, n, calls, live);
        if (calls < n) { /* no failure reached: it must have worked */
            if (!out.ok) fail_msg("%s: did not complete with no allocation failing", o->what);
            if (o->verify) o->verify(out, n);
            r->allocations = calls;
            return;
        }
        r->injected++;
        if (out.ok && !benign)
            fail_msg("%s: allocation %ld of %ld failed, yet it reported success", o->what, n, calls);
        if (out.ok) r->benign++;
        else if (!out.told) r->silent_msg++;
        if (o->verify) o->verify(out, n);
    }
}

static void sweep(const op *o, long skip_from, long skip_to)
{
    sweep_result r = { 0 };
    long total = count_of(o);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (skip_from > 0 && skip_to > skip_from) {
        sweep_range(o, 1, skip_from - 1, &r);
        sweep_range(o, skip_to + 1, 0, &r);
    } else
        sweep_range(o, 1, 0, &r);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (r.allocations != total) fail_msg("%s: %ld allocations, then %ld", o->what, total, r.allocations);
    printf("%s: %ld allocations; %ld failed in turn", o->what, total, r.injected);
    if (skip_to > skip_from) printf(" (all but %ld to %ld, loading the pack)", skip_from, skip_to);
    printf(", all handled (%ld of them benign for SQLite and ended in success; %ld without a message: the "
           "message itself could not be allocated); %.1f s\n",
           r.benign, r.silent_msg, (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
}

static const op LOG = { "practice-log write (open a new log, begin, finish, rating, note, list, close)", remove_log,
                        log_run, log_verify };
static const op SETTINGS = { "settings save and load", settings_prepare, settings_run, settings_verify };
static const op PLAY = { "play --no-draw --checkins of box breathing (library, favourite, check-ins, 1 cycle)",
                         play_prepare, play_run, play_verify };

/* GW_ALLOC_OP=settings, log or play runs that operation alone (with GW_ALLOC_TRAP). */
static bool chosen(const char *name)
{
    const char *only = getenv("GW_ALLOC_OP");
    if (only && *only && strcmp(only, name)) {
        printf("%s: skipped (GW_ALLOC_OP=%s)\n", name, only);
        return false;
    }
    return true;
}

static void test_log_write(void **st) { (void)st; if (chosen("log")) sweep(&LOG, 0, 0); }
static void test_settings(void **st) { (void)st; if (chosen("settings")) sweep(&SETTINGS, 0, 0); }

/* What play allocates before the pack is loaded (the script, the trace), and with it. */
static long g_before_pack, g_pack;
static outcome load_only(void)
{
    char err[256];
    script *s = script_load(g_script, err, sizeof err);
    trace *tr = trace_open(g_trace);
    g_before_pack = g_calls;
    pack_set ps = { 0 };
    run_options o = { 0 };
    run_load_content(&ps, &o);
    g_pack = g_calls - g_before_pack;
    pack_set_free(&ps);
    trace_close(tr);
    script_free(s);
    return (outcome){ 1, 0 };
}

static void test_play(void **st)
{
    (void)st;
    if (!chosen("play")) return;
    const op only = { "load", play_prepare, load_only, NULL };
    count_of(&only);
    /* the pack's first and last 16 allocations are failed here too */
    sweep(&PLAY, g_before_pack + 17, g_before_pack + g_pack - 16);
}

static int setup(void **st)
{
    (void)st;
    snprintf(g_dir, sizeof g_dir, "/dev/shm/gw-allocapp-XXXXXX"); /* fsync costs nothing there */
    if (!mkdtemp(g_dir)) {
        snprintf(g_dir, sizeof g_dir, "/tmp/gw-allocapp-XXXXXX");
        if (!mkdtemp(g_dir)) return -1;
    }
    char d[128], c[128];
    snprintf(d, sizeof d, "%s/data", g_dir);
    snprintf(c, sizeof c, "%s/config", g_dir);
    setenv("XDG_DATA_HOME", d, 1);
    setenv("XDG_CONFIG_HOME", c, 1);
    setenv("GROUNDWORK_DATA_DIR", GW_BINARY_DIR "/data", 1);
    snprintf(g_db, sizeof g_db, "%s/data/groundwork/practice.sqlite", g_dir);
    snprintf(g_settings, sizeof g_settings, "%s/config/groundwork/settings.json", g_dir);
    snprintf(g_script, sizeof g_script, "%s/s.jsonl", g_dir);
    snprintf(g_trace, sizeof g_trace, "%s/t.jsonl", g_dir);
    snprintf(g_err, sizeof g_err, "%s/stderr.txt", g_dir);
    mkdir(d, 0700);
    mkdir(c, 0700);
    snprintf(d, sizeof d, "%s/data/groundwork", g_dir);
    snprintf(c, sizeof c, "%s/config/groundwork", g_dir);
    mkdir(d, 0700);
    mkdir(c, 0700);
    write_text(g_script, SCRIPT);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    static const sqlite3_mem_methods mem = { sq_malloc, sq_free, sq_realloc, sq_size, sq_roundup,
                                             sq_init, sq_shutdown, NULL };
    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &mem) != SQLITE_OK ||
        sqlite3_test_control(SQLITE_TESTCTRL_BENIGN_MALLOC_HOOKS, benign_begin, benign_end) != SQLITE_OK ||
        sqlite3_initialize() != SQLITE_OK) {
        fputs("cannot hook SQLite's allocator\n", stderr);
        return 1;
    }
    cJSON_InitHooks(&(cJSON_Hooks){ .malloc_fn = __wrap_malloc, .free_fn = __wrap_free });
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_settings),
        cmocka_unit_test(test_log_write),
        cmocka_unit_test(test_play),
    };
    int r = cmocka_run_group_tests(tests, setup, teardown);
    printf("alloc-fail-app: %ld allocation failures injected\n", g_injected);
    return r;
}
