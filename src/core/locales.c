#include "core/locales.h"
#include "core/jsonloc.h"
#include "core/rfile.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE_BYTES (1024 * 1024)
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
    if (!get_text(tx, &ln->text, why)) {
        free(ln->region);
        ln->region = NULL;
        return false;
    }
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
    memset(&jl, 0, sizeof jl);
    jsonloc_status js = jsonloc_scan(&jl, buf, len, 32);
    cJSON *root = js == JSONLOC_OK ? jsonloc_parse(&jl, NULL) : NULL;
    if (!root) {
        bool nomem = js == JSONLOC_NOMEM || jl.nomem;
        jsonloc_free(&jl);
        return fail(err, n, name, nomem ? "out of memory" : "not valid JSON (run “groundwork validate” on the pack)");
    }
    const char *why = NULL;
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(root, "disclaimer");
    const cJSON *cl = cJSON_GetObjectItemCaseSensitive(root, "crisis_lines");
    pack_text disc = { 0 };
    int nl = cJSON_IsArray(cl) ? cJSON_GetArraySize(cl) : 0;
    locale_line *lines = NULL;
    int got = 0;
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

const char *locales_crisis_line(const locales *l, const char *region, const char *lang)
{
    const locale_line *ln = region && region[0] && strcmp(region, "*") ? find(l, region) : NULL;
    if (!ln)
        ln = find(l, "*");
    return ln ? pack_text_get(&ln->text, lang) : "";
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
    static const char *const VARS[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < sizeof VARS / sizeof VARS[0]; i++) {
        const char *v = getenv(VARS[i]);
        if (v && v[0])
            return locales_region_of(v, out, n);
    }
    if (out && n)
        out[0] = '\0';
    return false;
}
