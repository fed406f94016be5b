/* pack_load: loading a pack: pack.json read through jread and checked (format,
 * languages, texts, the body map, the plan), the exercise files it names read ahead on
 * a second thread while this one checks them (see load_exercise_files), the images
 * checked, and the pack freed again when anything is wrong. The cJSON trees never leave
 * the loader; the pack returned owns plain tables only.
 *
 * Exercise files are read on the second thread only: all checking, and so the order of
 * messages, stays on the loader's thread. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/pack_loader.h"
#include "core/rfile.h"
#include "core/utf8.h"

/* pack.json and the exercise files: the format nests 7 deep */
static const jread_limits pack_json_limits = {
    .max_depth = 8,
    .max_diags = 100,
    .deep_hint = "; the pack format never needs that many (is a bracket misplaced?)",
};

/* Reads all of fd (from pack_path_open(), or -1 with errno set) and closes it: a
 * regular file of at most PACK_MAX_FILE_BYTES (rfile). */
static char *read_fd(int fd, size_t *len, char *why, size_t n)
{
    return rfile_read_fd(fd, PACK_MAX_FILE_BYTES, len, why, n);
}

static char *read_file(const char *path, size_t *len, char *why, size_t n)
{
    return rfile_read(path, PACK_MAX_FILE_BYTES, len, why, n);
}

/* ---- pack.json ------------------------------------------------------------- */

static bool check_format(jread *c, const cJSON *root)
{
    pack *p = LD(c)->p;
    p->format_major = PACK_FORMAT_MAJOR;
    p->format_minor = PACK_FORMAT_MINOR;
    const cJSON *v = jread_member(c, root, "format", true);
    if (!v) return true;
    size_t mark = jread_push_key(c, "format");
    bool go_on = true;
    char buf[200];
    const char *s = cJSON_IsString(v) ? v->valuestring : NULL;
    int major = -1, minor = -1;
    if (s) {
        const char *q = s;
        long a = 0, b = 0;
        int da = 0, db = 0;
        while (*q >= '0' && *q <= '9' && da < 6) a = a * 10 + (*q++ - '0'), da++;
        if (*q == '.') {
            q++;
            while (*q >= '0' && *q <= '9' && db < 6) b = b * 10 + (*q++ - '0'), db++;
        }
        if (da && db && !*q) {
            major = (int)a;
            minor = (int)b;
        }
    }
    if (!cJSON_IsString(v)) {
        jread_rep(c, v, PACK_ERROR, "must be text like \"1.0\", not %s", jread_type_name(v));
    } else if (major < 0) {
        jread_rep(c, v, PACK_ERROR, "must look like \"1.0\" (MAJOR.MINOR), got \"%s\"",
            utf8_quote(s, buf, sizeof buf, 20));
    } else if (major > PACK_FORMAT_MAJOR) {
        jread_rep(c, v, PACK_ERROR, "this pack needs a newer version of Groundwork (format %d.x)", major);
        go_on = false;
    } else if (major < 1) {
        jread_rep(c, v, PACK_ERROR, "format %d.%d is not supported; write \"1.0\"", major, minor);
    } else {
        p->format_major = major;
        p->format_minor = minor;
        if (minor > PACK_FORMAT_MINOR)
            jread_rep(c, v, PACK_WARNING, "this pack uses format %d.%d but this Groundwork knows %d.%d; "
                "newer parts may be ignored", major, minor, PACK_FORMAT_MAJOR, PACK_FORMAT_MINOR);
    }
    jread_pop(c, mark);
    return go_on;
}

