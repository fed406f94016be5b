/* plan: writes a take-home plan as a pack folder (see plan.h). JSON is written by hand
 * (only the loader touches cJSON); the loader then checks what was written. */
#include "core/plan.h"
#include "core/rfile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- a growable text buffer ------------------------------------------------ */
typedef struct sbuf {
    char *s;
    size_t n, cap;
    bool oom;
} sbuf;

static void sb_add(sbuf *b, const char *fmt, ...)
{
    if (b->oom)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(b->s ? b->s + b->n : NULL, b->s ? b->cap - b->n : 0, fmt, ap);
        va_end(ap);
        if (k < 0) {
            b->oom = true;
            return;
        }
        if (b->s && b->n + (size_t)k < b->cap) {
            b->n += (size_t)k;
            return;
        }
        size_t nc = (b->cap ? b->cap * 2 : 4096) + (size_t)k;
        char *ns = realloc(b->s, nc);
        if (!ns) {
            b->oom = true;
            return;
        }
        b->s = ns;
        b->cap = nc;
    }
}

/* A JSON string: quotes, backslashes and control characters escaped; UTF-8 kept. */
static void sb_str(sbuf *b, const char *s)
{
    sb_add(b, "\"");
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            sb_add(b, "\\%c", *p);
        else if (*p == '\n')
            sb_add(b, "\\n");
        else if (*p < 0x20)
            sb_add(b, "\\u%04x", *p);
        else
            sb_add(b, "%c", *p);
    }
    sb_add(b, "\"");
}

static void sb_text(sbuf *b, const pack_text *t)
{
    if (t->n == 1) {
        sb_str(b, t->text[0]);
        return;
    }
    sb_add(b, "{");
    for (int i = 0; i < t->n; i++) {
        sb_add(b, i ? ", " : "");
        sb_str(b, t->lang[i]);
        sb_add(b, ": ");
        sb_str(b, t->text[i]);
    }
    sb_add(b, "}");
}

static void sb_secs(sbuf *b, gw_ns ns)
{
    long long tenths = (ns + GW_NS_PER_SEC / 20) / (GW_NS_PER_SEC / 10);
    sb_add(b, "%lld.%lld", tenths / 10, tenths % 10);
}

/* ---- files ------------------------------------------------------------------ */
static bool mkdirs(const char *path, char *err, size_t errn)
{
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) {
        snprintf(err, errn, "%s: the path is too long", path);
        return false;
    }
    for (char *p = buf + 1;; p++) {
        if (*p == '/' || !*p) {
            char c = *p;
            *p = 0;
            if (mkdir(buf, 0755) != 0 && errno != EEXIST) {
                snprintf(err, errn, "%s: cannot create the folder: %s", buf, strerror(errno));
                return false;
            }
            *p = c;
            if (!c)
                return true;
        }
    }
}

/* Creates the folders leading to file dir/rel. */
static bool parent_dirs(const char *dir, const char *rel, char *err, size_t errn)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s/%s", dir, rel);
    char *slash = strrchr(buf, '/');
    if (!slash)
        return true;
    *slash = 0;
    return mkdirs(buf, err, errn);
}

static bool write_file(const char *path, const char *data, size_t n, char *err, size_t errn)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, errn, "%s: cannot write: %s", path, strerror(errno));
        return false;
    }
    bool ok = fwrite(data, 1, n, f) == n;
    ok = (fclose(f) == 0) && ok;
    if (!ok)
        snprintf(err, errn, "%s: cannot write: %s", path, strerror(errno));
    return ok;
}

