/* pack: what a loaded pack answers (see pack.h): texts and voice clips by language,
 * which texts a language lacks, a body region's side. A kind's name and length are
 * pack_kinds.c's; the loader is pack_load.c and the files it uses (pack_loader.h); the
 * set of packs, pack_set.c. */
#include "core/pack.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static bool lang_eq(const char *a, const char *b, size_t bl)
{
    size_t al = strlen(a);
    if (al != bl) return false;
    for (size_t i = 0; i < al; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
        if (x != y) return false;
    }
    return true;
}

const char *pack_text_get(const pack_text *t, const char *lang)
{
    if (!t || t->n <= 0) return "";
    if (lang && *lang) {
        size_t l = strcspn(lang, "_-.@");
        for (int i = 0; i < t->n; i++)
            if (lang_eq(t->lang[i], lang, l)) return t->text[i];
    }
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->lang[i], "en") == 0) return t->text[i];
    return t->text[0];
}

const char *pack_voice_get(const pack_text *voice, const pack_text *shown, const char *lang)
{
    if (!voice || voice->n <= 0)
        return "";
    /* the language the words on screen are in: lang if the pack has them in it */
    bool has = false;
    size_t l = lang ? strcspn(lang, "_-.@") : 0;
    for (int i = 0; shown && l && i < shown->n && !has; i++)
        has = lang_eq(shown->lang[i], lang, l);
    if (!has) {
        /* the words fall back (to English, else the first language): so does the voice */
        if (!shown || shown->n <= 0)
            return pack_text_get(voice, lang);
        const char *in = shown->lang[0];
        for (int i = 0; i < shown->n; i++)
            if (!strcmp(shown->lang[i], "en"))
                in = "en";
        lang = in;
        l = strlen(in);
    }
    for (int i = 0; i < voice->n; i++)
        if (lang_eq(voice->lang[i], lang, l))
            return voice->text[i];
    return ""; /* words in lang, no voice in it: captions only, never another language */
}

/* Does t, a text of pack p, have a text in lang (l: the length of lang's code)? An
 * empty text (a field left out) has nothing to miss; a plain string is the text of
 * every language the pack lists. */
static bool text_has(const pack *p, const pack_text *t, const char *lang, size_t l)
{
    if (!t || t->n <= 0)
        return true;
    for (int i = 0; t->every && p && i < p->nlang; i++)
        if (lang_eq(p->lang[i], lang, l))
            return true;
    for (int i = 0; i < t->n; i++)
        if (lang_eq(t->lang[i], lang, l))
            return true;
    return false;
}

const char *pack_text_lang(const pack_text *t, const char *lang)
{
    if (!t || t->n <= 0)
        return NULL;
    const char *s = pack_text_get(t, lang);
    for (int i = 0; i < t->n; i++)
        if (t->text[i] == s)
            return t->lang[i];
    return t->lang[0];
}

/* Counts t when it has no text in lang; *from (if not yet set) gets the language it is
 * shown in instead. */
static int miss_one(const pack *p, const pack_text *t, const char *lang, size_t l, const char **from)
{
    if (text_has(p, t, lang, l))
        return 0;
    if (from && !*from)
        *from = pack_text_lang(t, lang);
    return 1;
}

/* How many of e's texts have none in lang (the body map's names aside). */
static int ex_missing(const exercise *e, const char *lang, size_t l, const char **from)
{
    const pack *p = e->pack;
    int miss = miss_one(p, &e->title, lang, l, from) + miss_one(p, &e->summary, lang, l, from) +
               miss_one(p, &e->opening_label, lang, l, from) + miss_one(p, &e->section, lang, l, from);
    for (int i = 0; i < BREATH_MAX_PHASES; i++)
        miss += miss_one(p, &e->phase_label[i], lang, l, from);
    for (int i = 0; i < e->ncaution; i++)
        miss += miss_one(p, &e->caution[i], lang, l, from);
    for (int i = 0; i < e->nstep; i++)
        miss += miss_one(p, &e->step[i].caption, lang, l, from);
    for (int i = 0; i < e->nprompt; i++)
        miss += miss_one(p, &e->prompt[i].title, lang, l, from) + miss_one(p, &e->prompt[i].text, lang, l, from) +
                miss_one(p, &e->prompt[i].hint, lang, l, from);
    return miss;
}

const char *exercise_play_lang(const exercise *e, const char *lang)
{
    if (!e || !lang || !*lang)
        return NULL;
    size_t l = strcspn(lang, "_-.@");
    const char *from = NULL;
    if (ex_missing(e, lang, l, &from) > 0)
        return from;
    for (int i = 0; i < e->nstep; i++) /* the body map's names of the regions it shows */
        if (e->step[i].region >= 0 && e->step[i].region < e->nregion &&
            !text_has(e->pack, &e->region[e->step[i].region].name, lang, l))
            return pack_text_lang(&e->region[e->step[i].region].name, lang);
    return NULL;
}

int pack_lang_missing(const pack *p, const char *lang)
{
    if (!p || !lang || !*lang)
        return 0;
    size_t l = strcspn(lang, "_-.@");
    int miss = !text_has(p, &p->name, lang, l) + !text_has(p, &p->plan_note, lang, l);
    for (int i = 0; i < p->nregion; i++)
        miss += !text_has(p, &p->region[i].name, lang, l);
    for (int i = 0; i < p->nexercise; i++)
        miss += ex_missing(&p->ex[i], lang, l, NULL);
    return miss;
}

int body_region_side(const body_region *r)
{
    if (!r || !r->id)
        return 0;
    if (!strncmp(r->id, "dominant", 8))
        return 1;
    return !strncmp(r->id, "nondominant", 11) ? -1 : 0;
}