static void check_languages(jread *c, const cJSON *root)
{
    loader *L = LD(c);
    pack *p = L->p;
    const cJSON *a = jread_get_array(c, root, "languages", true, 1, 32, "language code");
    if (!a) return;
    int n = cJSON_GetArraySize(a);
    p->lang = calloc((size_t)n, sizeof *p->lang);
    if (!p->lang) {
        jread_oom(c, a);
        return;
    }
    size_t mark = jread_push_key(c, "languages");
    int i = 0;
    char buf[200];
    for (const cJSON *x = a->child; x; x = x->next, i++) {
        size_t m2 = jread_push_index(c, i);
        if (!cJSON_IsString(x)) {
            jread_rep(c, x, PACK_ERROR, "must be a language code like \"en\", not %s", jread_type_name(x));
        } else if (!pack_iso_lang(x->valuestring)) {
            jread_rep(c, x, PACK_ERROR, "\"%s\" is not a two-letter ISO 639-1 language code (like "
                "\"en\" or \"es\")", utf8_quote(x->valuestring, buf, sizeof buf, 20));
        } else if (pack_has_lang(p, x->valuestring)) {
            jread_rep(c, x, PACK_ERROR, "language \"%s\" is listed twice", x->valuestring);
        } else if (!(p->lang[p->nlang] = pack_strdup(x->valuestring))) {
            jread_oom(c, x);
        } else {
            p->nlang++;
        }
        jread_pop(c, m2);
    }
    jread_pop(c, mark);
    if (p->nlang > 0) {
        L->langs_ok = true;
        L->deflang = p->lang[0];
    }
}

static void check_str_list(jread *c, const cJSON *root, const char *name, int min, int max,
                           const char *noun, int maxlen, int *n_out, char ***out)
{
    const cJSON *a = jread_get_array(c, root, name, true, min, max, noun);
    if (!a) return;
    int n = cJSON_GetArraySize(a);
    *out = calloc((size_t)(n ? n : 1), sizeof **out);
    if (!*out) {
        jread_oom(c, a);
        return;
    }
    size_t mark = jread_push_key(c, name);
    int i = 0;
    for (const cJSON *x = a->child; x; x = x->next, i++) {
        size_t m2 = jread_push_index(c, i);
        if (jread_str(c, x, maxlen, "text")) {
            if (((*out)[*n_out] = pack_strdup(x->valuestring))) (*n_out)++;
            else jread_oom(c, x);
        }
        jread_pop(c, m2);
    }
    jread_pop(c, mark);
}

static bool version_ok(const char *s)
{
    int parts = 0;
    while (*s) {
        if (!(*s >= '0' && *s <= '9')) return false;
        int digits = 0;
        while (*s >= '0' && *s <= '9') s++, digits++;
        if (digits > 6) return false;
        parts++;
        if (*s == '.') {
            s++;
            if (!*s) return false;
        } else if (*s) {
            return false;
        }
    }
    return parts >= 1 && parts <= 3;
}

