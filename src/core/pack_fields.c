/* pack_fields: the pack loader's readers of its own field types, on top of jread's
 * typed getters: ids, languages, TEXT (a string, or an object by language), file paths
 * inside the pack and voice clips. Each fills plain pack tables (pack_text) that the
 * pack then owns; text_free releases them. Private to the pack loader (pack_loader.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/pack_loader.h"
#include "core/utf8.h"

char *pack_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

static bool id_ok(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > 64) return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (i > 0 && ch == '-');
        if (!ok) return false;
    }
    return true;
}

jread_got pack_get_id(jread *c, const cJSON *obj, const char *name, char **out)
{
    const cJSON *v = jread_member(c, obj, name, true);
    if (!v) return JREAD_BAD;
    size_t mark = jread_push_key(c, name);
    jread_got r = JREAD_BAD;
    char buf[200];
    if (!cJSON_IsString(v)) {
        jread_rep(c, v, PACK_ERROR, "must be text, not %s", jread_type_name(v));
    } else if (!id_ok(v->valuestring)) {
        jread_rep(c, v, PACK_ERROR, "must be 1 to 64 lower-case letters (a-z), digits and '-', "
            "starting with a letter or digit (got \"%s\")", utf8_quote(v->valuestring, buf, sizeof buf, 70));
    } else if (!(*out = pack_strdup(v->valuestring))) {
        jread_oom(c, v);
    } else {
        r = JREAD_OK;
    }
    jread_pop(c, mark);
    return r;
}

/* ISO 639-1 codes, each between spaces. */
static const char iso639_1[] =
    " aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr "
    "cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu "
    "gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk "
    "kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms "
    "mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro "
    "ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl "
    "tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu ";

bool pack_iso_lang(const char *s)
{
    if (strlen(s) != 2) return false;
    char key[5] = {' ', s[0], s[1], ' ', 0};
    return strstr(iso639_1, key) != NULL;
}

/* A pack_text's lang and text arrays share one allocation (lang is its start). The
 * language strings are not copied: they are the pack's own (pack.lang), or a static
 * string while the pack's languages are unknown (such a pack is rejected anyway). */
void pack_text_free(pack_text *t)
{
    for (int i = 0; i < t->n; i++) free(t->text[i]);
    free(t->lang);
    memset(t, 0, sizeof *t);
}

bool pack_text_reserve(pack_text *t, int n)
{
    char **block = malloc(2 * (size_t)n * sizeof *block);
    if (!block) return false;
    t->lang = block;
    t->text = block + n;
    t->n = 0;
    return true;
}

bool pack_text_push(pack_text *t, const char *lang, const char *s)
{
    if (!(t->text[t->n] = pack_strdup(s))) return false;
    t->lang[t->n] = (char *)lang;
    t->n++;
    return true;
}

/* The pack's copy of language l, or NULL. */
const char *pack_lang(const pack *p, const char *l)
{
    for (int i = 0; i < p->nlang; i++)
        if (strcmp(p->lang[i], l) == 0) return p->lang[i];
    return NULL;
}

bool pack_has_lang(const pack *p, const char *l) { return pack_lang(p, l) != NULL; }

/* TEXT: a string, or {"en": "...", ...} keyed by the pack's languages. With voice
 * set, the texts are clip paths and are checked as such (*clip gets the length of
 * the clip in the default language). */