static bool copy_file(const char *from, const char *to, char *err, size_t errn)
{
    char why[160];
    int fd = rfile_open(from, PACK_MAX_CLIP_BYTES, NULL, why, sizeof why);  /* never a FIFO */
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!f) {
        if (fd >= 0) {
            snprintf(why, sizeof why, "cannot be read: %s", strerror(errno));
            close(fd);
        }
        snprintf(err, errn, "%s %s", from, why);
        return false;
    }
    FILE *o = fopen(to, "wb");
    if (!o) {
        snprintf(err, errn, "%s: cannot write: %s", to, strerror(errno));
        fclose(f);
        return false;
    }
    char buf[65536];
    size_t k;
    bool ok = true;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0)
        if (fwrite(buf, 1, k, o) != k)
            ok = false;
    ok = !ferror(f) && ok;
    fclose(f);
    ok = (fclose(o) == 0) && ok;
    if (!ok)
        snprintf(err, errn, "%s: cannot copy to %s", from, to);
    return ok;
}

/* Copies the clips of a voice text from the exercise's pack into dir. */
static bool copy_voice(const exercise *e, const pack_text *v, const char *dir, char *err, size_t errn)
{
    for (int i = 0; i < v->n; i++) {
        char from[4096], to[4096];
        snprintf(from, sizeof from, "%s/%s", e->pack && e->pack->dir ? e->pack->dir : ".", v->text[i]);
        snprintf(to, sizeof to, "%s/%s", dir, v->text[i]);
        if (!parent_dirs(dir, v->text[i], err, errn) || !copy_file(from, to, err, errn))
            return false;
    }
    return true;
}

/* ---- the plan ----------------------------------------------------------------- */
void plan_freq_preset(int i, int *times_per_day, int *minutes)
{
    static const int T[PLAN_FREQ_COUNT][2] = { { 2, 5 }, { 1, 5 }, { 1, 10 }, { 3, 3 }, { 2, 10 } };
    i = ((i % PLAN_FREQ_COUNT) + PLAN_FREQ_COUNT) % PLAN_FREQ_COUNT;
    *times_per_day = T[i][0];
    *minutes = T[i][1];
}

bool plan_put(plan *p, const plan_item *item)
{
    for (int i = 0; i < p->n; i++)
        if (p->item[i].src == item->src) {
            p->item[i] = *item;
            return true;
        }
    if (p->n >= PLAN_MAX_ITEMS)
        return false;
    p->item[p->n++] = *item;
    return true;
}

bool plan_keeps_step(const plan_item *it, int step)
{
    const guided_step *s = &it->src->step[step];
    if (it->release_only && s->kind == STEP_TENSE)
        return false;
    if (s->region >= 0 && s->region < 64 && (it->drop_regions >> s->region) & 1u)
        return false;
    return true;
}

static void plan_exercise_id(const exercise *e, char *buf, size_t n)
{
    snprintf(buf, n, "plan-%.59s", e->id);
}

static const char *phase_name(breath_kind k)
{
    return breath_kind_row_of(k)->content; /* "inhale" for an unknown kind */
}

/* The resonance assessment as the pack wrote it (its rates are the protocol's). */
static void write_resonance(sbuf *b, const exercise *e)
{
    const res_plan *r = &e->resonance;
    sb_add(b, ",\n  \"resonance\": {\"block_seconds\": %lld, \"inhale\": %g, \"lead_in\": ",
           (long long)((r->block_ns > 0 ? r->block_ns : RES_BLOCK_NS) / GW_NS_PER_SEC),
           r->inhale > 0 ? r->inhale : RES_INHALE_DEFAULT);
    sb_secs(b, r->lead_in_ns);
    if (e->res_practice) {
        sb_add(b, ", \"practice\": ");
        sb_str(b, e->res_practice);
    }
    sb_add(b, "}");
}