static void check_pack(jread *c, const cJSON *root)
{
    static const char *const fields[] = {"format", "id", "name", "version", "languages", "authors",
                                         "license", "sources", "regions", "exercises", "plan"};
    loader *L = LD(c);
    pack *p = L->p;
    if (!cJSON_IsObject(root)) {
        jread_rep(c, root, PACK_ERROR, "pack.json must hold an object {\"format\": \"1.0\", ...}, not %s",
            jread_type_name(root));
        return;
    }
    if (!check_format(c, root)) return;
    jread_check_fields(c, root, fields, 11);
    if (pack_get_id(c, root, "id", &p->id) == JREAD_OK) {
        jsonloc_pos pos = jread_pos(c, jread_obj_get(root, "id"));
        p->id_line = pos.line;
        p->id_col = pos.col;
    }
    check_languages(c, root);
    pack_get_text(c, root, "name", true, 60, &p->name);
    if (jread_get_str(c, root, "version", true, 32, &p->version) == JREAD_OK && !version_ok(p->version)) {
        size_t mark = jread_push_key(c, "version");
        char buf[100];
        jread_rep(c, jread_obj_get(root, "version"), PACK_ERROR,
            "must be a version number like \"1.0.0\" (got \"%s\")", utf8_quote(p->version, buf, sizeof buf, 32));
        jread_pop(c, mark);
    }
    check_str_list(c, root, "authors", 1, 100, "author", 200, &p->nauthor, &p->author);
    jread_get_str(c, root, "license", true, 100, &p->license);
    check_str_list(c, root, "sources", 0, 100, "source", 1000, &p->nsource, &p->source);

    /* a therapist's take-home plan (present mode): a note and a practice frequency */
    const cJSON *pl = jread_get_object(c, root, "plan", false);
    if (pl) {
        static const char *const pf[] = {"note", "frequency"};
        size_t mark = jread_push_key(c, "plan");
        jread_check_fields(c, pl, pf, 2);
        p->has_plan = true;
        pack_get_text(c, pl, "note", false, 300, &p->plan_note);
        const cJSON *fq = jread_get_object(c, pl, "frequency", false);
        if (fq) {
            static const char *const ff[] = {"times_per_day", "minutes"};
            size_t m2 = jread_push_key(c, "frequency");
            jread_check_fields(c, fq, ff, 2);
            double t = 0, m = 0;
            if (jread_get_num(c, fq, "times_per_day", true, 1, 12, "", JREAD_INT, &t) == JREAD_OK)
                p->plan_times_per_day = (int)t;
            if (jread_get_num(c, fq, "minutes", true, 1, 120, "minutes", JREAD_INT, &m) == JREAD_OK)
                p->plan_minutes = (int)m;
            jread_pop(c, m2);
        }
        jread_pop(c, mark);
    }

    const cJSON *rg = jread_get_array(c, root, "regions", false, 0, 64, "region");
    if (rg) {
        int n = cJSON_GetArraySize(rg);
        p->region = calloc((size_t)(n ? n : 1), sizeof *p->region);
        if (!p->region) {
            jread_oom(c, rg);
        } else {
            p->nregion = n;
            size_t mark = jread_push_key(c, "regions");
            int i = 0;
            for (const cJSON *r = rg->child; r; r = r->next, i++) {
                size_t m2 = jread_push_index(c, i);
                pack_check_region(c, r, &p->region[i]);
                if (p->region[i].id) {
                    for (int j = 0; j < i; j++)
                        if (p->region[j].id && strcmp(p->region[j].id, p->region[i].id) == 0) {
                            size_t m3 = jread_push_key(c, "id");
                            jread_rep(c, jread_obj_get(r, "id"), PACK_ERROR,
                                "region id \"%s\" is used twice (also $.regions[%d])",
                                p->region[i].id, j);
                            jread_pop(c, m3);
                            break;
                        }
                }
                jread_pop(c, m2);
            }
            jread_pop(c, mark);
        }
    }

    const cJSON *ex = jread_get_array(c, root, "exercises", true, 1, 10000, "exercise");
    if (!ex) return;
    int n = cJSON_GetArraySize(ex);
    p->ex = calloc((size_t)n, sizeof *p->ex);
    L->pend = calloc((size_t)n, sizeof *L->pend);
    if (!p->ex || !L->pend) {
        jread_oom(c, ex);
        return;
    }
    p->nexercise = n;
    size_t mark = jread_push_key(c, "exercises");
    int i = 0;
    for (const cJSON *x = ex->child; x; x = x->next, i++) {
        size_t m2 = jread_push_index(c, i);
        if (cJSON_IsString(x)) {
            char *full = NULL;
            if (pack_check_path(c, x, "exercise file", &full)) {
                if (full) {
                    L->pend[L->npend].index = i;
                    L->pend[L->npend].full = full;
                    L->npend++;
                } else {
                    jread_rep(c, x, PACK_ERROR, "exercise files cannot be read here (no pack folder "
                        "was given); put the exercise inline");
                }
            }
        } else if (cJSON_IsObject(x)) {
            pack_check_exercise(c, x, &p->ex[i]);
        } else {
            jread_rep(c, x, PACK_ERROR, "must be a file path like \"exercises/box.json\" or an exercise "
                "object {...}, not %s", jread_type_name(x));
        }
        jread_pop(c, m2);
    }
    jread_pop(c, mark);
}

/* ---- loading --------------------------------------------------------------------- */

/* Reads pf (see pending_file), in the folder cache given. */
static void read_pending(const char *dir, pack_path_cache *cache, pending_file *pf)
{
    char why[256];
    const char *rel = pf->full + strlen(dir) + 1;  /* full is dir "/" rel */
    pf->buf = read_fd(pack_path_open(pf->full, rel, cache), &pf->len, why, sizeof why);
    if (!pf->buf && !(pf->why = pack_strdup(why))) pf->why = NULL;
}

/* Exercise files are read on a second thread while the loader checks the ones
 * already read: on two cores the time the kernel spends opening and reading
 * thousands of small files is then mostly hidden. The reader only reads (into the
 * pending entries, in order, at most READ_AHEAD ahead); all checking, and so the
 * order of messages, stays on the loader's thread. */
#define READ_AHEAD 256
#define THREAD_MIN_FILES 32  /* fewer: not worth a thread */

