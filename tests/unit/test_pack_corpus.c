/* The bad-pack corpus: every folder under tests/packs/bad/ is loaded with
 * pack_load_dir and the formatted diagnostics must equal its expected.txt exactly
 * (paths relative to the source tree, as the validator prints them). Every folder
 * under tests/packs/good/ must load without a single diagnostic.
 *
 * GW_UPDATE_EXPECTED=1 rewrites expected.txt from the current output (review the
 * diff before committing it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/pack.h"
#include "breath_total_stub.h"

#define MIN_BAD_PACKS 40

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) n = 0;
    if (s) s[n] = 0;
    fclose(f);
    return s;
}

/* All diagnostics, one per line, each line ending in '\n'. */
static char *render(const pack_diags *d)
{
    size_t cap = 256, len = 0;
    char *out = malloc(cap);
    out[0] = 0;
    for (int i = 0; i < d->n; i++) {
        char line[2048];
        pack_diag_format(&d->v[i], line, sizeof line);
        size_t l = strlen(line);
        while (len + l + 2 > cap) out = realloc(out, cap *= 2);
        memcpy(out + len, line, l);
        len += l;
        out[len++] = '\n';
        out[len] = 0;
    }
    return out;
}

static void bad_pack(void **state)
{
    const char *dir = *state;
    pack_diags d = {0};
    pack *p = pack_load_dir(dir, &d);
    char *got = render(&d);
    char exp_path[1024];
    snprintf(exp_path, sizeof exp_path, "%s/expected.txt", dir);
    if (getenv("GW_UPDATE_EXPECTED")) {
        FILE *f = fopen(exp_path, "wb");
        assert_non_null(f);
        fputs(got, f);
        fclose(f);
    }
    char *want = slurp(exp_path);
    if (!want) fail_msg("%s is missing", exp_path);
    if (strcmp(got, want) != 0) {
        print_error("--- expected (%s)\n%s--- got\n%s", exp_path, want, got);
        fail();
    }
    assert_true(d.n > 0);  /* a bad pack always says something */
    assert_int_equal(p == NULL, pack_diags_errors(&d) > 0);
    pack_free(p);
    pack_diags_free(&d);
    free(got);
    free(want);
}

static void good_pack(void **state)
{
    const char *dir = *state;
    pack_diags d = {0};
    pack *p = pack_load_dir(dir, &d);
    char *got = render(&d);
    if (d.n) print_error("%s", got);
    assert_int_equal(d.n, 0);
    assert_non_null(p);
    assert_true(p->nexercise > 0);
    pack_free(p);
    pack_diags_free(&d);
    free(got);
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int list_dirs(const char *parent, char ***out)
{
    DIR *dh = opendir(parent);
    if (!dh) return 0;
    char **v = NULL;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(dh))) {
        if (de->d_name[0] == '.') continue;
        char path[1024];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", parent, de->d_name);
        if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        v = realloc(v, (size_t)(n + 1) * sizeof *v);
        v[n++] = strdup(path);
    }
    closedir(dh);
    if (n) qsort(v, (size_t)n, sizeof *v, cmp);
    *out = v;
    return n;
}

int main(void)
{
    if (chdir(GW_SOURCE_DIR) != 0) {
        perror(GW_SOURCE_DIR);
        return 1;
    }
    char **bad = NULL, **good = NULL;
    int nbad = list_dirs("tests/packs/bad", &bad);
    int ngood = list_dirs("tests/packs/good", &good);
    if (nbad < MIN_BAD_PACKS) {
        fprintf(stderr, "only %d bad packs in tests/packs/bad (want at least %d)\n", nbad,
                MIN_BAD_PACKS);
        return 1;
    }
    struct CMUnitTest *t = calloc((size_t)(nbad + ngood), sizeof *t);
    for (int i = 0; i < nbad; i++)
        t[i] = (struct CMUnitTest){bad[i], bad_pack, NULL, NULL, bad[i]};
    for (int i = 0; i < ngood; i++)
        t[nbad + i] = (struct CMUnitTest){good[i], good_pack, NULL, NULL, good[i]};
    int rc = _cmocka_run_group_tests("pack_corpus", t, (size_t)(nbad + ngood), NULL, NULL);
    for (int i = 0; i < nbad; i++) free(bad[i]);
    for (int i = 0; i < ngood; i++) free(good[i]);
    free(bad);
    free(good);
    free(t);
    return rc;
}
