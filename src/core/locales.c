#include "core/locales.h"
#include "core/jread.h"
#include "core/rfile.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE_BYTES (1024 * 1024)
#define MAX_DEPTH 32
#define MAX_TEXT_BYTES 1200  /* 300 characters of up to 4 bytes */

static void text_free(pack_text *t)
{
    for (int i = 0; i < t->n; i++) {
        free(t->lang[i]);
        free(t->text[i]);
    }
    free(t->lang);
    free(t->text);
    memset(t, 0, sizeof *t);
}

static char *dup(const char *s)
{
    size_t k = strlen(s) + 1;
    char *d = malloc(k);
    if (d)
        memcpy(d, s, k);
    return d;
}

/* Reads a TEXT: {"en": "...", "es": "..."} with at least one language. */
static bool get_text(const cJSON *v, pack_text *out, const char **why)
{
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(v) || !v->child) {
        *why = "a text must be an object of languages, such as {\"en\": \"...\"}";
        return false;
    }
    int n = cJSON_GetArraySize(v);
    out->lang = calloc((size_t)n, sizeof *out->lang);
    out->text = calloc((size_t)n, sizeof *out->text);
    if (!out->lang || !out->text) {
        text_free(out);
        *why = "out of memory";
        return false;
    }
    for (const cJSON *c = v->child; c; c = c->next) {
        if (!cJSON_IsString(c) || !c->string || !c->string[0] || strlen(c->valuestring) > MAX_TEXT_BYTES) {
            text_free(out);
            *why = "each language of a text must be a string of at most 300 characters";
            return false;
        }
        out->lang[out->n] = dup(c->string);
        out->text[out->n] = dup(c->valuestring);
        out->n++;
        if (!out->lang[out->n - 1] || !out->text[out->n - 1]) {
            text_free(out);
            *why = "out of memory";
            return false;
        }
    }
    return true;
}

static bool region_ok(const char *s)
{
    if (!strcmp(s, "*"))
        return true;
    return strlen(s) == 2 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]);
}

/* Reads one crisis_lines entry into ln. */
static bool get_line(const cJSON *e, locale_line *ln, const char **why)
{
    memset(ln, 0, sizeof *ln);
    const cJSON *rg = cJSON_GetObjectItemCaseSensitive(e, "regions");
    const cJSON *tx = cJSON_GetObjectItemCaseSensitive(e, "text");
    if (!cJSON_IsObject(e) || !cJSON_IsArray(rg) || cJSON_GetArraySize(rg) < 1) {
        *why = "each crisis line needs \"regions\": a list such as [\"US\"] or [\"*\"]";
        return false;
    }
    int n = cJSON_GetArraySize(rg);
    ln->region = calloc((size_t)n, sizeof *ln->region);
    if (!ln->region) {
        *why = "out of memory";
        return false;
    }
    for (const cJSON *c = rg->child; c; c = c->next) {
        if (!cJSON_IsString(c) || !region_ok(c->valuestring)) {
            free(ln->region);
            ln->region = NULL;
            *why = "a region is a two-letter upper-case country code such as \"US\", or \"*\"";
            return false;
        }
        snprintf(ln->region[ln->nregion++], sizeof ln->region[0], "%s", c->valuestring);
    }
    const cJSON *ph = cJSON_GetObjectItemCaseSensitive(e, "placeholder");
    if (ph && !cJSON_IsBool(ph)) {
        free(ln->region);
        ln->region = NULL;
        *why = "\"placeholder\" is true or false";
        return false;
    }
    ln->placeholder = cJSON_IsTrue(ph);
    if (!get_text(tx, &ln->text, why)) {
        free(ln->region);
        ln->region = NULL;
        return false;
    }
    return true;
}

/* "region_names": {"ES": TEXT, ...} into a table (*out, *n; owned by the caller). */
static bool get_names(const cJSON *o, locale_name **out, int *n, const char **why)
{
    *out = NULL;
    *n = 0;
    if (!o)
        return true;
    if (!cJSON_IsObject(o)) {
        *why = "\"region_names\" must be an object such as {\"ES\": {\"en\": \"Spain\"}}";
        return false;
    }
    int k = cJSON_GetArraySize(o);
    if (k > 0 && !(*out = calloc((size_t)k, sizeof **out))) {
        *why = "out of memory";
        return false;
    }
    for (const cJSON *c = o->child; c; c = c->next) {
        if (!c->string || !strcmp(c->string, "*") || !region_ok(c->string)) {
            *why = "\"region_names\" are given for two-letter upper-case country codes such as \"ES\"";
            return false;
        }
        snprintf((*out)[*n].region, sizeof (*out)[*n].region, "%s", c->string);
        if (!get_text(c, &(*out)[*n].name, why))
            return false;
        (*n)++;
    }
    return true;
}

