/* Numbers on the screens in every language, as drawn: the library's lengths and step
 * counts ("1 Min.", Arabic "دقيقتان"), the pacer's "Breath 1 of N" and its closing
 * count, guided and prompt exercises' "Step 1 of N", each with 1, 2, 3, 11 and 100
 * (0 cannot be: an exercise has at least one breath and one step), present mode's
 * breaths in the session, and the settings' text size ("150 %" in German). The counts
 * come from a pack this test writes into a fresh folder.
 *
 * And the language an exercise plays in: an English-only pack
 * (tests/packs/good/single-language) in German, Spanish and Arabic says "auf Englisch"
 * (...) on its library card, its kiosk card and its "Before you begin" screen; in
 * English it has no tag.
 *
 * Needs GROUNDWORK_DATA_DIR=<build>/data (fonts, locale). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/app.h"
#include "app/present.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "test_env.h"

static const int N[] = { 1, 2, 3, 11, 100 };
#define NN ((int)(sizeof N / sizeof *N))

/* Arabic's forms: 1 and 2 as words, 3-10 plural, 11-99 singular accusative, 100+ singular */
static int ar_form(int n) { return n == 1 ? 0 : n == 2 ? 1 : n % 100 >= 3 && n % 100 <= 10 ? 2 : n % 100 >= 11 ? 3 : 4; }

/* What a number is drawn as, per language: "%d" for the number */
typedef struct forms {
    const char *one, *many;  /* en, es, de */
    const char *ar[5];       /* by ar_form */
} forms;

static const struct {
    const char *lang;
    forms min, step, done;
    const char *breath_of, *step_of;
} W[] = {
    { "en", { "%d min", "%d min", { 0 } }, { "%d step", "%d steps", { 0 } },
      { "You completed %d breath.", "You completed %d breaths.", { 0 } }, "Breath 1 of %d", "Step 1 of %d" },
    { "es", { "%d min", "%d min", { 0 } }, { "%d paso", "%d pasos", { 0 } },
      { "Has completado %d respiración.", "Has completado %d respiraciones.", { 0 } }, "Respiración 1 de %d",
      "Paso 1 de %d" },
    { "de", { "%d Min.", "%d Min.", { 0 } }, { "%d Schritt", "%d Schritte", { 0 } },
      { "Sie haben %d Atemzug abgeschlossen.", "Sie haben %d Atemzüge abgeschlossen.", { 0 } }, "Atemzug 1 von %d",
      "Schritt 1 von %d" },
    { "ar", { NULL, NULL, { "دقيقة واحدة", "دقيقتان", "%d دقائق", "%d دقيقة", "%d دقيقة" } },
      { NULL, NULL, { "خطوة واحدة", "خطوتان", "%d خطوات", "%d خطوة", "%d خطوة" } },
      { NULL, NULL, { "أكملت نَفَسًا واحدًا.", "أكملت نَفَسين.", "أكملت %d أنفاس.", "أكملت %d نَفَسًا.", "أكملت %d نَفَس." } },
      "النَّفَس 1 من %d", "الخطوة 1 من %d" },
};

static void expect(char *out, size_t n, const char *lang, const forms *f, int k)
{
    const char *fmt = !strcmp(lang, "ar") ? f->ar[ar_form(k)] : k == 1 ? f->one : f->many;
    snprintf(out, n, fmt, k);
}

/* ---- the pack of counts ----------------------------------------------------------- */

static char dir[PATH_MAX];

