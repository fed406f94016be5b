/* Allocation failure injection (issue 11). Linked with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=free,--wrap=realpath
 * (tests/failinject.cmake), so every allocation gw_core makes, and every one cJSON
 * makes (its hooks are pointed here), goes through a counter. For N = 1, 2, ... the
 * Nth allocation fails, until an operation completes without reaching N. Each run
 * must end in a clean error or success, never a crash, and must free everything it
 * allocated (counted here, so leaks are caught in the gcc build too, and again by
 * LeakSanitizer in the ASan build).
 * Operations: loading the built-in pack (content/core) with pack_load_dir and with a
 * pack_set, and parsing a play script. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include "core/pack.h"
#include "core/script.h"

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

static long g_calls;     /* allocations asked for since arm() */
static long g_fail_at;   /* the allocation that fails (1-based); 0: none */
static long g_live;      /* blocks handed out and not yet freed */
static long g_injected;  /* failures injected in all */
static long g_last_count; /* allocations of the last operation swept */

static void arm(long n)
{
    g_calls = 0;
    g_fail_at = n;
    g_live = 0;
}

/* To see where failure N is injected: GW_ALLOC_TRAP=N gdb -ex 'break trap_point' ... */
__attribute__((noinline)) static void trap_point(void) { __asm__ volatile(""); }

static int fail_now(void)
{
    if (g_fail_at && ++g_calls == g_fail_at) {
        static long trap = -1;
        if (trap < 0) trap = getenv("GW_ALLOC_TRAP") ? atol(getenv("GW_ALLOC_TRAP")) : 0;
        if (trap == g_fail_at) trap_point();
        g_injected++;
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

typedef struct outcome {
    int  ok;        /* the operation succeeded */
    int  told;      /* it failed and said so (a diagnostic or an error message) */
} outcome;

static outcome load_core(void)
{
    pack_diags d = {0};
    pack *p = pack_load_dir(GW_SOURCE_DIR "/content/core", &d);
    outcome o = {p != NULL && p->nexercise > 0, pack_diags_errors(&d) > 0};
    pack_free(p);
    pack_diags_free(&d);
    return o;
}

/* Test packs with images and voice clips, which the built-in pack does not have. */
static outcome load_test_packs(void)
{
    pack_diags d = {0};
    pack *p = pack_load_dir(GW_SOURCE_DIR "/tests/packs/good/prompts", &d);
    pack *q = pack_load_dir(GW_SOURCE_DIR "/tests/packs/good/guided", &d);
    outcome o = {p && q, pack_diags_errors(&d) > 0};
    pack_free(p);
    pack_free(q);
    pack_diags_free(&d);
    return o;
}

static outcome load_core_set(void)
{
    pack_set s = {0};
    bool added = pack_set_add_dir(&s, GW_SOURCE_DIR "/content/core");
    outcome o = {added && pack_set_find(&s, "box-breathing") != NULL, pack_diags_errors(&s.diags) > 0};
    pack_set_free(&s);
    return o;
}

static char *g_script;
static size_t g_script_len;

static outcome parse_script(void)
{
    char err[256] = "";
    script *s = script_parse("s.jsonl", g_script, g_script_len, err, sizeof err);
    outcome o = {s != NULL && s->n > 0, s == NULL && err[0] != 0};
    script_free(s);
    return o;
}

/* Runs op with the 1st, 2nd, ... allocation failing until it completes. */
static void sweep(const char *what, outcome (*op)(void), long from)
{
    long n, silent = 0;
    for (n = from;; n++) {
        arm(n);
        outcome o = op();
        long calls = g_calls;
        arm(0);
        if (g_live != 0) fail_msg("%s: failing allocation %ld of %ld leaks %ld blocks", what, n, calls, g_live);
        if (calls < n) {  /* no failure reached: it must have worked */
            if (!o.ok) fail_msg("%s: did not complete with no allocation failing", what);
            break;
        }
        if (o.ok) fail_msg("%s: allocation %ld failed, yet it reported success", what, n);
        if (!o.told) silent++;
    }
    printf("%s: %ld allocations; allocation %ld to %ld failed in turn, all handled (%ld without a "
           "message: the message itself could not be allocated)\n", what, n - 1, from, n - 1, silent);
    g_last_count = n - 1;
}

static void test_load_core(void **st) { (void)st; sweep("pack_load_dir(content/core)", load_core, 1); }
/* pack_set_add_dir starts with the same allocations as pack_load_dir (swept just
 * before); only those after them are new. */
static void test_load_core_set(void **st)
{
    (void)st;
    sweep("pack_set_add_dir(content/core)", load_core_set, g_last_count > 16 ? g_last_count - 16 : 1);
}
static void test_load_test_packs(void **st) { (void)st; sweep("pack_load_dir(tests/packs/good/{prompts,guided})", load_test_packs, 1); }
static void test_parse_script(void **st) { (void)st; sweep("script_parse", parse_script, 1); }

int main(void)
{
    cJSON_InitHooks(&(cJSON_Hooks){.malloc_fn = __wrap_malloc, .free_fn = __wrap_free});
    static const char text[] =
        "# a script with every kind of action\n"
        "{\"at\": 0, \"key\": \"Down\", \"mod\": [\"ctrl\"]}\n"
        "{\"at\": 0.5, \"text\": \"hello\"}\n"
        "{\"at\": 1, \"tap\": [0.5, 0.5]}\n"
        "{\"at\": 1.5, \"press\": \"home.card.box-breathing\"}\n"
        "{\"at\": 2, \"screenshot\": \"x.png\"}\n"
        "{\"at\": 2.5, \"resize\": [800, 600]}\n"
        "{\"at\": 3, \"audio_device\": \"removed\"}\n"
        "{\"at\": 4, \"end\": true}\n";
    g_script = (char *)text;
    g_script_len = sizeof text - 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_script),
        cmocka_unit_test(test_load_core),
        cmocka_unit_test(test_load_core_set),
        cmocka_unit_test(test_load_test_packs),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);
    printf("alloc-fail: %ld allocation failures injected\n", g_injected);
    return r;
}