/* "language_regions": {"es": "ES", ...} into a table (*out, *n; owned by the caller). */
static bool get_lang_regions(const cJSON *o, locale_lang_region **out, int *n, const char **why)
{
    *out = NULL;
    *n = 0;
    if (!o)
        return true;
    if (!cJSON_IsObject(o)) {
        *why = "\"language_regions\" must be an object such as {\"es\": \"ES\"}";
        return false;
    }
    int k = cJSON_GetArraySize(o);
    if (k > 0 && !(*out = calloc((size_t)k, sizeof **out))) {
        *why = "out of memory";
        return false;
    }
    for (const cJSON *c = o->child; c; c = c->next) {
        if (!c->string || !c->string[0] || strlen(c->string) >= sizeof (*out)[0].lang || !cJSON_IsString(c) ||
            !strcmp(c->valuestring, "*") || !region_ok(c->valuestring)) {
            *why = "each of \"language_regions\" is a language and a country code, such as \"es\": \"ES\"";
            return false;
        }
        snprintf((*out)[*n].lang, sizeof (*out)[*n].lang, "%s", c->string);
        snprintf((*out)[*n].region, sizeof (*out)[*n].region, "%s", c->valuestring);
        (*n)++;
    }
    return true;
}

static void names_free(locale_name *v, int n)
{
    for (int i = 0; i < n; i++)
        text_free(&v[i].name);
    free(v);
}

/* Appends src (n, moved) to *dst (*ndst); false when out of memory (src untouched). */
static bool append(void **dst, int *ndst, void *src, int n, size_t size)
{
    if (n == 0)
        return true;
    void *v = realloc(*dst, (size_t)(*ndst + n) * size);
    if (!v)
        return false;
    memcpy((char *)v + (size_t)*ndst * size, src, (size_t)n * size);
    *dst = v;
    *ndst += n;
    return true;
}

static bool fail(char *err, size_t n, const char *name, const char *why)
{
    if (err && n)
        snprintf(err, n, "%s: %s", name, why);
    return false;
}

bool locales_add_buffer(locales *l, const char *name, const char *buf, size_t len, char *err,
                        size_t n)
{
    if (!buf)
        return fail(err, n, name, "no data");
    /* scanned first, so that running out of memory is not reported as bad JSON */
    jsonloc jl;
    jread_fail f;
    cJSON *root = jread_tree(&jl, buf, len, MAX_DEPTH, &f);
    if (!root) {
        jsonloc_free(&jl);
        return fail(err, n, name, f.nomem ? "out of memory" : "not valid JSON (run “groundwork validate” on the pack)");
    }
    const char *why = NULL;
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(root, "disclaimer");
    const cJSON *cl = cJSON_GetObjectItemCaseSensitive(root, "crisis_lines");
    pack_text disc = { 0 };
    int nl = cJSON_IsArray(cl) ? cJSON_GetArraySize(cl) : 0;
    locale_line *lines = NULL;
    int got = 0, nnames = 0, nlangs = 0;
    locale_name *names = NULL;
    locale_lang_region *langs = NULL;
    if (!cJSON_IsObject(root))
        why = "the top level must be an object with \"disclaimer\" and \"crisis_lines\"";
    else if (d && !get_text(d, &disc, &why)) {
        /* why says what */
    } else if (cl && !cJSON_IsArray(cl))
        why = "\"crisis_lines\" must be a list";
    else if (nl > 0 && !(lines = calloc((size_t)nl, sizeof *lines)))
        why = "out of memory";
    else {
        for (const cJSON *e = cl ? cl->child : NULL; e; e = e->next) {
            if (!get_line(e, &lines[got], &why))
                break;
            got++;
        }
    }
    if (!why && get_names(cJSON_GetObjectItemCaseSensitive(root, "region_names"), &names, &nnames, &why))
        get_lang_regions(cJSON_GetObjectItemCaseSensitive(root, "language_regions"), &langs, &nlangs, &why);
    if (!why && nl > 0) {
        locale_line *v = realloc(l->line, (size_t)(l->nline + got) * sizeof *v);
        if (!v)
            why = "out of memory";
        else {
            memcpy(v + l->nline, lines, (size_t)got * sizeof *v);
            l->line = v;
            l->nline += got;
            got = 0;  /* moved */
        }
    }
    if (!why && append((void **)&l->name, &l->nname, names, nnames, sizeof *names))
        nnames = 0; /* moved */
    else if (!why)
        why = "out of memory";
    if (!why && !append((void **)&l->lang, &l->nlang, langs, nlangs, sizeof *langs))
        why = "out of memory";
    names_free(names, nnames);
    free(langs);
    for (int i = 0; i < got; i++) {
        free(lines[i].region);
        text_free(&lines[i].text);
    }
    free(lines);
    jsonloc_free(&jl); /* the tree lives in its arena */
    if (why) {
        text_free(&disc);
        return fail(err, n, name, why);
    }
    if (l->disclaimer.n == 0)
        l->disclaimer = disc;
    else
        text_free(&disc);
    return true;
}