static void write_breathing(sbuf *b, const plan_item *it)
{
    const breath_pattern *bp = &it->pattern;
    sb_add(b, ",\n  \"breathing\": {\n    \"phases\": [");
    for (int i = 0; i < bp->nphase; i++) {
        sb_add(b, "%s{\"phase\": \"%s\", \"seconds\": ", i ? ", " : "", phase_name(bp->phase[i].kind));
        sb_secs(b, (gw_ns)bp->phase[i].ms * GW_NS_PER_MS);
        if (i < BREATH_MAX_PHASES && it->src->phase_label[i].n > 0) { /* the exercise's own words */
            sb_add(b, ", \"label\": ");
            sb_text(b, &it->src->phase_label[i]);
        }
        sb_add(b, "}");
    }
    sb_add(b, "],\n    \"cycles\": %d", breath_total_cycles(bp));
    if (bp->ramp_from_bpm > 0) {
        sb_add(b, ",\n    \"ramp\": {\"from_bpm\": %g, \"to_bpm\": %g, \"minutes\": ", bp->ramp_from_bpm,
               bp->ramp_to_bpm);
        sb_secs(b, bp->ramp_ns / 60);
        sb_add(b, "}");
    }
    if (bp->lead_in_ns > 0) {
        sb_add(b, ",\n    \"lead_in\": ");
        sb_secs(b, bp->lead_in_ns);
    }
    if (bp->opening_ms > 0) {
        sb_add(b, ",\n    \"opening\": {\"phase\": \"exhale\", \"seconds\": ");
        sb_secs(b, (gw_ns)bp->opening_ms * GW_NS_PER_MS);
        if (it->src->opening_label.n > 0) {
            sb_add(b, ", \"label\": ");
            sb_text(b, &it->src->opening_label);
        }
        sb_add(b, "}");
    }
    if (it->src->style && it->src->style_named) /* else the client's own default applies */
        sb_add(b, ",\n    \"style\": \"%s\"", it->src->style);
    sb_add(b, "\n  }");
}

static bool write_guided(sbuf *b, const plan_item *it, const char *dir, char *err, size_t errn)
{
    static const char *const K[] = { "instruction", "tense", "release", "rest" };
    const exercise *e = it->src;
    sb_add(b, ",\n  \"guided\": {\"steps\": [");
    int kept = 0;
    for (int i = 0; i < e->nstep; i++) {
        if (!plan_keeps_step(it, i))
            continue;
        const guided_step *s = &e->step[i];
        sb_add(b, "%s\n    {\"kind\": \"%s\", \"caption\": ", kept++ ? "," : "", K[s->kind]);
        sb_text(b, &s->caption);
        if (s->duration > 0) {
            sb_add(b, ", \"seconds\": ");
            sb_secs(b, s->duration);
        } else if (s->pause > 0) {
            sb_add(b, ", \"pause\": ");
            sb_secs(b, s->pause);
        }
        if (s->voice.n > 0) {
            sb_add(b, ", \"voice\": ");
            sb_text(b, &s->voice);
            if (!copy_voice(e, &s->voice, dir, err, errn))
                return false;
        }
        if (s->region >= 0 && s->region < e->nregion) {
            sb_add(b, ", \"region\": ");
            sb_str(b, e->region[s->region].id);
        }
        sb_add(b, "}");
    }
    sb_add(b, "\n  ]}");
    if (!kept) {
        snprintf(err, errn, "“%s”: every step is left out; keep at least one", e->id);
        return false;
    }
    return true;
}

static bool write_prompts(sbuf *b, const exercise *e, const char *dir, char *err, size_t errn)
{
    sb_add(b, ",\n  \"prompts\": {\"steps\": [");
    for (int i = 0; i < e->nprompt; i++) {
        const prompt_step *s = &e->prompt[i];
        sb_add(b, "%s\n    {\"title\": ", i ? "," : "");
        sb_text(b, &s->title);
        sb_add(b, ", \"text\": ");
        sb_text(b, &s->text);
        if (s->hint.n > 0) {
            sb_add(b, ", \"hint\": ");
            sb_text(b, &s->hint);
        }
        if (s->count > 0)
            sb_add(b, ", \"count\": %d", s->count);
        if (s->timer > 0) {
            sb_add(b, ", \"timer\": ");
            sb_secs(b, s->timer);
            if (s->auto_advance)
                sb_add(b, ", \"auto_advance\": true");
        }
        if (s->voice.n > 0) {
            sb_add(b, ", \"voice\": ");
            sb_text(b, &s->voice);
            if (!copy_voice(e, &s->voice, dir, err, errn))
                return false;
        }
        sb_add(b, "}");
    }
    sb_add(b, "\n  ]}");
    return true;
}

