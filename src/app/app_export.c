#include "app/app_export.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/report.h"
#include "core/i18n.h"
#include "core/plog.h"
#include "core/xfile.h"
#include "platform/plat_portal.h"


typedef struct job {
    export_kind kind;
    const plog_session *s;
    int n;
    report_input rep;
} job;

static bool write_job(FILE *f, void *ctx)
{
    const job *j = ctx;
    if (j->kind == EXPORT_SUMMARY)
        return report_write_pdf(f, &j->rep);
    if (j->kind == EXPORT_JSON)
        plog_write_json(f, j->s, j->n);
    else
        plog_write_csv(f, j->s, j->n);
    return !ferror(f);
}

static const char *kind_name(export_kind k) { return k == EXPORT_SUMMARY ? "summary" : k == EXPORT_JSON ? "json" : "csv"; }

/* Why a folder could not be written, in the person's words. */
static const char *why_not(int e)
{
    if (e == ENOENT || e == ENOTDIR)
        return _("it does not exist");
    if (e == EACCES || e == EPERM || e == EROFS)
        return _("it cannot be written to");
    if (e == ENOSPC || e == EDQUOT)
        return _("the disk is full");
    return strerror(e);
}

/* A path or the system's English words put into a sentence shown on screen, kept left
 * to right (i18n_ltr): in Arabic the bidi algorithm would otherwise move its slashes,
 * dots and words ("/tmp/x" shown "tmp/x/"). Text already in a right-to-left script (a
 * translated reason) is left as it is: forced left to right, its words would run
 * backwards. The marks are not drawn. */
static const char *shown(char *out, size_t n, const char *s)
{
    for (const unsigned char *c = (const unsigned char *)s; *c; c++)
        if (*c >= 0xD6 && *c <= 0xDF) /* U+0590-U+07FF: Hebrew, Arabic, Syriac, Thaana, N'Ko */
            return snprintf(out, n, "%s", s), out;
    return i18n_ltr(out, n, s);
}

/* msg as traced: the same words without shown's isolates (U+2066 and the U+2069 that
 * closes it), so traces do not depend on how the screen isolates them; the
 * translations' own marks (U+2068 around a path) stay, as they always were traced. */
static void unmarked(char *out, size_t n, const char *msg)
{
    size_t k = 0;
    unsigned mine = 0, depth = 0; /* bit d: the isolate opened at depth d is shown's */
    for (const char *c = msg; *c && k + 1 < n; c++) {
        unsigned char c2 = (unsigned char)c[2];
        if ((unsigned char)c[0] == 0xE2 && (unsigned char)c[1] == 0x81 && c2 >= 0xA6 && c2 <= 0xA9) {
            bool skip = false;
            if (c2 == 0xA9 && depth > 0)
                skip = (mine >> --depth) & 1u;
            else if (c2 != 0xA9 && depth < 32) {
                skip = c2 == 0xA6;
                mine = skip ? mine | 1u << depth : mine & ~(1u << depth);
                depth++;
            }
            if (skip) {
                c += 2;
                continue;
            }
        }
        out[k++] = *c;
    }
    out[k] = 0;
}

static void traced(app *a, export_kind k, const char *via, const char *path)
{
    trace_begin(a->tr, a->now, "export");
    trace_str(a->tr, "kind", kind_name(k));
    trace_str(a->tr, "via", via);
    trace_str(a->tr, "path", path);
    trace_end(a->tr);
}

static bool async_portal;

void app_export_async(bool on) { async_portal = on; }
bool app_export_is_async(void) { return async_portal; }

void app_export_prepare(app *a, export_kind kind, int days, export_req *r)
{
    char iso[32];
    app_wall_iso(a, iso, sizeof iso);
    r->kind = kind;
    r->days = days;
    snprintf(r->ext, sizeof r->ext, "%s", kind == EXPORT_SUMMARY ? ".pdf" : kind == EXPORT_JSON ? ".json" : ".csv");
    snprintf(r->stem, sizeof r->stem, "groundwork-%s-%.10s", kind == EXPORT_SUMMARY ? "summary" : "log", iso);
    snprintf(r->name, sizeof r->name, "%s%s", r->stem, r->ext);
    snprintf(r->title, sizeof r->title, "%s",
             kind == EXPORT_SUMMARY ? _("Save the summary for your therapist") : _("Save your practice log"));
}

bool app_export(app *a, export_kind kind, int days, char *msg, size_t msgn)
{
    export_req r;
    char path[PATH_MAX] = "", why[512] = "";
    app_export_prepare(a, kind, days, &r);
    portal_result pr = portal_save_file(r.title, r.name, APP_EXPORT_ANSWER_MS, APP_EXPORT_CHOOSE_MS, path,
                                        sizeof path, why, sizeof why);
    return app_export_finish(a, &r, pr, path, why, msg, msgn);
}

