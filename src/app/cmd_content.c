/* `validate` and `list`: content on the command line. */
#include <cjson/cJSON.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/run.h"
#include "core/i18n.h"
#include "core/kiosk.h"
#include "core/locales.h"
#include "core/paths.h"
#include "core/rfile.h"

int cmd_validate(int argc, char **argv);
int cmd_list(const run_options *o, bool json);

/* The interface's languages (English and po/LINGUAS): the safety line is shown in the
 * interface's language, so a locales.json text without one of them is a warning. */
static const char *const UI_LANGS[] = { "en", "es", "de", "ar" };

/* Checks the locales.json of the pack in folder path, if it has one, or the file path
 * itself (a deployment's own, or a pack's when a pack.json is beside it). */
static void check_locales(const char *path, bool dir, pack_diags *d)
{
    char p[PATH_MAX], pj[PATH_MAX], why[256];
    if (dir ? !paths_join(p, sizeof p, path, "locales.json") || access(p, F_OK) != 0
            : snprintf(p, sizeof p, "%s", path) >= (int)sizeof p)
        return;
    snprintf(pj, sizeof pj, "%s", p);
    char *slash = strrchr(pj, '/');
    snprintf(slash ? slash + 1 : pj, sizeof pj - (size_t)(slash ? slash + 1 - pj : 0), "%s", "pack.json");
    bool standalone = !dir && access(pj, F_OK) != 0;
    size_t len = 0;
    char *buf = rfile_read(p, 1024 * 1024, &len, why, sizeof why);
    if (!buf)
        pack_diags_add(d, PACK_ERROR, p, 0, 0, "", why);
    else
        locales_check(p, buf, len, standalone, UI_LANGS, (int)(sizeof UI_LANGS / sizeof *UI_LANGS), d);
    free(buf);
}

/* A kiosk's settings (a PATH ending in kiosk.json): its problems, and the exercises it
 * names that no pack given or installed has, or that are not marked as suited to
 * unattended use (offered on purpose: a warning, as the kiosk gives at start). */
static void check_kiosk(const char *path, const pack_set *s, pack_diags *d)
{
    kiosk_config c;
    kiosk_errors errs = { 0 };
    kiosk_config_load(&c, path, &errs);
    size_t pl = strlen(path);
    for (int i = 0; i < errs.n; i++) { /* "PATH:LINE:COL: message" */
        const char *m = errs.msg[i];
        int line = 0, col = 0, used = 0;
        if (!strncmp(m, path, pl) && sscanf(m + pl, ":%d:%d: %n", &line, &col, &used) == 2 && used > 0)
            m += pl + used;
        else if (!strncmp(m, path, pl) && !strncmp(m + pl, ": ", 2))
            m += pl + 2;
        pack_diags_add(d, PACK_WARNING, path, line, col, "", m);
    }
    for (int i = 0; i <= c.nexercise; i++) {
        const char *id = i < c.nexercise ? c.exercise[i] : c.attract;
        char jp[64], msg[KIOSK_ID_MAX + 200];
        if (i < c.nexercise)
            snprintf(jp, sizeof jp, "$.exercises[%d]", i);
        else
            snprintf(jp, sizeof jp, "$.attract");
        if (!id[0])
            continue;
        const exercise *e = pack_set_find(s, id);
        if (!e)
            snprintf(msg, sizeof msg, "no pack given or installed has an exercise \"%s\"", id);
        else if (!e->unattended)
            snprintf(msg, sizeof msg, "\"%s\" is %s on purpose, but its pack does not mark it as suited to "
                     "unattended use (\"unattended\": false)", id, i < c.nexercise ? "offered" : "paced in the attract loop");
        else
            continue;
        pack_diags_add(d, PACK_WARNING, path, 0, 0, jp, msg);
    }
}

/* How many of d's diagnostics from first on are errors. */
static int errors_from(const pack_diags *d, int first)
{
    int n = 0;
    for (int i = first; i < d->n; i++)
        n += d->v[i].severity == PACK_ERROR;
    return n;
}

/* "ID: complete in en, es; de missing 12 texts": the languages the pack lists, those
 * every text is given in and how many texts each other one lacks (they are shown in
 * the fallback language, and the exercise says so). */
static void print_completeness(const pack *p)
{
    char done[256] = "", part[64];
    size_t k = 0;
    for (int i = 0; i < p->nlang; i++)
        if (pack_lang_missing(p, p->lang[i]) == 0 && k < sizeof done)
            k += (size_t)snprintf(done + k, sizeof done - k, "%s%s", k ? ", " : "complete in ", p->lang[i]);
    printf("%s: %s", p->id, done);
    bool sep = k > 0;
    for (int i = 0; i < p->nlang; i++) {
        int m = pack_lang_missing(p, p->lang[i]);
        if (m == 0)
            continue;
        snprintf(part, sizeof part, "%s missing %d text%s", p->lang[i], m, m == 1 ? "" : "s");
        printf("%s%s", sep ? "; " : "", part);
        sep = true;
    }
    putchar('\n');
}