static bool write_exercise(const plan_item *it, const char *dir, char *rel, size_t reln, char *err,
                           size_t errn)
{
    const exercise *e = it->src;
    char id[80];
    plan_exercise_id(e, id, sizeof id);
    snprintf(rel, reln, "exercises/%s.json", id);
    sbuf b = { 0 };
    sb_add(&b, "{\n  \"id\": \"%s\",\n  \"kind\": \"%s\",\n  \"category\": ", id, exercise_kind_name(e->kind));
    sb_str(&b, e->category ? e->category : "breathing");
    sb_add(&b, ",\n  \"title\": ");
    sb_text(&b, &e->title);
    sb_add(&b, ",\n  \"summary\": ");
    sb_text(&b, &e->summary);
    sb_add(&b, ",\n  \"cautions\": [");
    for (int i = 0; i < e->ncaution; i++) {
        sb_add(&b, i ? ", " : "");
        sb_text(&b, &e->caution[i]);
    }
    sb_add(&b, "],\n  \"source\": ");
    sb_str(&b, e->source && *e->source ? e->source : "Groundwork");
    sb_add(&b, ",\n  \"unattended\": %s", e->unattended ? "true" : "false");
    bool ok = true;
    if (exercise_paced(e))
        write_breathing(&b, it);
    else if (e->kind == EX_GUIDED)
        ok = write_guided(&b, it, dir, err, errn);
    else if (e->kind == EX_RESONANCE)
        write_resonance(&b, e);
    else
        ok = write_prompts(&b, e, dir, err, errn);
    sb_add(&b, "\n}\n");
    if (ok && b.oom) {
        snprintf(err, errn, "out of memory writing the plan");
        ok = false;
    }
    if (ok) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, rel);
        ok = parent_dirs(dir, rel, err, errn) && write_file(path, b.s, b.n, err, errn);
    }
    free(b.s);
    return ok;
}

/* The languages of the plan: those of its exercises' packs, first seen first. */
static int plan_langs(const plan *p, const char **out, int max)
{
    int n = 0;
    for (int i = 0; i < p->n; i++) {
        const pack *pk = p->item[i].src->pack;
        for (int j = 0; pk && j < pk->nlang; j++) {
            bool seen = false;
            for (int k = 0; k < n; k++)
                seen |= !strcmp(out[k], pk->lang[j]);
            if (!seen && n < max)
                out[n++] = pk->lang[j];
        }
    }
    if (!n)
        out[n++] = "en";
    return n;
}

/* The regions the kept guided steps name, each once (by id). */
static void write_regions(sbuf *b, const plan *p)
{
    const body_region *done[64];
    int nd = 0;
    for (int i = 0; i < p->n; i++) {
        const plan_item *it = &p->item[i];
        const exercise *e = it->src;
        if (e->kind != EX_GUIDED)
            continue;
        for (int s = 0; s < e->nstep; s++) {
            int r = e->step[s].region;
            if (r < 0 || r >= e->nregion || !plan_keeps_step(it, s))
                continue;
            const body_region *rg = &e->region[r];
            bool seen = false;
            for (int k = 0; k < nd; k++)
                seen |= !strcmp(done[k]->id, rg->id);
            if (seen || nd >= 64)
                continue;
            done[nd++] = rg;
            sb_add(b, "%s\n    {\"id\": ", nd > 1 ? "," : "");
            sb_str(b, rg->id);
            sb_add(b, ", \"name\": ");
            sb_text(b, &rg->name);
            sb_add(b, ", \"shapes\": [");
            for (int k = 0; k < rg->nshape; k++) {
                const struct body_shape *sh = &rg->shape[k];
                if (sh->type == 'e')
                    sb_add(b, "%s{\"ellipse\": [%g, %g, %g, %g]}", k ? ", " : "", sh->x0, sh->y0, sh->x1, sh->y1);
                else
                    sb_add(b, "%s{\"capsule\": [%g, %g, %g, %g, %g]}", k ? ", " : "", sh->x0, sh->y0, sh->x1,
                           sh->y1, sh->r);
            }
            sb_add(b, "]}");
        }
    }
    if (nd)
        sb_add(b, "\n  ],\n  ");
}