jread_got pack_check_text(jread *c, const cJSON *v, int max, bool voice, pack_text *out, gw_ns *clip)
{
    loader *L = LD(c);
    const char *expected = voice ? "a file path" : "text";
    if (cJSON_IsString(v)) {
        gw_ns len = 0;
        bool ok = voice ? pack_check_voice(c, v, &len) : jread_str(c, v, max, expected);
        if (!ok) return JREAD_BAD;
        if (!pack_text_reserve(out, 1) || !pack_text_push(out, L->deflang, v->valuestring)) {
            jread_oom(c, v);
            return JREAD_BAD;
        }
        out->every = true;
        if (clip) *clip = len;
        return JREAD_OK;
    }
    if (!cJSON_IsObject(v)) {
        jread_rep(c, v, PACK_ERROR, "must be %s, or an object of %ss by language like {\"en\": ...}, "
            "not %s", expected, expected + (voice ? 2 : 0), jread_type_name(v));
        return JREAD_BAD;
    }
    if (!v->child) {
        jread_rep(c, v, PACK_ERROR, "must give at least one language, like {\"en\": ...}");
        return JREAD_BAD;
    }
    bool bad = false;
    char buf[200];
    int nlang = cJSON_GetArraySize(v);
    if (nlang > 32) {
        jread_rep(c, v, PACK_ERROR, "gives %d languages; a pack has at most 32", nlang);
        return JREAD_BAD;
    }
    if (!pack_text_reserve(out, nlang)) {
        jread_oom(c, v);
        return JREAD_BAD;
    }
    for (const cJSON *m = v->child; m; m = m->next) {
        const char *k = m->string ? m->string : "";
        size_t mark = jread_push_key(c, k);
        bool dup = false;
        for (const cJSON *q = v->child; q != m; q = q->next)
            if (q->string && strcmp(q->string, k) == 0) dup = true;
        if (dup) {
            jread_rep_key(c, m, PACK_ERROR, "language \"%s\" is given twice", utf8_quote(k, buf, sizeof buf, 20));
            bad = true;
        } else if (L->langs_ok && !pack_has_lang(L->p, k)) {
            char list[200] = "";
            for (int i = 0; i < L->p->nlang; i++) {
                size_t l = strlen(list);
                snprintf(list + l, sizeof list - l, "%s%s", i ? ", " : "", L->p->lang[i]);
            }
            jread_rep_key(c, m, PACK_ERROR, "\"%s\" is not one of the pack's languages (%s)",
                    utf8_quote(k, buf, sizeof buf, 20), list);
            bad = true;
        } else if (!L->langs_ok && !pack_iso_lang(k)) {
            jread_rep_key(c, m, PACK_ERROR, "\"%s\" is not a two-letter ISO 639-1 language code",
                    utf8_quote(k, buf, sizeof buf, 20));
            bad = true;
        } else {
            gw_ns len = 0;
            bool ok = voice ? pack_check_voice(c, m, &len) : jread_str(c, m, max, expected);
            if (!ok) {
                bad = true;
            } else if (!pack_text_push(out, L->langs_ok ? pack_lang(L->p, k) : "und", m->valuestring)) {
                jread_oom(c, m);
                bad = true;
            } else if (clip && (strcmp(k, L->deflang) == 0 || out->n == 1)) {
                *clip = len;
            }
        }
        jread_pop(c, mark);
    }
    if (bad) return JREAD_BAD;
    /* a language without its own clips runs captions-only (pack_voice_get): not a fault
     * of each step, so only text is warned about */
    if (L->langs_ok && !voice) {
        for (int i = 0; i < L->p->nlang; i++) {
            const char *l = L->p->lang[i];
            if (jread_obj_get(v, l)) continue;
            const char *shown = pack_text_get(out, l);
            const char *from = out->lang[0];
            for (int j = 0; j < out->n; j++)
                if (out->text[j] == shown) from = out->lang[j];
            jread_rep(c, v, PACK_WARNING, "no \"%s\" text; the \"%s\" one is used", l, from);
        }
    }
    return JREAD_OK;
}

jread_got pack_get_text(jread *c, const cJSON *obj, const char *name, bool req, int max, pack_text *out)
{
    const cJSON *v = jread_member(c, obj, name, req);
    if (!v) return req ? JREAD_BAD : JREAD_NONE;
    size_t mark = jread_push_key(c, name);
    jread_got r = pack_check_text(c, v, max, false, out, NULL);
    jread_pop(c, mark);
    return r;
}

jread_got pack_get_voice(jread *c, const cJSON *obj, pack_text *out, gw_ns *clip)
{
    const cJSON *v = jread_member(c, obj, "voice", false);
    if (!v) return JREAD_NONE;
    size_t mark = jread_push_key(c, "voice");
    jread_got r = pack_check_text(c, v, 0, true, out, clip);
    jread_pop(c, mark);
    return r;
}

/* ---- files a pack refers to ------------------------------------------------- */

/* A relative path in the pack that must name an existing file inside it. On success
 * *full is dir/rel (caller frees), or NULL when there is no folder to look in. */
bool pack_check_path(jread *c, const cJSON *v, const char *what, char **full)
{
    *full = NULL;
    char why[256], buf[200];
    if (!cJSON_IsString(v) || !v->valuestring) {
        jread_rep(c, v, PACK_ERROR, "must be a file path (text), not %s", jread_type_name(v));
        return false;
    }
    const char *rel = v->valuestring;
    if (utf8_count(rel) < 0) {
        jread_rep(c, v, PACK_ERROR, "is not valid UTF-8 text (save the file as UTF-8)");
        return false;
    }
    if (strlen(rel) > 255) {
        jread_rep(c, v, PACK_ERROR, "is too long for a file path (at most 255 bytes)");
        return false;
    }
    if (!pack_path_syntax_ok(rel, why, sizeof why)) {
        jread_rep(c, v, PACK_ERROR, "%s \"%s\" %s", what, utf8_quote(rel, buf, sizeof buf, 80), why);
        return false;
    }
    if (!LD(c)->dir) return true;
    if (!pack_path_resolve(LD(c)->dir, LD(c)->root_real, rel, &LD(c)->path_cache, full, why,
                           sizeof why)) {
        jread_rep(c, v, PACK_ERROR, "%s \"%s\" %s", what, utf8_quote(rel, buf, sizeof buf, 80), why);
        return false;
    }
    return true;
}

bool pack_check_voice(jread *c, const cJSON *v, gw_ns *len)
{
    char *full = NULL, why[256], buf[200];
    *len = 0;
    if (!pack_check_path(c, v, "voice clip", &full)) return false;
    bool ok = true;
    if (full && !pack_audio_check_at(full, v->valuestring, &LD(c)->path_cache, len, why, sizeof why)) {
        jread_rep(c, v, PACK_ERROR, "voice clip \"%s\" %s", utf8_quote(v->valuestring, buf, sizeof buf, 80), why);
        ok = false;
    }
    free(full);
    return ok;
}
