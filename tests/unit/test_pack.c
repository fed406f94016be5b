/* Tests for the pack loader: good packs load into the expected tables; each class of
 * diagnostic; pack_text_get; exercise_length; pack_set duplicates and ordering;
 * robustness on truncated and mangled input. The bad-pack corpus has its own test
 * (test_pack_corpus.c). */
#define _XOPEN_SOURCE 700  /* nftw */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/pack.h"
#include "breath_total_stub.h"

#define GOOD "tests/packs/good/"

/* ---- helpers ---------------------------------------------------------------- */

static char tmp_root[64];

static void write_file(const char *dir, const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    char *slash = strrchr(path, '/');
    *slash = 0;
    mkdir(path, 0755);
    *slash = '/';
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char *tmp_pack(const char *name)
{
    static char dir[128];
    snprintf(dir, sizeof dir, "%s/%s", tmp_root, name);
    mkdir(dir, 0755);
    return dir;
}

static int rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(p);
}

static int setup_all(void **state)
{
    (void)state;
    if (chdir(GW_SOURCE_DIR) != 0) return -1;
    snprintf(tmp_root, sizeof tmp_root, "/tmp/gw-pack-test-XXXXXX");
    return mkdtemp(tmp_root) ? 0 : -1;
}

static int teardown_all(void **state)
{
    (void)state;
    return nftw(tmp_root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* The formatted diagnostic i. */
static const char *line(const pack_diags *d, int i)
{
    static char buf[2048];
    assert_true(i < d->n);
    pack_diag_format(&d->v[i], buf, sizeof buf);
    return buf;
}

/* True if some diagnostic contains all of the given fragments. */
static bool has(const pack_diags *d, const char *a, const char *b)
{
    for (int i = 0; i < d->n; i++) {
        const char *l = line(d, i);
        if (strstr(l, a) && (!b || strstr(l, b))) return true;
    }
    for (int i = 0; i < d->n; i++) print_message("  %s\n", line(d, i));
    return false;
}

static const char minimal_pack[] =
    "{\n"
    "  \"format\": \"1.0\", \"id\": \"mini\", \"name\": \"Mini\", \"version\": \"1.0.0\",\n"
    "  \"languages\": [\"en\"], \"authors\": [\"t\"], \"license\": \"CC0-1.0\", \"sources\": [],\n"
    "  \"exercises\": [{\"id\": \"m\", \"kind\": \"prompts\", \"category\": \"grounding\",\n"
    "    \"title\": \"T\", \"summary\": \"S\", \"cautions\": [], \"source\": \"s\",\n"
    "    \"prompts\": {\"steps\": [{\"title\": \"A\", \"text\": \"B\", \"timer\": 5}]}}]\n"
    "}\n";

static pack *load_text(const char *text, pack_diags *d)
{
    return pack_load_buffer("mem.json", text, strlen(text), NULL, d);
}

/* minimal_pack with one substring replaced. */
static char *variant(const char *from, const char *to)
{
    const char *at = strstr(minimal_pack, from);
    assert_non_null(at);
    size_t n = strlen(minimal_pack) - strlen(from) + strlen(to) + 1;
    char *s = malloc(n);
    snprintf(s, n, "%.*s%s%s", (int)(at - minimal_pack), minimal_pack, to, at + strlen(from));
    return s;
}

/* ---- good packs into tables ---------------------------------------------------- */

static void test_good_breathing(void **state)
{
    (void)state;
    pack_diags d = {0};
    pack *p = pack_load_dir(GOOD "breathing", &d);
    assert_int_equal(d.n, 0);
    assert_non_null(p);
    assert_string_equal(p->id, "test-breathing");
    assert_string_equal(p->dir, GOOD "breathing");
    assert_int_equal(p->format_major, 1);
    assert_int_equal(p->nlang, 2);
    assert_string_equal(p->lang[1], "es");
    assert_string_equal(pack_text_get(&p->name, "es"), "Paquete de prueba de respiración");
    assert_int_equal(p->nauthor, 1);
    assert_string_equal(p->license, "CC0-1.0");
    assert_int_equal(p->nexercise, 2);

    const exercise *box = &p->ex[0];  /* from exercises/box.json, listed first */
    assert_string_equal(box->id, "test-box");
    assert_int_equal(box->kind, EX_BREATHING);
    assert_string_equal(box->category, "breathing");
    assert_string_equal(box->style, "box");
    assert_true(box->style_named);
    assert_ptr_equal(box->pack, p);
    assert_int_equal(box->ncaution, 1);
    assert_string_equal(pack_text_get(&box->caution[0], "es"), "Para si te mareas.");
    assert_int_equal(box->breath.nphase, 4);
    const breath_kind kinds[] = {BREATH_INHALE, BREATH_HOLD_IN, BREATH_EXHALE, BREATH_HOLD_OUT};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(box->breath.phase[i].kind, kinds[i]);
        assert_int_equal(box->breath.phase[i].ms, 4000);
    }
    assert_int_equal(box->breath.cycles, 4);
    assert_int_equal(box->breath.session_ns, 0);
    assert_int_equal(box->breath.lead_in_ns, 3 * GW_NS_PER_SEC);
    assert_true(box->breath.ramp_from_bpm == 0);
    assert_string_equal(box->src_file, GOOD "breathing/exercises/box.json");
    assert_int_equal(box->src_line, 2);
    assert_string_equal(box->src_path, "$.id");

    const exercise *sigh = &p->ex[1];
    assert_string_equal(sigh->id, "test-sigh");
    assert_string_equal(sigh->style, "wave");
    assert_true(sigh->style_named);
    assert_int_equal(sigh->breath.nphase, 4);
    assert_int_equal(sigh->breath.phase[1].kind, BREATH_TOPUP);
    assert_int_equal(sigh->breath.phase[1].ms, 500);
    assert_int_equal(sigh->breath.phase[2].kind, BREATH_HOLD_IN);  /* "hold" after topup */
    assert_int_equal(sigh->breath.phase[3].ms, 6500);
    assert_int_equal(sigh->breath.cycles, 0);
    assert_int_equal(sigh->breath.session_ns, 150 * GW_NS_PER_SEC);
    assert_true(sigh->breath.ramp_from_bpm == 6.0);
    assert_true(sigh->breath.ramp_to_bpm == 5.5);
    assert_int_equal(sigh->breath.ramp_ns, 60 * GW_NS_PER_SEC);
    assert_string_equal(sigh->src_path, "$.exercises[1].id");
    pack_free(p);
}

static void test_good_guided(void **state)
{
    (void)state;
    pack_diags d = {0};
    pack *p = pack_load_dir(GOOD "guided", &d);
    assert_int_equal(d.n, 0);
    assert_non_null(p);
    assert_int_equal(p->nregion, 2);
    assert_string_equal(p->region[1].id, "right-arm");
    assert_int_equal(p->region[0].nshape, 1);
    assert_int_equal(p->region[0].shape[0].type, 'e');
    assert_float_equal(p->region[0].shape[0].x0, 0.2, 1e-6);
    assert_float_equal(p->region[0].shape[0].y1, 0.04, 1e-6);
    assert_int_equal(p->region[1].nshape, 2);
    assert_int_equal(p->region[1].shape[1].type, 'c');
    assert_float_equal(p->region[1].shape[1].r, 0.025, 1e-6);

    const exercise *e = &p->ex[0];
    assert_int_equal(e->kind, EX_GUIDED);
    assert_null(e->style);
    assert_int_equal(e->nregion, 2);
    assert_ptr_equal(e->region, p->region);
    assert_int_equal(e->nstep, 5);
    assert_int_equal(e->step[0].kind, STEP_INSTRUCTION);
    assert_int_equal(e->step[0].duration, 0);
    assert_int_equal(e->step[0].pause, 1500 * GW_NS_PER_MS);
    assert_string_equal(pack_text_get(&e->step[0].voice, "en"), "audio/sit.ogg");
    assert_int_equal(e->step[0].voice_ns, 1500 * GW_NS_PER_MS);  /* from the Ogg granule */
    assert_int_equal(e->step[0].region, -1);
    assert_int_equal(e->step[1].kind, STEP_TENSE);
    assert_int_equal(e->step[1].region, 0);
    assert_int_equal(e->step[1].duration, 7 * GW_NS_PER_SEC);
    assert_int_equal(e->step[1].voice_ns, 400 * GW_NS_PER_MS);  /* from the WAV data chunk */
    assert_int_equal(e->step[3].region, 1);
    assert_int_equal(e->step[4].kind, STEP_REST);
    assert_string_equal(pack_text_get(&e->step[4].caption, "en"), "Notice the difference.");
    /* 1.5 s clip + 1.5 s pause, then 7 + 10 + 7 + 15 */
    assert_int_equal(exercise_length(e), 42 * GW_NS_PER_SEC);
    pack_free(p);
}

static void test_good_prompts(void **state)
{
    (void)state;
    pack_diags d = {0};
    pack *p = pack_load_dir(GOOD "prompts", &d);
    assert_int_equal(d.n, 0);
    assert_non_null(p);
    const exercise *e = &p->ex[0];
    assert_int_equal(e->kind, EX_PROMPTS);
    assert_string_equal(e->category, "grounding");
    assert_int_equal(e->nprompt, 3);
    assert_int_equal(e->prompt[0].count, 5);
    assert_int_equal(e->prompt[0].timer, 0);
    assert_string_equal(pack_text_get(&e->prompt[0].hint, "fr_FR.UTF-8"), "Couleurs, formes, lumière.");
    assert_string_equal(pack_text_get(&e->prompt[1].hint, "fr"), "");
    assert_int_equal(e->prompt[1].timer, 30 * GW_NS_PER_SEC);
    assert_false(e->prompt[1].auto_advance);
    assert_true(e->prompt[2].auto_advance);
    assert_int_equal(e->prompt[2].timer, 10500 * GW_NS_PER_MS);
    assert_int_equal(exercise_length(e), 40500 * GW_NS_PER_MS);
    pack_free(p);
}

/* Uses breath_total (the engine's, or the stand-in while breath.c is a placeholder);
 * no ramp, so both give lead-in + cycles x breath. */
static void test_breathing_length(void **state)
{
    (void)state;
    pack_diags d = {0};
    pack *p = pack_load_dir(GOOD "breathing", &d);
    assert_non_null(p);
    assert_int_equal(exercise_length(&p->ex[0]), (3 + 4 * 16) * GW_NS_PER_SEC);
    pack_free(p);
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(exercise_kind_name(EX_BREATHING), "breathing");
    assert_string_equal(exercise_kind_name(EX_GUIDED), "guided");
    assert_string_equal(exercise_kind_name(EX_PROMPTS), "prompts");
    assert_string_equal(exercise_kind_name(EX_KIND_COUNT), "unknown");
}

/* ---- pack_text_get ----------------------------------------------------------------- */

static void test_text_get(void **state)
{
    (void)state;
    char *langs[] = {"es", "en", "fr"}, *texts[] = {"hola", "hello", "bonjour"};
    pack_text t = {3, langs, texts, false};
    assert_string_equal(pack_text_get(&t, "es"), "hola");
    assert_string_equal(pack_text_get(&t, "es_ES.UTF-8"), "hola");
    assert_string_equal(pack_text_get(&t, "es-MX"), "hola");
    assert_string_equal(pack_text_get(&t, "ES"), "hola");
    assert_string_equal(pack_text_get(&t, "fr@euro"), "bonjour");
    assert_string_equal(pack_text_get(&t, "de_DE"), "hello");  /* English next */
    assert_string_equal(pack_text_get(&t, "C"), "hello");
    assert_string_equal(pack_text_get(&t, ""), "hello");
    assert_string_equal(pack_text_get(&t, NULL), "hello");
    assert_string_equal(pack_text_get(&t, "e"), "hello");       /* no prefix match */
    assert_string_equal(pack_text_get(&t, "esp"), "hello");

    pack_text no_en = {2, (char *[]){"fr", "es"}, (char *[]){"bonjour", "hola"}, false};
    assert_string_equal(pack_text_get(&no_en, "de"), "bonjour");  /* then the first */
    pack_text empty = {0, NULL, NULL, false};
    assert_string_equal(pack_text_get(&empty, "en"), "");
    assert_string_equal(pack_text_get(NULL, "en"), "");
}

/* A plain string is the same in every language; an object falls back per language. */
static void test_text_in_pack(void **state)
{
    (void)state;
    pack_diags d = {0};
    char *s = variant("\"languages\": [\"en\"]", "\"languages\": [\"de\", \"en\"]");
    char *s2 = NULL;
    {
        const char *at = strstr(s, "\"title\": \"T\"");
        assert_non_null(at);
        size_t n = strlen(s) + 64;
        s2 = malloc(n);
        snprintf(s2, n, "%.*s\"title\": {\"en\": \"Title\"}%s", (int)(at - s), s, at + strlen("\"title\": \"T\""));
    }
    pack *p = load_text(s2, &d);
    assert_non_null(p);
    assert_int_equal(d.n, 1);
    assert_string_equal(line(&d, 0), "mem.json:5:14: $.exercises[0].title: warning: no \"de\" text; "
                        "the \"en\" one is used");
    assert_string_equal(pack_text_get(&p->ex[0].title, "de_AT"), "Title");
    assert_string_equal(pack_text_get(&p->ex[0].summary, "en"), "S");   /* plain string */
    assert_string_equal(pack_text_get(&p->ex[0].summary, "de"), "S");
    assert_string_equal(p->ex[0].summary.lang[0], "de");  /* stored under the default */
    pack_free(p);
    pack_diags_free(&d);
    free(s);
    free(s2);
}

/* ---- diagnostics ------------------------------------------------------------------ */

static void test_minimal_buffer(void **state)
{
    (void)state;
    pack_diags d = {0};
    pack *p = load_text(minimal_pack, &d);
    assert_int_equal(d.n, 0);
    assert_non_null(p);
    assert_string_equal(p->dir, "");
    assert_int_equal(exercise_length(&p->ex[0]), 5 * GW_NS_PER_SEC);
    pack_free(p);
}

/* A breathing exercise without "style" gets the orb, marked as not named (the person's
 * default pacer style applies); "orb" written out is named. */
static void test_style_named(void **state)
{
    (void)state;
    static const char *const styles[] = { "", ", \"style\": \"orb\"", ", \"style\": \"tube\"" };
    static const char *const want[] = { "orb", "orb", "tube" };
    for (int i = 0; i < 3; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "{\"format\": \"1.0\", \"id\": \"mini\", \"name\": \"Mini\", \"version\": \"1.0.0\",\n"
                 " \"languages\": [\"en\"], \"authors\": [\"t\"], \"license\": \"CC0-1.0\", \"sources\": [],\n"
                 " \"exercises\": [{\"id\": \"b\", \"kind\": \"breathing\", \"category\": \"breathing\",\n"
                 "  \"title\": \"T\", \"summary\": \"S\", \"cautions\": [], \"source\": \"s\",\n"
                 "  \"breathing\": {\"phases\": [{\"phase\": \"inhale\", \"seconds\": 4},\n"
                 "   {\"phase\": \"exhale\", \"seconds\": 6}], \"cycles\": 3%s}}]}\n",
                 styles[i]);
        pack_diags d = {0};
        pack *p = load_text(text, &d);
        for (int k = 0; k < d.n; k++) print_message("  %s\n", line(&d, k));
        assert_int_equal(d.n, 0);
        assert_non_null(p);
        assert_int_equal(p->ex[0].kind, EX_BREATHING);
        assert_string_equal(p->ex[0].style, want[i]);
        assert_int_equal(p->ex[0].style_named, i > 0);
        pack_free(p);
        pack_diags_free(&d);
    }
}