bool plan_write(const plan *p, const char *dir, char *err, size_t errn)
{
    if (p->n <= 0) {
        snprintf(err, errn, "the plan has no exercises yet");
        return false;
    }
    if (!mkdirs(dir, err, errn))
        return false;
    char rel[PLAN_MAX_ITEMS][128];
    for (int i = 0; i < p->n; i++)
        if (!write_exercise(&p->item[i], dir, rel[i], sizeof rel[i], err, errn))
            return false;

    sbuf b = { 0 };
    sb_add(&b, "{\n  \"format\": \"1.0\",\n  \"id\": ");
    sb_str(&b, p->id[0] ? p->id : "plan");
    sb_add(&b, ",\n  \"name\": \"Your practice plan\",\n  \"version\": \"1.0.0\",\n  \"languages\": [");
    const char *langs[32];
    int nl = plan_langs(p, langs, 32);
    for (int i = 0; i < nl; i++) {
        sb_add(&b, i ? ", " : "");
        sb_str(&b, langs[i]);
    }
    sb_add(&b, "],\n  \"authors\": [\"Groundwork present mode\"],\n  \"license\": \"CC-BY-4.0\",\n  \"sources\": [");
    int ns = 0;
    for (int i = 0; i < p->n; i++) {
        const exercise *e = p->item[i].src;
        if (!e->source || !*e->source)
            continue;
        bool seen = false;
        for (int k = 0; k < i; k++)
            seen |= p->item[k].src->source && !strcmp(p->item[k].src->source, e->source);
        if (!seen) {
            sb_add(&b, ns++ ? ", " : "");
            sb_str(&b, e->source);
        }
    }
    sb_add(&b, "],\n  \"plan\": {");
    bool any = false;
    if (p->note[0]) {
        sb_add(&b, "\"note\": ");
        sb_str(&b, p->note);
        any = true;
    }
    if (p->times_per_day > 0 && p->minutes > 0)
        sb_add(&b, "%s\"frequency\": {\"times_per_day\": %d, \"minutes\": %d}", any ? ", " : "",
               p->times_per_day, p->minutes);
    sb_add(&b, "},\n  \"regions\": [");
    size_t before = b.n;
    write_regions(&b, p);
    if (b.n == before && !b.oom) {
        b.n -= strlen(",\n  \"regions\": [");  /* no regions: leave the field out */
        sb_add(&b, ",\n  ");
    }
    sb_add(&b, "\"exercises\": [");
    for (int i = 0; i < p->n; i++) {
        sb_add(&b, i ? ", " : "");
        sb_str(&b, rel[i]);
    }
    sb_add(&b, "]\n}\n");
    bool ok = !b.oom;
    if (!ok)
        snprintf(err, errn, "out of memory writing the plan");
    char path[4096];
    snprintf(path, sizeof path, "%s/pack.json", dir);
    ok = ok && write_file(path, b.s, b.n, err, errn);
    free(b.s);
    if (!ok)
        return false;

    /* a plan that is saved is a plan that loads */
    pack_diags d = { 0 };
    pack *pk = pack_load_dir(dir, &d);
    if (!pk) {
        for (int i = 0; i < d.n; i++)
            if (d.v[i].severity == PACK_ERROR) {
                pack_diag_format(&d.v[i], err, errn);
                break;
            }
        if (!d.n)
            snprintf(err, errn, "%s: the saved plan does not load", dir);
    }
    pack_free(pk);
    pack_diags_free(&d);
    return pk != NULL;
}