static void write_pack(void)
{
    snprintf(dir, sizeof dir, "%s/gw-plurals-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(dir));
    char path[PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/pack.json", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("{\"format\": \"1.0\", \"id\": \"test-counts\", \"name\": \"Counts\", \"version\": \"1.0.0\",\n"
          " \"languages\": [\"en\", \"es\", \"de\", \"ar\"], \"authors\": [\"Groundwork test suite\"],\n"
          " \"license\": \"CC0-1.0\", \"sources\": [\"Test data; not guidance.\"], \"exercises\": [\n", f);
    const char *sep = "";
    for (int i = 0; i < NN; i++) {
        int n = N[i];
        /* n minutes of 10 s breaths (the library's length); n breaths of 6 s (the pacer) */
        fprintf(f, "%s{\"id\": \"min-%d\", \"kind\": \"breathing\", \"category\": \"breathing\", \"title\": \"M%d\",\n"
                   " \"summary\": \"S\", \"cautions\": [], \"source\": \"Test.\", \"breathing\": {\"phases\": [\n"
                   " {\"phase\": \"inhale\", \"seconds\": 4}, {\"phase\": \"exhale\", \"seconds\": 6}], \"minutes\": %d}}",
                sep, n, n, n);
        sep = ",\n";
        fprintf(f, "%s{\"id\": \"cyc-%d\", \"kind\": \"breathing\", \"category\": \"breathing\", \"title\": \"C%d\",\n"
                   " \"summary\": \"S\", \"cautions\": [], \"source\": \"Test.\", \"breathing\": {\"phases\": [\n"
                   " {\"phase\": \"inhale\", \"seconds\": 3}, {\"phase\": \"exhale\", \"seconds\": 3}], \"cycles\": %d}}",
                sep, n, n, n);
        fprintf(f, "%s{\"id\": \"gui-%d\", \"kind\": \"guided\", \"category\": \"relaxation\", \"title\": \"G%d\",\n"
                   " \"summary\": \"S\", \"cautions\": [], \"source\": \"Test.\", \"guided\": {\"steps\": [",
                sep, n, n);
        for (int k = 0; k < n; k++)
            fprintf(f, "%s{\"kind\": \"instruction\", \"caption\": \"Caption %d\", \"seconds\": 5}", k ? ", " : "", k + 1);
        fputs("]}}", f);
        fprintf(f, "%s{\"id\": \"pro-%d\", \"kind\": \"prompts\", \"category\": \"grounding\", \"title\": \"P%d\",\n"
                   " \"summary\": \"S\", \"cautions\": [], \"source\": \"Test.\", \"prompts\": {\"steps\": [",
                sep, n, n);
        for (int k = 0; k < n; k++)
            fprintf(f, "%s{\"title\": \"T%d\", \"text\": \"Text %d\"}", k ? ", " : "", k + 1, k + 1);
        fputs("]}}", f);
    }
    fputs("]}\n", f);
    assert_int_equal(fclose(f), 0);
}

/* ---- drawing ---------------------------------------------------------------------- */

static bool has_text(const draw_list *l, const char *text)
{
    for (int i = 0; i < l->ncmd; i++)
        if (l->cmd[i].op == DRAW_TEXT && !strcmp(draw_text_of(l, &l->cmd[i]), text))
            return true;
    return false;
}

static bool has_part(const draw_list *l, const char *part)
{
    for (int i = 0; i < l->ncmd; i++)
        if (l->cmd[i].op == DRAW_TEXT && strstr(draw_text_of(l, &l->cmd[i]), part))
            return true;
    return false;
}

static void dump(const draw_list *l, const char *what)
{
    fprintf(stderr, "%s: the texts drawn are\n", what);
    for (int i = 0; i < l->ncmd; i++)
        if (l->cmd[i].op == DRAW_TEXT)
            fprintf(stderr, "  \"%s\"\n", draw_text_of(l, &l->cmd[i]));
}

static bool start(app *a, pack_set *packs, const char *lang, const char *mode)
{
    app_config cfg = { .mode = mode, .w = 1280, .h = 720, .lang = lang, .packs = packs, .no_personal = true,
                       .wall_fixed = true };
    return app_init(a, &cfg);
}

/* The library, page by page, shows `text` on some card. */
static bool library_shows(pack_set *packs, const char *lang, const char *text)
{
    bool found = false;
    for (int page = 0; page < 12 && !found; page++) {
        app a;
        if (!start(&a, packs, lang, "home"))
            return false;
        a.page.library = page;
        draw_list l = { 0 };
        app_draw(&a, &l);
        found = has_text(&l, text);
        draw_free(&l);
        app_free(&a);
    }
    return found;
}

/* Exercise id drawn `at` seconds after it starts shows `text`. */
static bool exercise_shows(pack_set *packs, const char *lang, const char *id, double at, const char *text)
{
    app a;
    if (!start(&a, packs, lang, "home"))
        return false;
    bool ok = app_start_exercise(&a, id);
    for (double t = 0; ok && t <= at; t += t < 30 ? 0.5 : 30)
        app_update(&a, (gw_ns)(t * 1e9));
    app_update(&a, (gw_ns)(at * 1e9));
    draw_list l = { 0 };
    app_draw(&a, &l);
    bool found = ok && has_text(&l, text);
    if (!found) {
        char what[160];
        snprintf(what, sizeof what, "%s, %s at %.1f s (wanted \"%s\")", lang, id, at, text);
        dump(&l, what);
    }
    draw_free(&l);
    app_free(&a);
    return found;
}

static void library_lengths_and_steps(void **st)
{
    pack_set *packs = *st;
    char want[128];
    for (int li = 0; li < 4; li++)
        for (int i = 0; i < NN; i++) {
            expect(want, sizeof want, W[li].lang, &W[li].min, N[i]);
            if (!library_shows(packs, W[li].lang, want))
                fail_msg("%s: no card says \"%s\" (the exercise of %d minutes)", W[li].lang, want, N[i]);
            expect(want, sizeof want, W[li].lang, &W[li].step, N[i]);
            if (!library_shows(packs, W[li].lang, want))
                fail_msg("%s: no card says \"%s\" (the prompts of %d steps)", W[li].lang, want, N[i]);
        }
}

static void pacer_counts(void **st)
{
    pack_set *packs = *st;
    char id[32], want[160];
    for (int li = 0; li < 4; li++)
        for (int i = 0; i < NN; i++) {
            snprintf(id, sizeof id, "cyc-%d", N[i]);
            snprintf(want, sizeof want, W[li].breath_of, N[i]);
            if (!exercise_shows(packs, W[li].lang, id, 1.0, want))
                fail_msg("%s, %d breaths: no \"%s\" on the pacer", W[li].lang, N[i], want);
            expect(want, sizeof want, W[li].lang, &W[li].done, N[i]);
            if (!exercise_shows(packs, W[li].lang, id, 6.0 * N[i] + 60, want))
                fail_msg("%s, %d breaths: no \"%s\" when it ends", W[li].lang, N[i], want);
        }
}

static void guided_and_prompt_steps(void **st)
{
    pack_set *packs = *st;
    char id[32], want[160];
    for (int li = 0; li < 4; li++)
        for (int i = 0; i < NN; i++) {
            snprintf(want, sizeof want, W[li].step_of, N[i]);
            snprintf(id, sizeof id, "gui-%d", N[i]);
            if (!exercise_shows(packs, W[li].lang, id, 1.0, want))
                fail_msg("%s, %s: no \"%s\"", W[li].lang, id, want);
            snprintf(id, sizeof id, "pro-%d", N[i]);
            if (!exercise_shows(packs, W[li].lang, id, 1.0, want))
                fail_msg("%s, %s: no \"%s\"", W[li].lang, id, want);
        }
}

/* Present mode's panel over a pacer: the breaths in the session, on any of its pages. */
static bool panel_shows(pack_set *packs, const char *lang, const char *id, const char *text)
{
    bool found = false;
    for (int page = 0; page < 4 && !found; page++) {
        app a;
        if (!start(&a, packs, lang, "present"))
            return false;
        if (app_start_exercise(&a, id)) {
            app_update(&a, (gw_ns)1e9);
            a.last_input = a.now; /* the panel shows */
            present_st(&a)->page = page;
            draw_list l = { 0 };
            app_draw(&a, &l);
            found = has_text(&l, text);
            draw_free(&l);
        }
        app_free(&a);
    }
    return found;
}

static void present_breaths(void **st)
{
    pack_set *packs = *st;
    static const forms B[] = {
        { "%d breath", "%d breaths", { 0 } },
        { "%d respiración", "%d respiraciones", { 0 } },
        { "%d Atemzug", "%d Atemzüge", { 0 } },
        { NULL, NULL, { "نَفَس واحد", "نَفَسان", "%d أنفاس", "%d نَفَسًا", "%d نَفَس" } },
    };
    char id[32], want[96];
    for (int li = 0; li < 4; li++)
        for (int i = 0; i < NN; i++) {
            snprintf(id, sizeof id, "cyc-%d", N[i]);
            expect(want, sizeof want, W[li].lang, &B[li], N[i]);
            if (!panel_shows(packs, W[li].lang, id, want))
                fail_msg("%s, %d breaths: present mode's panel does not say \"%s\"", W[li].lang, N[i], want);
        }
}

/* Settings' text size: German and Spanish put a no-break space before the sign. */
static void percent(void **st)
{
    pack_set *packs = *st;
    static const struct { const char *lang, *text; } P[] = {
        { "en", "150%" }, { "es", "150\u00a0%" }, { "de", "150\u00a0%" }, { "ar", "150%" } };
    for (size_t i = 0; i < sizeof P / sizeof *P; i++) {
        app a;
        app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = P[i].lang, .packs = packs,
                           .no_personal = true, .wall_fixed = true, .text_pct = 150 };
        assert_true(app_init(&a, &cfg));
        app_set_scene(&a, &scene_settings);
        draw_list l = { 0 };
        app_draw(&a, &l);
        if (!has_text(&l, P[i].text)) {
            dump(&l, P[i].lang);
            fail_msg("%s: the text size is not shown as \"%s\"", P[i].lang, P[i].text);
        }
        draw_free(&l);
        app_free(&a);
    }
}

/* ---- the language an exercise plays in --------------------------------------------- */

static void english_only_pack_says_so(void **st)
{
    (void)st;
    pack_set packs = { 0 };
    assert_true(pack_set_add_dir(&packs, GW_TEST_PACKS "/single-language"));
    static const struct { const char *lang, *tag; } T[] = {
        { "de", "auf Englisch" }, { "es", "en inglés" }, { "ar", "بالإنجليزية" } };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        char tag[96];
        /* the library card */
        app a;
        assert_true(start(&a, &packs, T[i].lang, "home"));
        draw_list l = { 0 };
        app_draw(&a, &l);
        if (!has_part(&l, T[i].tag)) {
            dump(&l, "library");
            fail_msg("%s: the library card does not say \"%s\"", T[i].lang, T[i].tag);
        }
        draw_free(&l);
        /* "Before you begin" */
        app_show_cautions(&a, pack_set_find(&packs, "test-english-calm"));
        l = (draw_list){ 0 };
        app_draw(&a, &l);
        snprintf(tag, sizeof tag, "(%s)", T[i].tag);
        if (!has_part(&l, tag)) {
            dump(&l, "cautions");
            fail_msg("%s: \"Before you begin\" does not say \"%s\"", T[i].lang, tag);
        }
        draw_free(&l);
        app_free(&a);
        /* the kiosk's card */
        assert_true(start(&a, &packs, T[i].lang, "kiosk"));
        app_set_scene(&a, &scene_kiosk_library);
        l = (draw_list){ 0 };
        app_draw(&a, &l);
        if (!has_part(&l, tag)) {
            dump(&l, "kiosk library");
            fail_msg("%s: the kiosk's card does not say \"%s\"", T[i].lang, tag);
        }
        draw_free(&l);
        app_free(&a);
    }
    /* at large text the library's cards show titles only: the tag follows the title */
    {
        app a;
        app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "de", .packs = &packs, .no_personal = true,
                           .wall_fixed = true, .text_pct = 200 };
        assert_true(app_init(&a, &cfg));
        draw_list l = { 0 };
        app_draw(&a, &l);
        if (!has_text(&l, "Calm count (auf Englisch)")) {
            dump(&l, "library at 200%");
            fail_msg("de at 200%%: no card says \"Calm count (auf Englisch)\"");
        }
        draw_free(&l);
        app_free(&a);
    }
    /* in English it plays in the interface's language: no tag */
    app a;
    assert_true(start(&a, &packs, "en", "home"));
    draw_list l = { 0 };
    app_draw(&a, &l);
    assert_false(has_part(&l, "in English"));
    draw_free(&l);
    app_free(&a);
    pack_set_free(&packs);
}