/* One exercise in a pack of its own: HEAD (kind, category) and BODY (the rest). */
static pack *load_one(const char *cautions, const char *extra, const char *body, pack_diags *d)
{
    char text[2048];
    snprintf(text, sizeof text,
             "{\"format\": \"1.0\", \"id\": \"mini\", \"name\": \"Mini\", \"version\": \"1.0.0\",\n"
             " \"languages\": [\"en\"], \"authors\": [\"t\"], \"license\": \"CC0-1.0\", \"sources\": [],\n"
             " \"exercises\": [{\"id\": \"x\", %s,\n"
             "  \"title\": \"T\", \"summary\": \"S\", \"cautions\": %s, \"source\": \"s\"%s}]}\n",
             body, cautions, extra);
    return load_text(text, d);
}

#define HOLDS "\"kind\": \"breathing\", \"category\": \"breathing\", \"breathing\": {\"phases\": [" \
              "{\"phase\": \"inhale\", \"seconds\": 4}, {\"phase\": \"hold\", \"seconds\": 4}, " \
              "{\"phase\": \"exhale\", \"seconds\": 6}], \"cycles\": 3}"
#define NO_HOLDS "\"kind\": \"breathing\", \"category\": \"breathing\", \"breathing\": {\"phases\": [" \
                 "{\"phase\": \"inhale\", \"seconds\": 4}, {\"phase\": \"exhale\", \"seconds\": 6}], \"cycles\": 3}"