bool app_export_finish(app *a, const export_req *r, portal_result pr, const char *chosen, const char *pwhy,
                       char *msg, size_t msgn)
{
    char err[PATH_MAX + 300] = "", iso[32];
    export_kind kind = r->kind;
    msg[0] = 0;
    trace_begin(a->tr, a->now, "portal");
    trace_str(a->tr, "result", pr == PORTAL_CHOSEN ? "chosen" : pr == PORTAL_CANCELLED ? "cancelled" : "unavailable");
    if (pr == PORTAL_UNAVAILABLE && pwhy[0])
        trace_str(a->tr, "why", pwhy);
    trace_end(a->tr);
    if (pr == PORTAL_CANCELLED) {
        snprintf(msg, msgn, "%s", _("Nothing was exported: the save window was closed."));
        return false;
    }
    struct plog *p = app_log_retry(a);
    if (!p)
        p = app_log(a);
    if (!p) {
        char w[PATH_MAX + 300];
        snprintf(msg, msgn, "%s %s", _("Nothing was exported: the practice log cannot be opened."),
                 shown(w, sizeof w, app_log_problem(a)));
        trace_begin(a->tr, a->now, "export_failed");
        trace_str(a->tr, "why", app_log_problem(a));
        trace_end(a->tr);
        return false;
    }
    plog_session *s = NULL;
    int n = plog_list(p, &s, err, sizeof err);
    /* the JSON export carries each session's heart beats too: the whole log */
    if (n >= 0 && kind == EXPORT_JSON && !plog_attach_beats(p, s, n, err, sizeof err)) {
        plog_sessions_free(s, n);
        s = NULL;
        n = -1;
    }
    if (n < 0) {
        char w[PATH_MAX + 310];
        snprintf(msg, msgn, "%s %s", _("Nothing was exported: the practice log cannot be read."),
                 shown(w, sizeof w, err));
        trace_begin(a->tr, a->now, "export_failed");
        trace_str(a->tr, "why", err);
        trace_end(a->tr);
        return false;
    }
    app_wall_iso(a, iso, sizeof iso);
    job j = { kind, s, n, { s, n, plog_day_of(iso, NULL), r->days, a->packs, a->lang, iso } };
    const char *stem = r->stem, *ext = r->ext;
    char path[PATH_MAX], out[PATH_MAX], why[4 * PATH_MAX] = "", m1[PATH_MAX + 310], m2[PATH_MAX + 310];
    snprintf(path, sizeof path, "%s", chosen);
    bool ok = false;
    char reason[PATH_MAX + 400] = "";

    if (pr == PORTAL_CHOSEN) {
        /* never over a file: the chosen name taken, the next free one beside it */
        xfile_status st = xfile_write(path, false, write_job, &j, err, sizeof err);
        if (st == XFILE_EXISTS) {
            char dir[PATH_MAX], pstem[PATH_MAX];
            const char *slash = strrchr(path, '/');
            snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
            snprintf(pstem, sizeof pstem, "%s", slash + 1);
            char *dot = strrchr(pstem, '.');
            const char *pext = dot ? path + (slash + 1 - path) + (dot - pstem) : "";
            if (dot)
                *dot = 0;
            st = xfile_write_new(dir, pstem, pext, write_job, &j, out, sizeof out, err, sizeof err);
            if (st == XFILE_OK)
                snprintf(path, sizeof path, "%s", out);
        }
        if (st == XFILE_OK) {
            traced(a, kind, "portal", path);
            snprintf(msg, msgn, _("Saved in %s"), shown(m1, sizeof m1, path));
            ok = true;
        } else
            snprintf(reason, sizeof reason, _("It could not be saved where you chose (%s)."), shown(m1, sizeof m1, err));
    } else
        /* no portal: said on screen, plainly, with where it went instead */
        snprintf(reason, sizeof reason, "%s", _("The desktop's save window is not available."));

    if (!ok) {
        char docs[PATH_MAX];
        const char *home = getenv("HOME");
        bool have = xfile_documents_dir(docs, sizeof docs);
        xfile_status st = XFILE_FAILED;
        int e = ENOENT;
        struct stat sb;
        if (have && stat(docs, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            st = xfile_write_new(docs, stem, ext, write_job, &j, out, sizeof out, err, sizeof err);
            e = errno;
        }
        if (st == XFILE_OK) {
            traced(a, kind, "documents", out);
            snprintf(why, sizeof why, _("Saved in your documents folder: %s"), shown(m1, sizeof m1, out));
            ok = true;
        } else if (home && home[0] == '/' && strcmp(home, have ? docs : "")) {
            char first[2 * PATH_MAX + 700];
            snprintf(first, sizeof first, _("Your documents folder (%s) could not be used: %s."),
                     shown(m1, sizeof m1, have ? docs : "?"), shown(m2, sizeof m2, why_not(e)));
            st = xfile_write_new(home, stem, ext, write_job, &j, out, sizeof out, err, sizeof err);
            if (st == XFILE_OK) {
                traced(a, kind, "home", out);
                snprintf(why, sizeof why, "%s ", first);
                size_t k = strlen(why);
                snprintf(why + k, sizeof why - k, _("Saved in your home folder: %s"), shown(m1, sizeof m1, out));
                ok = true;
            } else
                snprintf(why, sizeof why, "%s %s", first, shown(m1, sizeof m1, err));
        } else
            snprintf(why, sizeof why, _("Your documents folder (%s) could not be used: %s."),
                     shown(m1, sizeof m1, have ? docs : "?"), shown(m2, sizeof m2, why_not(e)));
        if (ok)
            snprintf(msg, msgn, "%s %s", reason, why);
        else {
            snprintf(msg, msgn, "%s %s %s", reason, why, _("Nothing was exported; your practice log is unchanged."));
            char *plain = malloc(msgn);
            if (plain)
                unmarked(plain, msgn, msg);
            trace_begin(a->tr, a->now, "export_failed");
            trace_str(a->tr, "why", plain ? plain : msg);
            free(plain);
            trace_end(a->tr);
        }
    }
    plog_sessions_free(s, n);
    return ok;
}