typedef struct reader {
    const char *dir;
    pending_file *pend;
    int npend;
    pack_path_cache cache;  /* its own, with its own descriptor of the folder */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int ready;              /* pend[0..ready) are read */
    int used;               /* the loader has taken pend[0..used) */
    bool started;
} reader;

static void *reader_main(void *arg)
{
    reader *r = arg;
    for (int i = 0; i < r->npend; i++) {
        pthread_mutex_lock(&r->mu);
        while (i - r->used >= READ_AHEAD) pthread_cond_wait(&r->cv, &r->mu);
        pthread_mutex_unlock(&r->mu);
        read_pending(r->dir, &r->cache, &r->pend[i]);
        pthread_mutex_lock(&r->mu);
        r->ready = i + 1;
        pthread_cond_broadcast(&r->cv);
        pthread_mutex_unlock(&r->mu);
    }
    return NULL;
}

static void load_exercise_file(loader *L, pending_file *pf)
{
    if (!pf->buf) {
        L->errors++;
        pack_diags_addf(L->d, PACK_ERROR, pf->full, 0, 0, "", "this exercise file %s",
                  pf->why ? pf->why : "cannot be read: out of memory");
        return;
    }
    char *buf = pf->buf;
    size_t len = pf->len;
    pf->buf = NULL;
    jread c;
    jread_open(&c, L->d, pf->full, &pack_json_limits, &L->errors);
    c.user = L;
    cJSON *root = jread_parse(&c, buf, len);
    if (root) pack_check_exercise(&c, root, &L->p->ex[pf->index]);
    jread_close(&c);
    free(buf);
}

/* Image files live in images/ but no field names them yet: each must be a PNG. */
static void check_images(loader *L)
{
    char *dir = pack_join(L->dir, "images");
    if (!dir) {
        L->errors++;
        pack_diags_add(L->d, PACK_ERROR, L->dir, 0, 0, "", "out of memory");
        return;
    }
    DIR *dh = opendir(dir);
    if (!dh) {
        free(dir);
        return;
    }
    char **names = NULL;
    int n = 0, cap = 0;
    struct dirent *de;
    bool short_of_memory = false;
    while ((de = readdir(dh)) != NULL && n < 10000) {
        if (de->d_name[0] == '.') continue;
        if (n == cap) {
            int nc = cap ? cap * 2 : 16;
            char **nn = realloc(names, (size_t)nc * sizeof *nn);
            if (!nn) {
                short_of_memory = true;
                break;
            }
            names = nn;
            cap = nc;
        }
        if ((names[n] = pack_strdup(de->d_name))) n++;
        else short_of_memory = true;
    }
    closedir(dh);
    if (short_of_memory) {  /* an image left unchecked must not pass as checked */
        L->errors++;
        pack_diags_add(L->d, PACK_ERROR, dir, 0, 0, "", "out of memory");
    }
    for (int i = 1; i < n; i++)  /* name order, for stable output */
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (int i = 0; i < n; i++) {
        char rel[300], why[256];
        snprintf(rel, sizeof rel, "images/%s", names[i]);
        char *full = NULL;
        if (!pack_path_resolve(L->dir, L->root_real, rel, NULL, &full, why, sizeof why) ||
            !pack_png_check(full, why, sizeof why)) {
            char *shown = pack_join(L->dir, rel);
            L->errors++;
            pack_diags_addf(L->d, PACK_ERROR, shown ? shown : rel, 0, 0, "", "this image %s", why);
            free(shown);
        }
        free(full);
        free(names[i]);
    }
    free(names);
    free(dir);
}

static void load_exercise_files(loader *L)
{
    reader r = {.dir = L->dir, .pend = L->pend, .npend = L->npend};
    pthread_t th;
    if (L->npend >= THREAD_MIN_FILES) {
        /* the reader's own copy of the folder cache: the loader's may move on */
        pack_path_cache_copy(&r.cache, &L->path_cache);
        if (pthread_mutex_init(&r.mu, NULL) == 0) {
            if (pthread_cond_init(&r.cv, NULL) == 0) {
                r.started = pthread_create(&th, NULL, reader_main, &r) == 0;
                if (!r.started) pthread_cond_destroy(&r.cv);
            }
            if (!r.started) pthread_mutex_destroy(&r.mu);
        }
        if (!r.started) pack_path_cache_close(&r.cache);
    }
    for (int i = 0; i < L->npend; i++) {
        pending_file *pf = &L->pend[i];
        if (r.started) {
            pthread_mutex_lock(&r.mu);
            while (r.ready <= i) pthread_cond_wait(&r.cv, &r.mu);
            r.used = i;
            if (r.ready - i >= READ_AHEAD - 1) pthread_cond_broadcast(&r.cv);
            pthread_mutex_unlock(&r.mu);
        } else {
            read_pending(L->dir, &L->path_cache, pf);
        }
        load_exercise_file(L, pf);
        free(pf->full);
        free(pf->buf);
        free(pf->why);
    }
    if (r.started) {
        pthread_join(th, NULL);
        pthread_cond_destroy(&r.cv);
        pthread_mutex_destroy(&r.mu);
        pack_path_cache_close(&r.cache);
    }
}