#define TENSES "\"kind\": \"guided\", \"category\": \"relaxation\", \"guided\": {\"steps\": [" \
               "{\"kind\": \"tense\", \"caption\": \"Make a fist\", \"seconds\": 5}, " \
               "{\"kind\": \"release\", \"caption\": \"Let go\", \"seconds\": 30}]}"
#define RELEASES "\"kind\": \"guided\", \"category\": \"relaxation\", \"guided\": {\"steps\": [" \
                 "{\"kind\": \"release\", \"caption\": \"Let go\", \"seconds\": 30}]}"

/* Holding the breath or tensing without any caution is a warning (the pack still
 * loads); with a caution, or with neither, there is nothing to say. */
static void test_strain_without_cautions(void **state)
{
    (void)state;
    static const struct { const char *body, *cautions, *want; } cases[] = {
        { HOLDS, "[]", "holds the breath but lists no cautions" },
        { TENSES, "[]", "tenses muscles but lists no cautions" },
        { HOLDS, "[\"Skip the holds if they are uncomfortable.\"]", NULL },
        { TENSES, "[\"Skip any painful area.\"]", NULL },
        { NO_HOLDS, "[]", NULL },
        { RELEASES, "[]", NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pack_diags d = {0};
        pack *p = load_one(cases[i].cautions, "", cases[i].body, &d);
        assert_non_null(p);
        assert_int_equal(pack_diags_errors(&d), 0);
        if (cases[i].want) {
            assert_int_equal(d.n, 1);
            assert_int_equal(d.v[0].severity, PACK_WARNING);
            assert_true(has(&d, "$.exercises[0].cautions: warning: ", cases[i].want));
            assert_int_equal(d.v[0].line, 4);
        } else {
            for (int k = 0; k < d.n; k++) print_message("  %s\n", line(&d, k));
            assert_int_equal(d.n, 0);
        }
        pack_free(p);
        pack_diags_free(&d);
    }
}

/* "unattended": as given; when left out, false for holds and tensing, else true. */
static void test_unattended(void **state)
{
    (void)state;
    static const struct { const char *body, *extra; bool want; } cases[] = {
        { NO_HOLDS, "", true },   { HOLDS, "", false },  { TENSES, "", false },
        { RELEASES, "", true },   { HOLDS, ", \"unattended\": true", true },
        { NO_HOLDS, ", \"unattended\": false", false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pack_diags d = {0};
        pack *p = load_one("[\"c\"]", cases[i].extra, cases[i].body, &d);
        assert_non_null(p);
        assert_int_equal(d.n, 0);
        assert_int_equal(p->ex[0].unattended, cases[i].want);
        pack_free(p);
        pack_diags_free(&d);
    }
    pack_diags d = {0};
    assert_null(load_one("[]", ", \"unattended\": \"no\"", NO_HOLDS, &d));
    assert_true(has(&d, "$.exercises[0].unattended: must be true or false, not text", NULL));
    pack_diags_free(&d);
}

/* A one-off opening exhale and the pack's own words for phases. */
static void test_opening_and_labels(void **state)
{
    (void)state;
    pack_diags d = {0};
    pack *p = load_one("[\"c\"]", "",
                       "\"kind\": \"breathing\", \"category\": \"breathing\", \"breathing\": {\"phases\": ["
                       "{\"phase\": \"inhale\", \"seconds\": 4, \"label\": \"In through the nose\"}, "
                       "{\"phase\": \"hold\", \"seconds\": 7}, "
                       "{\"phase\": \"exhale\", \"seconds\": 8, \"label\": \"Out through the mouth\"}], "
                       "\"opening\": {\"phase\": \"exhale\", \"seconds\": 8, \"label\": \"All the way out\"}, "
                       "\"cycles\": 4, \"lead_in\": 3}",
                       &d);
    for (int k = 0; k < d.n; k++) print_message("  %s\n", line(&d, k));
    assert_int_equal(d.n, 0);
    assert_non_null(p);
    const exercise *e = &p->ex[0];
    assert_int_equal(e->breath.opening_ms, 8000);
    assert_string_equal(pack_text_get(&e->opening_label, "en"), "All the way out");
    assert_string_equal(pack_text_get(&e->phase_label[0], "en"), "In through the nose");
    assert_int_equal(e->phase_label[1].n, 0);
    assert_string_equal(pack_text_get(&e->phase_label[2], "en"), "Out through the mouth");
    /* the length the library shows counts the opening exhale */
    assert_int_equal(exercise_length(e), (3 + 8 + 4 * 19) * GW_NS_PER_SEC);
    pack_free(p);
    pack_diags_free(&d);

    /* only an exhale can open a session; labels have a length limit */
    p = load_one("[\"c\"]", "",
                 "\"kind\": \"breathing\", \"category\": \"breathing\", \"breathing\": {\"phases\": ["
                 "{\"phase\": \"inhale\", \"seconds\": 4, \"label\": \"" 
                 "In through the nose, slowly, slowly, slowly\"}, {\"phase\": \"exhale\", \"seconds\": 8}], "
                 "\"opening\": {\"phase\": \"inhale\", \"seconds\": 0.3}, \"cycles\": 4}",
                 &d);
    assert_null(p);
    assert_true(has(&d, "$.exercises[0].breathing.opening.phase: must be \"exhale\"", NULL));
    assert_true(has(&d, "$.exercises[0].breathing.opening.seconds: must be between 0.5 and 60", NULL));
    assert_true(has(&d, "$.exercises[0].breathing.phases[0].label", NULL));
    pack_diags_free(&d);
}

static void test_diag_format(void **state)
{
    (void)state;
    char buf[256];
    pack_diag e = {PACK_ERROR, "a/pack.json", 12, 20, "$.x", "bad"};
    pack_diag_format(&e, buf, sizeof buf);
    assert_string_equal(buf, "a/pack.json:12:20: $.x: bad");
    pack_diag w = {PACK_WARNING, "a/pack.json", 3, 1, "$.y", "odd"};
    pack_diag_format(&w, buf, sizeof buf);
    assert_string_equal(buf, "a/pack.json:3:1: $.y: warning: odd");
    pack_diag f = {PACK_ERROR, "a/pack.json", 0, 0, "", "gone"};
    pack_diag_format(&f, buf, sizeof buf);
    assert_string_equal(buf, "a/pack.json: gone");
    pack_diag_format(&e, buf, 8);  /* truncates, stays terminated */
    assert_string_equal(buf, "a/pack.");
}

static void test_syntax_error(void **state)
{
    (void)state;
    pack_diags d = {0};
    char *s = variant("\"id\": \"mini\",", "\"id\": \"mini\"");
    assert_null(load_text(s, &d));
    assert_int_equal(d.n, 1);
    assert_string_equal(line(&d, 0), "mem.json:2:33: JSON syntax error: a comma is missing before this");
    pack_diags_free(&d);
    free(s);

    s = variant("\"timer\": 5", "\"timer\": NaN");
    assert_null(load_text(s, &d));
    assert_true(has(&d, "mem.json:6:64: JSON syntax error: NaN and Infinity", NULL));
    pack_diags_free(&d);
    free(s);
}

static void test_all_problems_reported(void **state)
{
    (void)state;
    pack_diags d = {0};
    char *a = variant("\"timer\": 5", "\"timer\": 5.05, \"count\": 11, \"colour\": 1");
    char *b = NULL;
    {
        const char *at = strstr(a, "\"version\": \"1.0.0\"");
        size_t n = strlen(a) + 16;
        b = malloc(n);
        snprintf(b, n, "%.*s\"version\": 1%s", (int)(at - a), a, at + strlen("\"version\": \"1.0.0\""));
    }
    assert_null(load_text(b, &d));
    assert_int_equal(d.n, 4);
    assert_int_equal(pack_diags_errors(&d), 3);
    /* sorted by position */
    assert_string_equal(line(&d, 0), "mem.json:2:61: $.version: must be text, not a number");
    assert_true(has(&d, "$.exercises[0].prompts.steps[0].timer: must be a multiple of 0.1 seconds (got 5.05)", NULL));
    assert_true(has(&d, "$.exercises[0].prompts.steps[0].count: must be between 0 and 10 (got 11)", NULL));
    assert_true(has(&d, "$.exercises[0].prompts.steps[0].colour: warning: unknown field \"colour\"", NULL));
    pack_diags_free(&d);
    free(a);
    free(b);
}

static void test_unknown_field_is_warning(void **state)
{
    (void)state;
    pack_diags d = {0};
    char *s = variant("\"sources\": []", "\"sources\": [], \"licence\": \"x\"");
    pack *p = load_text(s, &d);
    assert_non_null(p);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].severity, PACK_WARNING);
    assert_string_equal(d.v[0].path, "$.licence");
    assert_true(has(&d, "unknown field \"licence\" is ignored (did you mean \"license\"?)", NULL));
    pack_free(p);
    pack_diags_free(&d);
    free(s);
}