/* What validate and the tag count: a plain string is every listed language's text; a
 * caution given in English alone is one text German lacks. */
static void completeness_counts(void **st)
{
    (void)st;
    static const char J[] =
        "{\"format\": \"1.0\", \"id\": \"half\", \"name\": {\"en\": \"Half\", \"de\": \"Halb\"}, \"version\": \"1.0.0\","
        " \"languages\": [\"en\", \"de\"], \"authors\": [\"t\"], \"license\": \"CC0-1.0\", \"sources\": [\"t\"],"
        " \"exercises\": [{\"id\": \"half-1\", \"kind\": \"breathing\", \"category\": \"breathing\","
        " \"title\": {\"en\": \"Half\", \"de\": \"Halb\"}, \"summary\": \"S\", \"cautions\": [{\"en\": \"Careful.\"}],"
        " \"source\": \"t\", \"breathing\": {\"phases\": [{\"phase\": \"inhale\", \"seconds\": 4},"
        " {\"phase\": \"exhale\", \"seconds\": 4}], \"cycles\": 3}}]}";
    pack_diags d = { 0 };
    pack *p = pack_load_buffer("half", J, sizeof J - 1, NULL, &d);
    assert_non_null(p);
    assert_int_equal(pack_lang_missing(p, "en"), 0);
    assert_int_equal(pack_lang_missing(p, "de"), 1);
    assert_int_equal(pack_lang_missing(p, "de_AT.UTF-8"), 1);
    assert_int_equal(pack_lang_missing(p, "ar"), 4); /* name, title, summary, caution */
    assert_null(exercise_play_lang(&p->ex[0], "en"));
    assert_string_equal(exercise_play_lang(&p->ex[0], "de"), "en");
    assert_string_equal(exercise_play_lang(&p->ex[0], "ar"), "en");
    pack_free(p);
    pack_diags_free(&d);
}

static int setup(void **st)
{
    static pack_set packs;
    write_pack();
    if (!pack_set_add_dir(&packs, dir)) {
        char line[2048];
        for (int i = 0; i < packs.diags.n; i++) {
            pack_diag_format(&packs.diags.v[i], line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
        return 1;
    }
    *st = &packs;
    return 0;
}

static int teardown(void **st)
{
    pack_set_free(*st);
    char path[PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/pack.json", dir);
    unlink(path);
    rmdir(dir);
    return 0;
}

int main(void)
{
    if (!test_env_locale("screen plurals"))
        return 1;
    const struct CMUnitTest t[] = {
        cmocka_unit_test(library_lengths_and_steps),
        cmocka_unit_test(pacer_counts),
        cmocka_unit_test(guided_and_prompt_steps),
        cmocka_unit_test(percent),
        cmocka_unit_test(present_breaths),
        cmocka_unit_test(english_only_pack_says_so),
        cmocka_unit_test(completeness_counts),
    };
    return cmocka_run_group_tests(t, setup, teardown);
}