int cmd_validate(int argc, char **argv)
{
    if (argc < 2 || (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))) {
        fputs("Usage: groundwork validate PATH...\n", argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    pack_set s = { 0 };
    /* what list and play load before these paths: a clash with it is reported as they
     * would refuse the pack; its own problems are not this command's to report */
    run_load_installed(&s, (const char *const *)argv + 1, argc - 1);
    int first = s.diags.n, installed_ex = pack_set_exercise_count(&s), installed = s.n;
    int added = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        size_t k = strlen(argv[i]);
        if (k >= 10 && !strcmp(argv[i] + k - 10, "kiosk.json") && stat(argv[i], &st) == 0 && !S_ISDIR(st.st_mode))
            continue; /* checked below, against every pack */
        if (k >= 12 && !strcmp(argv[i] + k - 12, "locales.json") && stat(argv[i], &st) == 0 && !S_ISDIR(st.st_mode)) {
            check_locales(argv[i], false, &s.diags); /* a locales.json given by itself */
            continue;
        }
        added += pack_set_add_dir(&s, argv[i]);
        check_locales(argv[i], true, &s.diags);
    }
    for (int i = 1; i < argc; i++) {
        struct stat st;
        size_t k = strlen(argv[i]);
        if (k >= 10 && !strcmp(argv[i] + k - 10, "kiosk.json") && stat(argv[i], &st) == 0 && !S_ISDIR(st.st_mode))
            check_kiosk(argv[i], &s, &s.diags);
    }
    char line[2048];
    int warnings = 0;
    for (int i = first; i < s.diags.n; i++) {
        pack_diag_format(&s.diags.v[i], line, sizeof line);
        puts(line);
        warnings += s.diags.v[i].severity == PACK_WARNING;
    }
    int errors = errors_from(&s.diags, first);
    int nex = pack_set_exercise_count(&s) - installed_ex;
    if (errors == 0)
        printf("OK: %d pack%s, %d exercise%s, %d warning%s\n", added, added == 1 ? "" : "s", nex,
               nex == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    else
        fprintf(stderr, "%d error%s in %d path%s\n", errors, errors == 1 ? "" : "s", argc - 1,
                argc == 2 ? "" : "s");
    for (int i = installed; i < s.n; i++)
        print_completeness(s.p[i]);
    pack_set_free(&s);
    return errors ? 1 : 0;
}

int cmd_list(const run_options *o, bool json)
{
    pack_set s = { 0 };
    run_load_content(&s, o);
    run_print_diags(&s.diags);
    char lang[16];
    if (o->lang)
        snprintf(lang, sizeof lang, "%s", o->lang);
    else
        i18n_lang_from_env(lang, sizeof lang);
    int n = pack_set_exercise_count(&s);
    if (json) {
        cJSON *arr = cJSON_CreateArray();
        for (int i = 0; arr && i < n; i++) {
            const exercise *e = pack_set_exercise_at(&s, i);
            cJSON *it = cJSON_CreateObject();
            if (!it)
                break;
            cJSON_AddStringToObject(it, "id", e->id);
            cJSON_AddStringToObject(it, "kind", exercise_kind_name(e->kind));
            cJSON_AddStringToObject(it, "category", e->category ? e->category : "");
            cJSON_AddStringToObject(it, "title", pack_text_get(&e->title, lang));
            cJSON_AddStringToObject(it, "summary", pack_text_get(&e->summary, lang));
            cJSON_AddStringToObject(it, "section", pack_text_get(&e->section, lang)); /* "" for none */
            cJSON_AddNumberToObject(it, "length", gw_seconds(exercise_length(e)));
            cJSON_AddBoolToObject(it, "unattended", e->unattended);
            cJSON_AddStringToObject(it, "pack", e->pack ? e->pack->id : "");
            cJSON *cau = cJSON_AddArrayToObject(it, "cautions"); /* shown before it starts */
            for (int k = 0; cau && k < e->ncaution; k++)
                cJSON_AddItemToArray(cau, cJSON_CreateString(pack_text_get(&e->caution[k], lang)));
            cJSON_AddItemToArray(arr, it);
        }
        char *txt = arr ? cJSON_Print(arr) : NULL;
        if (txt)
            puts(txt);
        cJSON_free(txt);
        cJSON_Delete(arr);
    } else {
        for (int i = 0; i < n; i++) {
            const exercise *e = pack_set_exercise_at(&s, i);
            double sec = gw_seconds(exercise_length(e));
            printf("%-24s %-10s %3d:%02d  %s\n", e->id, exercise_kind_name(e->kind), (int)sec / 60,
                   (int)sec % 60, pack_text_get(&e->title, lang));
        }
    }
    pack_set_free(&s);
    return 0;
}
