#include "core/i18n.h"

#include <locale.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void i18n_lang_from_env(char *out, size_t n)
{
    const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v && strcmp(v, "C") && strncmp(v, "C.", 2) && strcmp(v, "POSIX")) {
            size_t k = 0;
            while (v[k] && v[k] != '_' && v[k] != '.' && v[k] != ':' && v[k] != '@' && v[k] != '-' &&
                   k + 1 < n) {
                out[k] = v[k];
                k++;
            }
            out[k] = 0;
            if (k > 0)
                return;
        }
    }
    snprintf(out, n, "en");
}

/* Bumped whenever the language changes: every remembered translation is then stale. */
static atomic_uint generation = 1;

enum { TR_SLOTS = 256 };
typedef struct tr_slot {
    const char *id, *tr;
    unsigned gen;
} tr_slot;

const char *i18n_tr(const char *msgid)
{
    /* one table per thread (the content loader may translate as well) */
    static _Thread_local tr_slot table[TR_SLOTS];
    if (!msgid)
        return "";
    unsigned gen = atomic_load_explicit(&generation, memory_order_relaxed);
    uintptr_t h = (uintptr_t)msgid;
    h ^= h >> 4 ^ h >> 12;
    tr_slot *e = &table[h % TR_SLOTS];
    if (e->id != msgid || e->gen != gen) {
        e->tr = gettext(msgid);
        e->id = msgid;
        e->gen = gen;
    }
    return e->tr;
}

const char *i18n_ctx(const char *ctx_and_id)
{
    if (!ctx_and_id)
        return "";
    const char *tr = gettext(ctx_and_id);
    if (tr != ctx_and_id)
        return tr;
    const char *sep = strchr(ctx_and_id, '\004');
    return sep ? sep + 1 : ctx_and_id;
}

/* glibc's counter of loaded catalogues: incrementing it drops cached translations,
 * as the gettext manual describes for changing LANGUAGE at run time. */
extern int _nl_msg_cat_cntr;

void i18n_use_language(const char *lang)
{
    if (!lang || !*lang)
        return;
    setenv("LANGUAGE", lang, 1);
    const char *cur = setlocale(LC_MESSAGES, NULL);
    if (!cur || !strcmp(cur, "C") || !strcmp(cur, "POSIX"))
        if (!setlocale(LC_ALL, "C.UTF-8"))
            setlocale(LC_MESSAGES, "C.UTF-8");
    ++_nl_msg_cat_cntr;
    atomic_fetch_add(&generation, 1);
}

const char *i18n_ltr(char *out, size_t n, const char *s)
{
    snprintf(out, n, "\u2066%s\u2069", s ? s : "");
    return out;
}

bool i18n_is_rtl(const char *lang)
{
    static const char *const RTL[] = { "ar", "fa", "he", "ur" };
    if (!lang)
        return false;
    for (size_t i = 0; i < sizeof RTL / sizeof *RTL; i++) {
        size_t k = strlen(RTL[i]);
        if (!strncmp(lang, RTL[i], k) && (lang[k] == 0 || lang[k] == '_' || lang[k] == '-'))
            return true;
    }
    return false;
}

void i18n_day_month(char *out, size_t n, int day, int month)
{
    static const char *const MON[] = { N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
                                       N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec") };
    if (!out || n == 0)
        return;
    if (month < 1 || month > 12) {
        snprintf(out, n, "?");
        return;
    }
    /* A short date: %d the day of the month, %s the abbreviated month ("5 Jan"). Use
     * %2$s and %1$d to put the month first. */
    snprintf(out, n, i18n_ctx(NC_("day and month", "%d %s")), day, gettext(MON[month - 1]));
}

/* The interface's languages (English and po/LINGUAS), each with the tag that says
 * content is in it. */
static const struct {
    const char *code, *in;
} UI_LANG[] = { { "en", N_("in English") }, { "es", N_("in Spanish") }, { "de", N_("in German") },
                { "ar", N_("in Arabic") } };

static int ui_lang(const char *code)
{
    size_t l = code ? strcspn(code, "_-.@") : 0;
    for (int i = 0; i < (int)(sizeof UI_LANG / sizeof *UI_LANG); i++)
        if (l == 2 && !strncasecmp(code, UI_LANG[i].code, 2))
            return i;
    return -1;
}

const char *i18n_ui_lang(const char *lang)
{
    int i = ui_lang(lang);
    return UI_LANG[i < 0 ? 0 : i].code;
}

void i18n_in_language(char *out, size_t n, const char *code)
{
    if (!out || n == 0)
        return;
    int i = ui_lang(code);
    if (i >= 0)
        snprintf(out, n, "%s", i18n_tr(UI_LANG[i].in));
    else /* a language the interface has no name for: its code ("fr") */
        snprintf(out, n, _("in language “%s”"), code ? code : "?");
}
