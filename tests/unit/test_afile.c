/* Tests for afile: folders made private with every missing one above them, files
 * replaced whole; a failed replacement leaves the old file as it was and no temporary
 * file behind. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/afile.h"

static char root[64];

static int rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    chmod(p, 0700);
    return remove(p);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/gw-afile-test-XXXXXX");
    return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    chmod(root, 0700);
    return nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static const char *at(const char *rel)
{
    static char buf[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", root, rel);
    return buf[k];
}

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    return buf;
}

static unsigned mode_of(const char *path)
{
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    return st.st_mode & 07777;
}

static int files_in(const char *dir)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
    FILE *p = popen(cmd, "r");
    int n = -1;
    if (p) {
        if (fscanf(p, "%d", &n) != 1)
            n = -1;
        pclose(p);
    }
    return n;
}

static void test_make_dirs(void **state)
{
    (void)state;
    mode_t old = umask(022);
    assert_true(afile_make_dirs(at("a/b/c"), AFILE_PRIVATE));
    assert_int_equal(mode_of(at("a")), 0700);
    assert_int_equal(mode_of(at("a/b/c")), 0700);
    assert_true(afile_make_dirs(at("a/b/c"), AFILE_PRIVATE)); /* already there */
    assert_true(afile_make_parent(at("p/q/file.json"), AFILE_PRIVATE));
    assert_int_equal(mode_of(at("p/q")), 0700);
    assert_true(afile_make_parent("file.json", AFILE_PRIVATE)); /* no folder part */
    /* a file in the way */
    FILE *f = fopen(at("plain"), "w");
    fclose(f);
    assert_false(afile_make_dirs(at("plain/sub"), AFILE_PRIVATE));
    assert_int_equal(errno, ENOTDIR);
    umask(old);
}

static void test_replace(void **state)
{
    (void)state;
    assert_true(afile_make_dirs(at("r"), AFILE_PRIVATE));
    assert_int_equal(afile_replace(at("r/x.json"), "{}", "\n", NULL), AFILE_DONE);
    assert_string_equal(slurp(at("r/x.json")), "{}\n");
    assert_int_equal(mode_of(at("r/x.json")), 0600);
    assert_int_equal(afile_replace(at("r/x.json"), "{\"a\": 1}", NULL, NULL), AFILE_DONE);
    assert_string_equal(slurp(at("r/x.json")), "{\"a\": 1}");
    assert_int_equal(files_in(at("r")), 1); /* no temporary file left */
    /* an exact mode, whatever the umask */
    assert_int_equal(afile_replace(at("r/x.json"), "m", NULL, &(afile_opts){ .mode = 0644 }), AFILE_DONE);
    assert_int_equal(mode_of(at("r/x.json")), 0644);
    /* a link at the temporary file's name is removed, never written through */
    FILE *f = fopen(at("r/target"), "w");
    fputs("target", f);
    fclose(f);
    assert_int_equal(symlink(at("r/target"), at("r/y.tmp")), 0);
    assert_int_equal(afile_replace(at("r/y"), "y", NULL, NULL), AFILE_DONE);
    assert_string_equal(slurp(at("r/target")), "target");
    assert_string_equal(slurp(at("r/y")), "y");
}

static bool refuse(int fd, void *ctx)
{
    (void)fd;
    *(int *)ctx += 1;
    errno = EPERM;
    return false;
}

/* Each failure leaves the old file whole and removes the temporary file. */
static void test_failures_keep_old(void **state)
{
    (void)state;
    assert_true(afile_make_dirs(at("f"), AFILE_PRIVATE));
    assert_int_equal(afile_replace(at("f/keep.json"), "old", NULL, NULL), AFILE_DONE);

    int calls = 0;
    assert_int_equal(afile_replace(at("f/keep.json"), "new", NULL, &(afile_opts){ .prepare = refuse, .ctx = &calls }),
                     AFILE_WRITE);
    assert_int_equal(calls, 1);
    assert_int_equal(errno, EPERM);
    assert_string_equal(slurp(at("f/keep.json")), "old");
    assert_int_equal(files_in(at("f")), 1);

    /* put in place over a folder: the rename fails */
    assert_true(afile_make_dirs(at("f/dir"), AFILE_PRIVATE));
    assert_int_equal(afile_replace(at("f/dir"), "x", NULL, NULL), AFILE_RENAME);
    assert_int_equal(files_in(at("f")), 2);

    /* a folder that cannot be written to */
    if (geteuid() != 0) { /* root writes anywhere */
        assert_int_equal(chmod(at("f"), 0500), 0);
        assert_int_equal(afile_replace(at("f/keep.json"), "new", NULL, NULL), AFILE_CREATE);
        assert_int_equal(errno, EACCES);
        assert_int_equal(chmod(at("f"), 0700), 0);
        assert_string_equal(slurp(at("f/keep.json")), "old");
        assert_int_equal(files_in(at("f")), 2);
    }
    /* a name too long for its temporary file */
    char longname[5000];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    assert_int_equal(afile_replace(longname, "x", NULL, NULL), AFILE_CREATE);
    assert_int_equal(errno, ENAMETOOLONG);
}

static void test_write_all_and_parent(void **state)
{
    (void)state;
    assert_true(afile_make_dirs(at("w"), AFILE_PRIVATE));
    int fd = open(at("w/f"), O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    assert_true(afile_write_all(fd, "abc", 3));
    close(fd);
    assert_string_equal(slurp(at("w/f")), "abc");
    int dfd = afile_open_parent(at("w/f"));
    assert_true(dfd >= 0);
    close(dfd);
    assert_true(afile_open_parent(at("nowhere/f")) < 0);
    afile_sync_parent(at("nowhere/f")); /* nothing to flush: no harm */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_make_dirs),
        cmocka_unit_test(test_replace),
        cmocka_unit_test(test_failures_keep_old),
        cmocka_unit_test(test_write_all_and_parent),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