static void test_format_versions(void **state)
{
    (void)state;
    pack_diags d = {0};
    char *s = variant("\"format\": \"1.0\"", "\"format\": \"2.0\"");
    assert_null(load_text(s, &d));
    assert_int_equal(d.n, 1);
    assert_string_equal(line(&d, 0), "mem.json:2:13: $.format: this pack needs a newer version of "
                        "Groundwork (format 2.x)");
    pack_diags_free(&d);
    free(s);

    s = variant("\"format\": \"1.0\"", "\"format\": \"1.4\"");
    pack *p = load_text(s, &d);
    assert_non_null(p);
    assert_int_equal(p->format_minor, 4);
    assert_int_equal(pack_diags_errors(&d), 0);
    assert_true(has(&d, "warning: this pack uses format 1.4", NULL));
    pack_free(p);
    pack_diags_free(&d);
    free(s);
}

static void test_depth_limit(void **state)
{
    (void)state;
    pack_diags d = {0};
    char *s = variant("\"sources\": []", "\"sources\": [[[[[[[[[1]]]]]]]]]");
    assert_null(load_text(s, &d));
    assert_int_equal(d.n, 1);
    /* the root is level 1; the eighth '[' is level 9 */
    assert_string_equal(line(&d, 0), "mem.json:3:82: nested more than 8 levels deep; the pack "
                        "format never needs that many (is a bracket misplaced?)");
    pack_diags_free(&d);
    free(s);

    /* a million brackets: rejected by the scanner, cJSON never sees them */
    size_t n = 1000000;
    char *deep = malloc(n + 1);
    memset(deep, '[', n);
    deep[n] = 0;
    assert_null(load_text(deep, &d));
    assert_true(has(&d, "mem.json:1:9: nested more than 8", NULL));
    pack_diags_free(&d);
    free(deep);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    pack_diags d = {0};
    char *s = variant("\"title\": \"T\"", "\"title\": \"T\xc0\xaf\"");  /* overlong '/' */
    assert_null(load_text(s, &d));
    assert_true(has(&d, "$.exercises[0].title: is not valid UTF-8 text", NULL));
    pack_diags_free(&d);
    free(s);
}