bool locales_add_file(locales *l, const char *path, char *err, size_t n)
{
    char why[160];
    size_t len = 0;
    char *buf = rfile_read(path, MAX_FILE_BYTES, &len, why, sizeof why);  /* a FIFO must not block */
    if (!buf)
        return fail(err, n, path, why);
    bool ok = locales_add_buffer(l, path, buf, len, err, n);
    free(buf);
    return ok;
}

void locales_free(locales *l)
{
    text_free(&l->disclaimer);
    for (int i = 0; i < l->nline; i++) {
        free(l->line[i].region);
        text_free(&l->line[i].text);
    }
    free(l->line);
    names_free(l->name, l->nname);
    free(l->lang);
    memset(l, 0, sizeof *l);
}

const char *locales_disclaimer(const locales *l, const char *lang)
{
    return pack_text_get(&l->disclaimer, lang);
}

static const locale_line *find(const locales *l, const char *region)
{
    for (int i = 0; i < l->nline; i++)
        for (int k = 0; k < l->line[i].nregion; k++)
            if (!strcmp(l->line[i].region[k], region))
                return &l->line[i];
    return NULL;
}

const locale_line *locales_line(const locales *l, const char *region)
{
    const locale_line *ln = region && region[0] && strcmp(region, "*") ? find(l, region) : NULL;
    return ln ? ln : find(l, "*");
}

const char *locales_crisis_line(const locales *l, const char *region, const char *lang)
{
    const locale_line *ln = locales_line(l, region);
    return ln ? pack_text_get(&ln->text, lang) : "";
}

const char *locales_region_name(const locales *l, const char *region, const char *lang)
{
    for (int i = 0; region && i < l->nname; i++)
        if (!strcmp(l->name[i].region, region))
            return pack_text_get(&l->name[i].name, lang);
    return NULL;
}

int locales_regions(const locales *l, char (*out)[4], int max)
{
    int n = 0;
    for (int i = 0; i < l->nline; i++)
        for (int k = 0; k < l->line[i].nregion; k++) {
            const char *r = l->line[i].region[k];
            if (!strcmp(r, "*") || find(l, r) != &l->line[i])
                continue; /* the fallback, or a region an earlier entry has */
            if (n < max)
                snprintf(out[n], sizeof out[n], "%s", r);
            n++;
        }
    return n;
}

bool locales_region_for(const locales *l, const char *name, char *out, size_t n)
{
    if (locales_region_of(name, out, n))
        return true;
    if (!name || !out || n < 3)
        return false;
    size_t k = strcspn(name, "_-.@:");
    for (int i = 0; i < l->nlang; i++)
        if (strlen(l->lang[i].lang) == k && !strncmp(l->lang[i].lang, name, k)) {
            snprintf(out, n, "%s", l->lang[i].region);
            return true;
        }
    return false;
}

const char *locales_env_name(void)
{
    static const char *const VARS[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < sizeof VARS / sizeof VARS[0]; i++) {
        const char *v = getenv(VARS[i]);
        if (v && v[0])
            return v;
    }
    return NULL;
}

bool locales_region_of(const char *name, char *out, size_t n)
{
    if (out && n)
        out[0] = '\0';
    if (!name || !out || n < 3)
        return false;
    const char *u = strchr(name, '_');
    if (!u)
        u = strchr(name, '-');  /* "en-US" */
    if (!u || !isalpha((unsigned char)u[1]) || !isalpha((unsigned char)u[2]) ||
        isalpha((unsigned char)u[3]))
        return false;
    out[0] = (char)toupper((unsigned char)u[1]);
    out[1] = (char)toupper((unsigned char)u[2]);
    out[2] = '\0';
    return true;
}

