/* Fuzz target: the home-mode settings reader (settings_parse, what settings_load runs on
 * the file's bytes). After a successful read every value must be within its documented
 * range (settings.h), and writing the settings and reading them again must give the same
 * settings and the same text. A file that is not settings leaves the defaults and says so. */
#include <stddef.h>
#include <stdint.h>
#include "core/settings.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool one_of(const char *v, const char *a, const char *b, const char *c)
{
    return !strcmp(v, a) || !strcmp(v, b) || (c && !strcmp(v, c));
}

static bool is_pacer_style(const char *v)
{
    static const char *const STYLES[] = { "orb", "box", "wave", "tube", "calm" };
    for (size_t i = 0; i < sizeof STYLES / sizeof STYLES[0]; i++)
        if (!strcmp(v, STYLES[i]))
            return true;
    return false;
}

static void check_ranges(const settings *s)
{
    FUZZ_CSTR(s->theme);
    FUZZ_CSTR(s->lang);
    FUZZ_CSTR(s->pacer);
    FUZZ_CHECK(one_of(s->theme, "calm", "light", "contrast"), "theme \"%s\"", s->theme);
    FUZZ_CHECK(is_pacer_style(s->pacer), "pacer \"%s\"", s->pacer);
    FUZZ_CHECK(s->text_pct >= 100 && s->text_pct <= 200, "text_pct %d", s->text_pct);
    FUZZ_CHECK(s->vol_cues >= 0 && s->vol_cues <= 100, "vol_cues %d", s->vol_cues);
    FUZZ_CHECK(s->vol_voice >= 0 && s->vol_voice <= 100, "vol_voice %d", s->vol_voice);
    FUZZ_CHECK(s->vol_ambience >= 0 && s->vol_ambience <= 100, "vol_ambience %d", s->vol_ambience);
    for (const char *c = s->lang; *c; c++)
        FUZZ_CHECK((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || *c == '-' || *c == '_',
                   "language \"%s\"", s->lang);
    FUZZ_CHECK(s->nfav >= 0 && s->nfav <= SETTINGS_MAX_FAV, "nfav %d", s->nfav);
    for (int i = 0; i < s->nfav; i++)
        FUZZ_CSTR(s->fav[i]);
}

static void check_same(const settings *a, const settings *b)
{
    FUZZ_CHECK(!strcmp(a->theme, b->theme), "theme %s / %s", a->theme, b->theme);
    FUZZ_CHECK(a->text_pct == b->text_pct, "text_pct %d / %d", a->text_pct, b->text_pct);
    FUZZ_CHECK(a->reduced_motion == b->reduced_motion, "reduced_motion");
    FUZZ_CHECK(a->vol_cues == b->vol_cues && a->vol_voice == b->vol_voice && a->vol_ambience == b->vol_ambience,
               "volumes");
    FUZZ_CHECK(a->checkins == b->checkins, "checkins");
    FUZZ_CHECK(!strcmp(a->lang, b->lang), "language %s / %s", a->lang, b->lang);
    FUZZ_CHECK(!strcmp(a->pacer, b->pacer), "pacer %s / %s", a->pacer, b->pacer);
    FUZZ_CHECK(a->welcomed == b->welcomed, "welcomed");
    FUZZ_CHECK(a->nfav == b->nfav, "nfav %d / %d", a->nfav, b->nfav);
    for (int i = 0; i < a->nfav; i++)
        FUZZ_CHECK(!strcmp(a->fav[i], b->fav[i]), "favourite %d: %s / %s", i, a->fav[i], b->fav[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    settings s, d, r;
    char err[512] = "";
    settings_defaults(&d);
    settings_status st = settings_parse(&s, "settings.json", (const char *)data, size, err, sizeof err);
    FUZZ_CHECK(st == SETTINGS_OK || st == SETTINGS_BAD, "status %d", (int)st);
    check_ranges(&s);
    if (st == SETTINGS_BAD) {
        FUZZ_CHECK(strstr(err, "settings.json") != NULL, "the message names the file: %s", err);
        check_same(&s, &d);
        return 0;
    }
    char *text = settings_to_json(&s);
    if (!text)
        return 0; /* out of memory */
    char err2[512] = "";
    FUZZ_CHECK(settings_parse(&r, "again.json", text, strlen(text), err2, sizeof err2) == SETTINGS_OK,
               "the written settings read back: %s", err2);
    check_same(&s, &r);
    char *again = settings_to_json(&r);
    FUZZ_CHECK(!again || !strcmp(text, again), "written twice, the text differs:\n%s\n%s", text, again);
    free(again);
    free(text);
    return 0;
}