static void test_text_length_counts_code_points(void **state)
{
    (void)state;
    pack_diags d = {0};
    /* 40 three-byte characters fit a 40-character title */
    char title[200] = "\"title\": \"";
    for (int i = 0; i < 40; i++) strcat(title, "\xe2\x9c\xbf");
    strcat(title, "\"");
    char *s = variant("\"title\": \"T\"", title);
    pack *p = load_text(s, &d);
    assert_non_null(p);
    assert_int_equal(d.n, 0);
    pack_free(p);
    free(s);
    title[strlen(title) - 1] = 0;
    strcat(title, "x\"");
    s = variant("\"title\": \"T\"", title);
    assert_null(load_text(s, &d));
    assert_true(has(&d, "is too long for the screen: 41 characters, at most 40", NULL));
    pack_diags_free(&d);
    free(s);
}

static void test_file_too_big(void **state)
{
    (void)state;
    pack_diags d = {0};
    const char *dir = tmp_pack("big");
    char path[256];
    snprintf(path, sizeof path, "%s/pack.json", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(ftruncate(fileno(f), (off_t)PACK_MAX_FILE_BYTES + 1), 0);  /* sparse */
    fclose(f);
    assert_null(pack_load_dir(dir, &d));
    assert_int_equal(d.n, 1);
    assert_true(has(&d, "/big/pack.json: is larger than 16 MiB (16777217 bytes); refusing to read it", NULL));
    pack_diags_free(&d);

    /* an exercise file as well */
    char *pj = variant("\"exercises\": [{", "\"exercises\": [\"ex/huge.json\", {");
    write_file(dir, "pack.json", pj);
    snprintf(path, sizeof path, "%s/ex", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/ex/huge.json", dir);
    f = fopen(path, "wb");
    assert_int_equal(ftruncate(fileno(f), (off_t)PACK_MAX_FILE_BYTES * 2), 0);
    fclose(f);
    assert_null(pack_load_dir(dir, &d));
    assert_true(has(&d, "/big/ex/huge.json: this exercise file is larger than 16 MiB", NULL));
    pack_diags_free(&d);
    free(pj);

    /* and a buffer */
    char *buf = calloc(1, (size_t)PACK_MAX_FILE_BYTES + 2);
    assert_null(pack_load_buffer("huge.json", buf, (size_t)PACK_MAX_FILE_BYTES + 1, NULL, &d));
    assert_string_equal(line(&d, 0), "huge.json: is larger than 16 MiB (16777217 bytes); refusing to read it");
    pack_diags_free(&d);
    free(buf);
}

static void test_no_folder_for_files(void **state)
{
    (void)state;
    pack_diags d = {0};
    char *s = variant("\"exercises\": [{", "\"exercises\": [\"a.json\", {");
    assert_null(load_text(s, &d));
    assert_true(has(&d, "$.exercises[0]: exercise files cannot be read here", NULL));
    pack_diags_free(&d);
    free(s);
}

static void test_missing_dir(void **state)
{
    (void)state;
    pack_diags d = {0};
    assert_null(pack_load_dir("tests/packs/no-such-folder", &d));
    assert_int_equal(d.n, 1);
    assert_string_equal(line(&d, 0), "tests/packs/no-such-folder/pack.json: there is no pack.json in this folder");
    pack_diags_free(&d);
}

/* ---- robustness ------------------------------------------------------------------- */

/* Every prefix of a valid pack.json, and every single-byte change to a few values:
 * never a crash or a leak (run under ASan/UBSan), and a result only when valid. */
static void test_truncated_and_mangled(void **state)
{
    (void)state;
    size_t n = strlen(minimal_pack);
    for (size_t len = 0; len < n; len++) {
        pack_diags d = {0};
        char *buf = malloc(len ? len : 1);
        memcpy(buf, minimal_pack, len);
        pack *p = pack_load_buffer("cut.json", buf, len, NULL, &d);
        /* the closing brace comes last; only the trailing newline may go */
        if (len < n - 1) {
            assert_null(p);
            assert_true(pack_diags_errors(&d) > 0);
        }
        pack_free(p);
        pack_diags_free(&d);
        free(buf);
    }
    static const char bytes[] = {0, '"', '\\', '{', '}', '[', ']', ',', ':', 'x', '9', (char)0xff,
                                 (char)0xc3, '\n'};
    char *buf = malloc(n);
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < sizeof bytes; k++) {
            memcpy(buf, minimal_pack, n);
            buf[i] = bytes[k];
            pack_diags d = {0};
            pack *p = pack_load_buffer("mangled.json", buf, n, NULL, &d);
            assert_true((p == NULL) == (pack_diags_errors(&d) > 0));
            for (int j = 0; j < d.n; j++) line(&d, j);
            pack_free(p);
            pack_diags_free(&d);
        }
    }
    free(buf);
}

