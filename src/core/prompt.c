#include "core/prompt.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

void prompt_start(prompt_run *r, const prompt_step *steps, int nstep, gw_ns t)
{
    memset(r, 0, sizeof *r);
    r->steps = steps;
    r->nstep = steps && nstep > 0 ? nstep : 0;
    r->step_start = t;
}

bool prompt_finished(const prompt_run *r) { return r->step >= r->nstep; }

const prompt_step *prompt_current(const prompt_run *r)
{
    return prompt_finished(r) ? NULL : &r->steps[r->step];
}

static void go(prompt_run *r, int to, gw_ns t)
{
    r->step = to;
    r->tally = 0;
    r->step_start = t;
}

bool prompt_next(prompt_run *r, gw_ns t)
{
    if (prompt_finished(r))
        return false;
    go(r, r->step + 1, t);
    return true;
}

bool prompt_prev(prompt_run *r, gw_ns t)
{
    if (prompt_finished(r) || r->step == 0)
        return false;
    go(r, r->step - 1, t);
    return true;
}

bool prompt_wants_tally(const prompt_run *r)
{
    const prompt_step *s = prompt_current(r);
    return s && r->tally < s->count;
}

bool prompt_tally(prompt_run *r)
{
    if (!prompt_wants_tally(r))
        return false;
    r->tally++;
    return true;
}

bool prompt_update(prompt_run *r, gw_ns t)
{
    const prompt_step *s = prompt_current(r);
    if (!s || !s->auto_advance || s->timer <= 0 || t < r->step_start + s->timer)
        return false;
    go(r, r->step + 1, r->step_start + s->timer);
    return true;
}

gw_ns prompt_remaining(const prompt_run *r, gw_ns t)
{
    const prompt_step *s = prompt_current(r);
    if (!s || s->timer <= 0)
        return 0;
    gw_ns left = r->step_start + s->timer - t;
    return left < 0 ? 0 : left > s->timer ? s->timer : left;
}

float prompt_timer_fraction(const prompt_run *r, gw_ns t)
{
    const prompt_step *s = prompt_current(r);
    if (!s || s->timer <= 0)
        return 0;
    return (float)(1.0 - (double)prompt_remaining(r, t) / (double)s->timer);
}

gw_ns prompt_next_change(const prompt_run *r, gw_ns t)
{
    gw_ns left = prompt_remaining(r, t);
    if (left <= 0)
        return GW_NEVER;
    /* the countdown shows whole seconds, rounded up */
    gw_ns part = left % GW_NS_PER_SEC;
    return t + (part ? part : GW_NS_PER_SEC);
}

/* Appends up to len bytes of s, stopping on a UTF-8 boundary when out is full. */
static void put(char *out, size_t n, size_t *at, const char *s, size_t len)
{
    if (*at + 1 >= n)
        return;
    size_t room = n - 1 - *at;
    if (len > room) {
        len = room;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(out + *at, s, len);
    *at += len;
    out[*at] = '\0';
}

size_t prompt_expand(char *out, size_t n, const char *text, const char *date, const char *name)
{
    if (!out || n == 0)
        return 0;
    size_t at = 0;
    out[0] = '\0';
    if (!text)
        return 0;
    const char *p = text;
    while (*p) {
        const char *b = strchr(p, '{');
        if (!b) {
            put(out, n, &at, p, strlen(p));
            break;
        }
        put(out, n, &at, p, (size_t)(b - p));
        if (!strncmp(b, "{date}", 6)) {
            put(out, n, &at, date ? date : "", date ? strlen(date) : 0);
            p = b + 6;
        } else if (!strncmp(b, "{name}", 6)) {
            put(out, n, &at, name ? name : "", name ? strlen(name) : 0);
            p = b + 6;
        } else {
            put(out, n, &at, b, 1);
            p = b + 1;
        }
    }
    return at;
}

bool prompt_has_placeholder(const char *text, const char *ph)
{
    return text && ph && *ph && strstr(text, ph) != NULL;
}

static const char *date_pattern(const char *lang, const char *region)
{
    if (!strncmp(lang, "es", 2))
        return "%A, %-d de %B de %Y";
    if (!strncmp(lang, "de", 2))
        return "%A, %-d. %B %Y";
    if (!strncmp(lang, "en", 2) && region && !strcmp(region, "US"))
        return "%A, %B %-d, %Y";
    return "%A %-d %B %Y";
}

/* A locale with the day and month names of lang, or (locale_t)0. */
static locale_t names_for(const char *lang, const char *region)
{
    if (!strncmp(lang, "en", 2) || !lang[0])
        return newlocale(LC_TIME_MASK, "C", (locale_t)0);
    char l2[3] = { lang[0], lang[1] ? lang[1] : '\0', '\0' };
    char name[32];
    if (region && region[0]) {
        snprintf(name, sizeof name, "%s_%s.UTF-8", l2, region);
        locale_t loc = newlocale(LC_TIME_MASK, name, (locale_t)0);
        if (loc)
            return loc;
    }
    /* the language's home country: es_ES, de_DE, fr_FR ...; Arabic: Egypt (Gregorian
     * month names as in most Arabic-speaking countries) */
    if (!strcmp(l2, "ar"))
        snprintf(name, sizeof name, "ar_EG.UTF-8");
    else
        snprintf(name, sizeof name, "%s_%c%c.UTF-8", l2, l2[0] - 'a' + 'A', l2[1] ? l2[1] - 'a' + 'A' : 'X');
    return newlocale(LC_TIME_MASK, name, (locale_t)0);
}

char *prompt_format_date(char *out, size_t n, const struct tm *tm, const char *lang,
                         const char *region)
{
    if (!out || n == 0)
        return out;
    out[0] = '\0';
    if (!tm)
        return out;
    if (!lang)
        lang = "en";
    locale_t loc = (lang[0] >= 'a' && lang[0] <= 'z') || !lang[0] ? names_for(lang, region) : (locale_t)0;
    size_t w = 0;
    if (loc) {
        w = strftime_l(out, n, date_pattern(lang, region), tm, loc);
        freelocale(loc);
    }
    if (w == 0)
        snprintf(out, n, "%04d-%02d-%02d", tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday);
    return out;
}