bool locales_region_from_env(char *out, size_t n)
{
    const char *v = locales_env_name();
    if (v)
        return locales_region_of(v, out, n);
    if (out && n)
        out[0] = '\0';
    return false;
}

/* ---- checking a file (`groundwork validate`) -------------------------------- */

typedef struct chk {
    const char *name;
    jsonloc *jl;
    pack_diags *d;
    bool error;
    const char *const *langs;
    int nlangs;
} chk;

static void say(chk *c, const cJSON *at, bool at_key, pack_severity sev, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* A message at node's value (or the key naming it), with its JSON path. */
static void say(chk *c, const cJSON *at, bool at_key, pack_severity sev, const char *path, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t off = !at ? JSONLOC_NONE : at_key ? jsonloc_key_off(c->jl, at) : jsonloc_value_off(c->jl, at);
    jsonloc_pos p = jsonloc_at(c->jl, off);
    pack_diags_add(c->d, sev, c->name, p.line, p.col, path, msg);
    c->error = c->error || sev == PACK_ERROR;
}

/* s as it may be quoted in a message: at most 24 bytes, quotes and control characters
 * as '?'. */
static const char *quoted(const char *s, char *buf, size_t n)
{
    size_t k = 0;
    for (; s && s[k] && k + 1 < n && k < 24; k++)
        buf[k] = (unsigned char)s[k] < 0x20 || s[k] == '"' || s[k] == '\\' ? '?' : s[k];
    buf[k] = 0;
    return buf;
}

static long utf8_chars(const char *s)
{
    long n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static int cmp_num(const void *a, const void *b) { return strcmp(a, b); }

/* The phone numbers of a text, each with the spaces inside it left out ("116 123" and
 * "116\u00a0123" are both 116123), sorted, each once, joined by ", ". */
static void numbers_of(const char *s, char *out, size_t n)
{
    char num[16][24];
    int k = 0;
    for (const char *p = s; *p && k < 16;) {
        if (!isdigit((unsigned char)*p)) {
            p++;
            continue;
        }
        size_t len = 0;
        for (;;) {
            while (isdigit((unsigned char)*p)) {
                if (len + 1 < sizeof num[k])
                    num[k][len++] = *p;
                p++;
            }
            if (p[0] == ' ' && isdigit((unsigned char)p[1]))
                p += 1;
            else if (!strncmp(p, "\xc2\xa0", 2) && isdigit((unsigned char)p[2]))
                p += 2;
            else
                break;
        }
        num[k][len] = 0;
        bool seen = false;
        for (int j = 0; j < k && !seen; j++)
            seen = !strcmp(num[j], num[k]);
        k += !seen;
    }
    qsort(num, (size_t)k, sizeof num[0], cmp_num);
    out[0] = 0;
    for (int j = 0; j < k; j++)
        snprintf(out + strlen(out), n - strlen(out), "%s%s", j ? ", " : "", num[j]);
}

/* A TEXT: {"en": "...", ...}, each language a two-letter code and a non-empty text of
 * at most 300 characters. An interface language it lacks is a warning (the English
 * text, else the first, is used); with numbers set, so is a language whose numbers are
 * not those of the English text. */
static void check_text(chk *c, const cJSON *v, const char *path, bool numbers)
{
    char p[256], q[32], a[160], b[160];
    if (!cJSON_IsObject(v) || !v->child) {
        say(c, v, false, PACK_ERROR, path, "must be an object of texts by language, such as {\"en\": \"...\"}");
        return;
    }
    bool bad = false;
    const cJSON *en = NULL;
    for (const cJSON *m = v->child; m; m = m->next) {
        const char *k = m->string ? m->string : "";
        snprintf(p, sizeof p, "%s.%s", path, quoted(k, q, sizeof q));
        bool dup = false;
        for (const cJSON *o = v->child; o != m; o = o->next)
            dup = dup || (o->string && !strcmp(o->string, k));
        if (strlen(k) != 2 || !islower((unsigned char)k[0]) || !islower((unsigned char)k[1]))
            say(c, m, true, PACK_ERROR, p, "\"%s\" is not a two-letter ISO 639-1 language code", q);
        else if (dup)
            say(c, m, true, PACK_ERROR, p, "language \"%s\" is given twice", q);
        else if (!cJSON_IsString(m))
            say(c, m, false, PACK_ERROR, p, "must be text");
        else if (!m->valuestring[0])
            say(c, m, false, PACK_ERROR, p, "is empty: give the text, or leave the language out");
        else if (utf8_chars(m->valuestring) > 300)
            say(c, m, false, PACK_ERROR, p, "is %ld characters long; at most 300", utf8_chars(m->valuestring));
        else {
            if (!strcmp(k, "en"))
                en = m;
            continue;
        }
        bad = true;
    }
    if (bad)
        return;
    const cJSON *shown = en ? en : v->child;
    for (int i = 0; i < c->nlangs; i++)
        if (!cJSON_GetObjectItemCaseSensitive(v, c->langs[i]))
            say(c, v, false, PACK_WARNING, path, "no \"%s\" text; the \"%s\" one is used", c->langs[i],
                shown->string);
    if (!numbers)
        return;
    numbers_of(shown->valuestring, a, sizeof a);
    for (const cJSON *m = v->child; m; m = m->next) {
        numbers_of(m->valuestring, b, sizeof b);
        if (m != shown && strcmp(a, b)) {
            snprintf(p, sizeof p, "%s.%s", path, m->string);
            say(c, m, false, PACK_WARNING, p, "its numbers (%s) are not those of the \"%s\" text (%s): check them",
                b[0] ? b : "none", shown->string, a[0] ? a : "none");
        }
    }
}

/* Unknown members of an object are warnings. */
static void check_known(chk *c, const cJSON *o, const char *path, const char *const *known, int n)
{
    char p[256], q[32];
    for (const cJSON *m = o->child; m; m = m->next) {
        bool ok = false;
        for (int i = 0; i < n && !ok; i++)
            ok = m->string && !strcmp(m->string, known[i]);
        if (!ok) {
            snprintf(p, sizeof p, "%s.%s", path, quoted(m->string, q, sizeof q));
            say(c, m, true, PACK_WARNING, p, "unknown field \"%s\" is ignored", q);
        }
    }
}

static void check_lines(chk *c, const cJSON *root, const cJSON *cl, bool standalone)
{
    static const char *const KNOWN[] = { "regions", "text", "placeholder" };
    char p[256], q[32];
    if (!cl) {
        if (!standalone)
            say(c, root, false, PACK_ERROR, "$", "missing required field \"crisis_lines\"");
        return;
    }
    if (!cJSON_IsArray(cl) || (!cl->child && !standalone)) {
        say(c, cl, false, PACK_ERROR, "$.crisis_lines", "must be a list of lines, such as [{\"regions\": [\"*\"], "
                                                        "\"text\": {\"en\": \"...\"}}]");
        return;
    }
    bool fallback = false;
    int i = 0;
    for (const cJSON *e = cl->child; e; e = e->next, i++) {
        snprintf(p, sizeof p, "$.crisis_lines[%d]", i);
        if (!cJSON_IsObject(e)) {
            say(c, e, false, PACK_ERROR, p, "must be an object {\"regions\": [...], \"text\": {...}}");
            continue;
        }
        check_known(c, e, p, KNOWN, 3);
        const cJSON *rg = cJSON_GetObjectItemCaseSensitive(e, "regions");
        const cJSON *tx = cJSON_GetObjectItemCaseSensitive(e, "text");
        const cJSON *ph = cJSON_GetObjectItemCaseSensitive(e, "placeholder");
        snprintf(p, sizeof p, "$.crisis_lines[%d].regions", i);
        if (!cJSON_IsArray(rg) || !rg->child)
            say(c, rg ? rg : e, false, PACK_ERROR, rg ? p : "$.crisis_lines",
                "needs \"regions\": a list such as [\"US\"] or [\"*\"]");
        int k = 0;
        for (const cJSON *r = cJSON_IsArray(rg) ? rg->child : NULL; r; r = r->next, k++) {
            snprintf(p, sizeof p, "$.crisis_lines[%d].regions[%d]", i, k);
            if (!cJSON_IsString(r) || !region_ok(r->valuestring)) {
                say(c, r, false, PACK_ERROR, p, "a region is a two-letter upper-case country code (ISO 3166-1) "
                                                "such as \"US\", or \"*\" for every other");
                continue;
            }
            fallback = fallback || !strcmp(r->valuestring, "*");
            /* an earlier line for the same region wins: this one would never be shown */
            int j = 0;
            for (const cJSON *o = cl->child; o != e; o = o->next, j++) {
                const cJSON *org = cJSON_GetObjectItemCaseSensitive(o, "regions");
                bool has = false;
                for (const cJSON *x = cJSON_IsArray(org) ? org->child : NULL; x; x = x->next)
                    has = has || (cJSON_IsString(x) && !strcmp(x->valuestring, r->valuestring));
                if (has) {
                    say(c, r, false, PACK_WARNING, p, "\"%s\" already has a line at $.crisis_lines[%d]; "
                        "this one is never shown there", quoted(r->valuestring, q, sizeof q), j);
                    break;
                }
            }
        }
        snprintf(p, sizeof p, "$.crisis_lines[%d].placeholder", i);
        if (ph && !cJSON_IsBool(ph))
            say(c, ph, false, PACK_ERROR, p, "must be true or false");
        snprintf(p, sizeof p, "$.crisis_lines[%d].text", i);
        if (!tx)
            say(c, e, false, PACK_ERROR, p, "missing required field \"text\": the line in every language");
        else
            check_text(c, tx, p, true);
    }
    if (!fallback && !standalone)
        say(c, cl, false, PACK_ERROR, "$.crisis_lines", "needs a line for every other region: {\"regions\": "
                                                        "[\"*\"], ...}");
}

bool locales_check(const char *name, const char *buf, size_t len, bool standalone, const char *const *langs,
                   int nlangs, pack_diags *d)
{
    static const char *const KNOWN[] = { "disclaimer", "crisis_lines", "region_names", "language_regions" };
    jsonloc jl;
    jread_fail f;
    chk c = { name, &jl, d, false, langs, nlangs };
    char p[256], q[32];
    cJSON *root = jread_tree(&jl, buf, len, MAX_DEPTH, &f);
    if (!root) {
        /* a tree that could not be built from scanned text: only for want of memory */
        pack_diags_add(d, PACK_ERROR, name, f.at.line, f.at.col, "",
                       f.status == JSONLOC_OK ? "out of memory" : f.why);
        jsonloc_free(&jl);
        return false;
    }
    if (!cJSON_IsObject(root)) {
        say(&c, root, false, PACK_ERROR, "$", "must be an object with \"disclaimer\" and \"crisis_lines\"");
        jsonloc_free(&jl);
        return false;
    }
    check_known(&c, root, "$", KNOWN, 4);
    const cJSON *disc = cJSON_GetObjectItemCaseSensitive(root, "disclaimer");
    if (disc)
        check_text(&c, disc, "$.disclaimer", false);
    else if (!standalone)
        say(&c, root, false, PACK_ERROR, "$", "missing required field \"disclaimer\": \"This is a practice aid, "
                                              "not a substitute for professional care.\" in every language");
    check_lines(&c, root, cJSON_GetObjectItemCaseSensitive(root, "crisis_lines"), standalone);
    const cJSON *names = cJSON_GetObjectItemCaseSensitive(root, "region_names");
    if (names && !cJSON_IsObject(names))
        say(&c, names, false, PACK_ERROR, "$.region_names", "must be an object such as {\"ES\": {\"en\": \"Spain\"}}");
    for (const cJSON *m = cJSON_IsObject(names) ? names->child : NULL; m; m = m->next) {
        snprintf(p, sizeof p, "$.region_names.%s", quoted(m->string, q, sizeof q));
        if (!m->string || !strcmp(m->string, "*") || !region_ok(m->string))
            say(&c, m, true, PACK_ERROR, p, "a region is a two-letter upper-case country code such as \"ES\"");
        else
            check_text(&c, m, p, false);
    }
    const cJSON *lr = cJSON_GetObjectItemCaseSensitive(root, "language_regions");
    if (lr && !cJSON_IsObject(lr))
        say(&c, lr, false, PACK_ERROR, "$.language_regions", "must be an object such as {\"es\": \"ES\"}");
    for (const cJSON *m = cJSON_IsObject(lr) ? lr->child : NULL; m; m = m->next) {
        snprintf(p, sizeof p, "$.language_regions.%s", quoted(m->string, q, sizeof q));
        if (!m->string || !m->string[0] || strlen(m->string) >= sizeof ((locale_lang_region *)0)->lang)
            say(&c, m, true, PACK_ERROR, p, "must be a language code such as \"es\"");
        else if (!cJSON_IsString(m) || !strcmp(m->valuestring, "*") || !region_ok(m->valuestring))
            say(&c, m, false, PACK_ERROR, p, "must be a two-letter upper-case country code such as \"ES\"");
    }
    jsonloc_free(&jl);
    return !c.error;
}