/* ---- pack_set --------------------------------------------------------------------- */

static void test_set_good(void **state)
{
    (void)state;
    pack_set s = {0};
    pack_set_add_children(&s, "tests/packs/good");
    assert_int_equal(s.diags.n, 0);
    assert_int_equal(s.n, 4);
    assert_string_equal(s.p[0]->id, "test-breathing");  /* folder name order */
    assert_string_equal(s.p[1]->id, "test-guided");
    assert_string_equal(s.p[2]->id, "test-prompts");
    assert_int_equal(pack_set_exercise_count(&s), 5); /* single-language's one last */
    assert_string_equal(pack_set_exercise_at(&s, 0)->id, "test-box");
    assert_string_equal(pack_set_exercise_at(&s, 1)->id, "test-sigh");
    assert_string_equal(pack_set_exercise_at(&s, 3)->id, "test-senses");
    assert_string_equal(s.p[3]->id, "test-english-only");
    assert_null(pack_set_exercise_at(&s, 5));
    assert_null(pack_set_exercise_at(&s, -1));
    assert_ptr_equal(pack_set_find(&s, "test-pmr"), &s.p[1]->ex[0]);
    assert_null(pack_set_find(&s, "nope"));
    assert_ptr_equal(pack_set_find(&s, "test-pmr")->pack, s.p[1]);

    /* the same pack again: its id is taken */
    assert_false(pack_set_add_dir(&s, GOOD "guided"));
    assert_int_equal(s.n, 4);
    assert_int_equal(s.diags.n, 2);
    assert_string_equal(line(&s.diags, 0), "tests/packs/good/guided/pack.json:3:9: $.id: pack id "
                        "\"test-guided\" is already used by the pack in tests/packs/good/guided; this "
                        "pack is not loaded");
    assert_true(has(&s.diags, "$.exercises[0].id: exercise id \"test-pmr\" is already used", NULL));
    pack_set_free(&s);
    assert_int_equal(s.n, 0);
}