pack *pack_load_buffer(const char *name, const char *buf, size_t len, const char *dir,
                       pack_diags *d)
{
    if (!name) name = "pack.json";
    loader L = {.d = d, .dir = dir, .deflang = "en"};
    if (len > PACK_MAX_FILE_BYTES) {
        pack_diags_addf(d, PACK_ERROR, name, 0, 0, "", "is larger than 16 MiB (%zu bytes); refusing to "
                  "read it", len);
        return NULL;
    }
    if (dir) {
        L.root_real = realpath(dir, NULL);
        if (!L.root_real) {
            pack_diags_addf(d, PACK_ERROR, dir, 0, 0, "", "the pack folder cannot be opened: %s",
                      strerror(errno));
            return NULL;
        }
    }
    pack *p = calloc(1, sizeof *p);
    if (p) {
        p->dir = pack_strdup(dir ? dir : "");
        p->src_file = pack_strdup(name);
    }
    if (!p || !p->dir || !p->src_file) {
        pack_diags_add(d, PACK_ERROR, name, 0, 0, "", "out of memory");
        pack_free(p);
        free(L.root_real);
        return NULL;
    }
    L.p = p;

    jread c;
    jread_open(&c, d, name, &pack_json_limits, &L.errors);
    c.user = &L;
    cJSON *root = jread_parse(&c, buf, len);
    if (root) check_pack(&c, root);
    jread_close(&c);

    load_exercise_files(&L);
    free(L.pend);
    pack_path_cache_close(&L.path_cache);
    if (dir && p->id) check_images(&L);
    idmap_free(&L.ids);
    free(L.root_real);

    for (int i = 0; i < p->nexercise; i++) {
        p->ex[i].pack = p;
        p->ex[i].nregion = p->nregion;
        p->ex[i].region = p->region;
    }
    if (L.errors > 0) {
        pack_free(p);
        return NULL;
    }
    return p;
}

pack *pack_load_dir(const char *dir, pack_diags *d)
{
    char *file = pack_join(dir, "pack.json");
    if (!file) {
        pack_diags_add(d, PACK_ERROR, dir, 0, 0, "", "out of memory");
        return NULL;
    }
    struct stat st;
    pack *p = NULL;
    if (stat(file, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            pack_diags_add(d, PACK_ERROR, file, 0, 0, "", "there is no pack.json in this folder");
        else
            pack_diags_addf(d, PACK_ERROR, file, 0, 0, "", "cannot be read: %s", strerror(errno));
    } else {
        char why[256];
        size_t len = 0;
        char *buf = read_file(file, &len, why, sizeof why);
        if (!buf) pack_diags_add(d, PACK_ERROR, file, 0, 0, "", why);
        else p = pack_load_buffer(file, buf, len, dir, d);
        free(buf);
    }
    free(file);
    return p;
}

void pack_free(pack *p)
{
    if (!p) return;
    free(p->dir);
    free(p->id);
    pack_text_free(&p->name);
    pack_text_free(&p->plan_note);
    free(p->version);
    for (int i = 0; i < p->nlang; i++) free(p->lang[i]);
    free(p->lang);
    for (int i = 0; i < p->nauthor; i++) free(p->author[i]);
    free(p->author);
    free(p->license);
    for (int i = 0; i < p->nsource; i++) free(p->source[i]);
    free(p->source);
    for (int i = 0; i < p->nexercise; i++) pack_exercise_free(&p->ex[i]);
    free(p->ex);
    for (int i = 0; i < p->nregion; i++) pack_region_free(&p->region[i]);
    free(p->region);
    free(p->src_file);
    free(p);
}