static void test_set_exercise_clash(void **state)
{
    (void)state;
    pack_set s = {0};
    const char *parent = tmp_pack("set");
    char dir[256];
    snprintf(dir, sizeof dir, "%s/b-second", parent);
    mkdir(dir, 0755);
    char *other = variant("\"id\": \"mini\"", "\"id\": \"other\"");
    char *clash = variant("\"id\": \"m\"", "\"id\": \"test-box\"");
    char *clash2 = variant("\"id\": \"mini\"", "\"id\": \"third\"");
    write_file(dir, "pack.json", other);
    snprintf(dir, sizeof dir, "%s/a-first", parent);
    mkdir(dir, 0755);
    write_file(dir, "pack.json", minimal_pack);
    snprintf(dir, sizeof dir, "%s/c-third", parent);
    mkdir(dir, 0755);
    write_file(dir, "pack.json", clash2);
    snprintf(dir, sizeof dir, "%s/not-a-pack", parent);
    mkdir(dir, 0755);

    assert_true(pack_set_add_dir(&s, GOOD "breathing"));
    pack_set_add_children(&s, parent);
    /* a-first loads; b-second reuses exercise "m"; c-third too; not-a-pack is skipped */
    assert_int_equal(s.n, 2);
    assert_string_equal(s.p[1]->id, "mini");
    assert_int_equal(s.diags.n, 2);
    assert_true(has(&s.diags, "/b-second/pack.json:4:24: $.exercises[0].id: exercise id \"m\" is "
                    "already used by pack \"mini\" (", "/a-first/pack.json:4:24); this pack is not loaded"));
    assert_true(has(&s.diags, "/c-third/pack.json:4:24: $.exercises[0].id: exercise id \"m\"", NULL));

    /* an exercise id clash with a pack from another folder */
    snprintf(dir, sizeof dir, "%s/d-clash", parent);
    mkdir(dir, 0755);
    write_file(dir, "pack.json", clash);
    char *c2 = variant("\"id\": \"mini\"", "\"id\": \"d\"");
    free(clash);
    clash = c2;
    {
        const char *at = strstr(clash, "\"id\": \"m\"");
        size_t n = strlen(clash) + 16;
        char *x = malloc(n);
        snprintf(x, n, "%.*s\"id\": \"test-box\"%s", (int)(at - clash), clash, at + strlen("\"id\": \"m\""));
        write_file(dir, "pack.json", x);
        free(x);
    }
    assert_false(pack_set_add_dir(&s, dir));
    assert_true(has(&s.diags, "exercise id \"test-box\" is already used by pack \"test-breathing\" "
                    "(tests/packs/good/breathing/exercises/box.json:2:9)", NULL));
    assert_int_equal(s.n, 2);
    pack_set_free(&s);
    free(other);
    free(clash);
    free(clash2);
}

static void test_set_missing_parent(void **state)
{
    (void)state;
    pack_set s = {0};
    /* a packs folder that does not exist yet is normal: nothing to report */
    pack_set_add_children(&s, "tests/packs/none-here");
    assert_int_equal(s.n, 0);
    assert_int_equal(pack_diags_errors(&s.diags), 0);
    /* one that is not a folder is reported */
    pack_set_add_children(&s, "tests/packs/good/breathing/pack.json");
    assert_int_equal(pack_diags_errors(&s.diags), 1);
    assert_true(has(&s.diags, "tests/packs/good/breathing/pack.json: this folder of packs cannot be opened", NULL));
    assert_int_equal(pack_set_exercise_count(&s), 0);
    assert_null(pack_set_find(&s, "x"));
    pack_set_free(&s);
}

/* ---- the examples in docs/pack-format.md ---------------------------------------- */

/* Every ```json example of the format reference loads without a problem: pack.json
 * examples as they are (their exercise files are not there: only that is allowed),
 * exercise examples inside a pack with the languages and regions they use. */
static void test_doc_examples(void **state)
{
    (void)state;
    FILE *f = fopen("docs/pack-format.md", "rb");
    assert_non_null(f);
    static char doc[200000];
    size_t n = fread(doc, 1, sizeof doc - 1, f);
    fclose(f);
    doc[n] = 0;
    static const char wrap_head[] =
        "{\"format\": \"1.0\", \"id\": \"doc\", \"name\": \"Doc\", \"version\": \"1\",\n"
        " \"languages\": [\"en\", \"es\"], \"authors\": [\"t\"], \"license\": \"x\", \"sources\": [],\n"
        " \"regions\": [{\"id\": \"right-hand\", \"name\": {\"en\": \"H\", \"es\": \"M\"}, \"shapes\": [{\"ellipse\": [0.2, 0.5, 0.1, 0.1]}]},\n"
        "             {\"id\": \"right-arm\", \"name\": {\"en\": \"A\", \"es\": \"B\"}, \"shapes\": [{\"ellipse\": [0.3, 0.3, 0.1, 0.1]}]}],\n"
        " \"exercises\": [\n";
    int examples = 0;
    for (char *p = strstr(doc, "\n```json\n"); p; p = strstr(p, "\n```json\n")) {
        char *body = p + 9, *end = strstr(body, "\n```");
        assert_non_null(end);
        size_t len = (size_t)(end - body) + 1;
        bool is_pack = strstr(body, "\"format\"") && strstr(body, "\"format\"") < end;
        char *buf = malloc(len + sizeof wrap_head + 8);
        size_t bl = 0;
        if (!is_pack) {
            memcpy(buf, wrap_head, sizeof wrap_head - 1);
            bl = sizeof wrap_head - 1;
        }
        memcpy(buf + bl, body, len);
        bl += len;
        if (!is_pack) {
            memcpy(buf + bl, "]}\n", 3);
            bl += 3;
        }
        pack_diags d = {0};
        pack *pk = pack_load_buffer("example.json", buf, bl, NULL, &d);
        int other = 0;
        for (int i = 0; i < d.n; i++)
            if (!strstr(d.v[i].msg, "exercise files cannot be read here")) {
                print_error("docs/pack-format.md example %d: %s\n", examples + 1, line(&d, i));
                other++;
            }
        assert_int_equal(other, 0);
        if (!is_pack) assert_non_null(pk);
        pack_free(pk);
        pack_diags_free(&d);
        free(buf);
        examples++;
        p = end;
    }
    assert_true(examples >= 4);
}

/* A caption shown in German is never read out in English: the voice follows the
 * language the words are shown in. */
static void test_voice_follows_caption(void **st)
{
    (void)st;
    char *cl[3] = { "en", "es", "de" }, *ct[3] = { "Breathe in.", "Inhala.", "Einatmen." };
    char *vl[2] = { "en", "es" }, *vt[2] = { "audio/en/1.ogg", "audio/es/1.ogg" };
    pack_text cap = { 3, cl, ct, false }, voice = { 2, vl, vt, false }, en_only = { 1, cl, ct, false };
    assert_string_equal(pack_voice_get(&voice, &cap, "es_MX.UTF-8"), "audio/es/1.ogg");
    assert_string_equal(pack_voice_get(&voice, &cap, "en"), "audio/en/1.ogg");
    assert_string_equal(pack_voice_get(&voice, &cap, "de"), "");   /* German words, no German clip */
    assert_string_equal(pack_voice_get(&voice, &cap, "ar"), "audio/en/1.ogg"); /* English words shown */
    assert_string_equal(pack_voice_get(&voice, &en_only, "es"), "audio/en/1.ogg");
    pack_text none = { 0, NULL, NULL, false };
    assert_string_equal(pack_voice_get(&none, &cap, "en"), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_breathing),
        cmocka_unit_test(test_good_guided),
        cmocka_unit_test(test_good_prompts),
        cmocka_unit_test(test_breathing_length),
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_text_get),
        cmocka_unit_test(test_text_in_pack),
        cmocka_unit_test(test_minimal_buffer),
        cmocka_unit_test(test_diag_format),
        cmocka_unit_test(test_syntax_error),
        cmocka_unit_test(test_all_problems_reported),
        cmocka_unit_test(test_unknown_field_is_warning),
        cmocka_unit_test(test_format_versions),
        cmocka_unit_test(test_depth_limit),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_text_length_counts_code_points),
        cmocka_unit_test(test_file_too_big),
        cmocka_unit_test(test_no_folder_for_files),
        cmocka_unit_test(test_missing_dir),
        cmocka_unit_test(test_truncated_and_mangled),
        cmocka_unit_test(test_set_good),
        cmocka_unit_test(test_set_exercise_clash),
        cmocka_unit_test(test_set_missing_parent),
        cmocka_unit_test(test_doc_examples),
        cmocka_unit_test(test_style_named),
        cmocka_unit_test(test_strain_without_cautions),
        cmocka_unit_test(test_unattended),
        cmocka_unit_test(test_opening_and_labels),
        cmocka_unit_test(test_voice_follows_caption),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
