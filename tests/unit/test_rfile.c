/* Tests for reading only regular files, without blocking (rfile), through every reader
 * of outside input: pack.json, a voice clip and a picture of a pack, locales.json,
 * settings.json, kiosk.json and a play script, each as a FIFO, a folder, a device and a
 * socket, must be refused at once with what it is. A FIFO nobody writes to would block
 * open() for ever, so every test runs under an alarm that fails it instead of hanging.
 * Then the clips whose headers are not believed: a sparse WAV, and the size limit. */
#define _XOPEN_SOURCE 700  /* nftw */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "core/kiosk.h"
#include "core/locales.h"
#include "core/pack.h"
#include "core/pack_asset.h"
#include "core/rfile.h"
#include "core/script.h"
#include "core/settings.h"

static char tmp_root[64];

static int rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(p);
}

static int setup_all(void **state)
{
    (void)state;
    snprintf(tmp_root, sizeof tmp_root, "/tmp/gw-rfile-XXXXXX");
    alarm(60);  /* a reader that blocks fails the run (SIGALRM) instead of hanging it */
    return mkdtemp(tmp_root) ? 0 : -1;
}

static int teardown_all(void **state)
{
    (void)state;
    return nftw(tmp_root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

typedef enum kind { FIFO, FOLDER, DEVICE, SOCKET, KINDS } kind;
static const char *const WORDS[KINDS] = {
    "is a named pipe (FIFO), not a file", "is a folder, not a file", "is a device, not a file",
    "is a socket, not a file" };

/* Makes tmp_root/rel an entry of kind k (a device: a link to /dev/zero). */
static void make(const char *rel, kind k, char *path, size_t n)
{
    snprintf(path, n, "%s/%s", tmp_root, rel);
    remove(path);
    switch (k) {
    case FIFO:
        assert_int_equal(mkfifo(path, 0644), 0);
        break;
    case FOLDER:
        assert_int_equal(mkdir(path, 0755), 0);
        break;
    case DEVICE:
        assert_int_equal(symlink("/dev/zero", path), 0);
        break;
    case SOCKET: {
        int s = socket(AF_UNIX, SOCK_STREAM, 0);
        struct sockaddr_un a = { .sun_family = AF_UNIX };
        assert_true(s >= 0 && strlen(path) < sizeof a.sun_path);
        memcpy(a.sun_path, path, strlen(path) + 1);
        assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof a), 0);
        close(s);
        break;
    }
    default:
        fail();
    }
}

static void write_bytes(const char *rel, const void *data, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmp_root, rel);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static void rfile_refuses_every_other_kind(void **state)
{
    (void)state;
    char path[512], why[200];
    for (int k = 0; k < KINDS; k++) {
        make("thing", (kind)k, path, sizeof path);
        size_t len = 99;
        char *buf = rfile_read(path, 1024, &len, why, sizeof why);
        assert_null(buf);
        assert_int_equal(len, 0);
        assert_string_equal(why, WORDS[k]);
        assert_int_equal(rfile_open(path, 1024, NULL, why, sizeof why), -1);
        assert_string_equal(why, WORDS[k]);
    }
    remove(path);
    rmdir(path);
    /* missing: ENOENT, so an optional file can be told from a bad one */
    assert_null(rfile_read(path, 1024, &(size_t){ 0 }, why, sizeof why));
    assert_int_equal(errno, ENOENT);
    assert_string_equal(why, "cannot be read: No such file or directory");
    /* the size limit, in words */
    write_bytes("big", "0123456789", 10);
    snprintf(path, sizeof path, "%s/big", tmp_root);
    assert_null(rfile_read(path, 9, &(size_t){ 0 }, why, sizeof why));
    assert_string_equal(why, "is larger than 9 bytes (10 bytes); refusing to read it");
    assert_null(rfile_read(path, 0, &(size_t){ 0 }, why, sizeof why));
    size_t len = 0;
    char *buf = rfile_read(path, 10, &len, why, sizeof why);
    assert_non_null(buf);
    assert_int_equal(len, 10);
    assert_string_equal(buf, "0123456789");
    free(buf);
}

static const char PACK_JSON[] =
    "{\"format\": \"1.0\", \"id\": \"t\", \"name\": \"T\", \"version\": \"1.0.0\", \"languages\": [\"en\"],\n"
    " \"authors\": [\"a\"], \"license\": \"CC0-1.0\", \"sources\": [\"s\"],\n"
    " \"exercises\": [{\"id\": \"g\", \"kind\": \"guided\", \"category\": \"relaxation\", \"title\": \"G\",\n"
    "   \"summary\": \"S\", \"cautions\": [], \"source\": \"s\", \"guided\": {\"steps\": [\n"
    "   {\"kind\": \"instruction\", \"caption\": \"Hi.\", \"voice\": \"audio/a.wav\"}]}}]}\n";

/* Every diagnostic, one a line. */
static void diags_text(const pack_diags *d, char *out, size_t n)
{
    out[0] = 0;
    for (int i = 0; i < d->n; i++) {
        char line[1024];
        pack_diag_format(&d->v[i], line, sizeof line);
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s\n", line);
    }
}

static void pack_files_of_every_other_kind(void **state)
{
    (void)state;
    char path[512], dir[300], text[4096];
    snprintf(dir, sizeof dir, "%s/pack", tmp_root);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(path, sizeof path, "%s/pack/audio", tmp_root);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/pack/images", tmp_root);
    assert_int_equal(mkdir(path, 0755), 0);
    for (int k = 0; k < KINDS; k++) {
        /* pack.json itself */
        make("pack/pack.json", (kind)k, path, sizeof path);
        pack_diags d = { 0 };
        assert_null(pack_load_dir(dir, &d));
        diags_text(&d, text, sizeof text);
        char want[600];
        snprintf(want, sizeof want, "%s/pack.json: %s\n", dir, WORDS[k]);
        assert_string_equal(text, want);
        pack_diags_free(&d);
        rmdir(path);
        remove(path);
        /* a clip and a picture (a link to a device leads out of the pack: said so) */
        if (k == DEVICE)
            continue;
        write_bytes("pack/pack.json", PACK_JSON, sizeof PACK_JSON - 1);
        char clip[512], image[512];
        make("pack/audio/a.wav", (kind)k, clip, sizeof clip);
        make("pack/images/p.png", (kind)k, image, sizeof image);
        assert_null(pack_load_dir(dir, &d));
        diags_text(&d, text, sizeof text);
        snprintf(want, sizeof want, "voice clip \"audio/a.wav\" %s\n", WORDS[k]);
        assert_non_null(strstr(text, want));
        snprintf(want, sizeof want, "images/p.png: this image %s\n", WORDS[k]);
        assert_non_null(strstr(text, want));
        pack_diags_free(&d);
        gw_ns len = 1;
        char why[200];
        assert_false(pack_audio_check(clip, &len, why, sizeof why));
        assert_string_equal(why, WORDS[k]);
        assert_false(pack_png_check(image, why, sizeof why));
        assert_string_equal(why, WORDS[k]);
        rmdir(clip);
        remove(clip);
        rmdir(image);
        remove(image);
    }
}

static void config_files_of_every_other_kind(void **state)
{
    (void)state;
    char path[512], err[1200], want[700];
    for (int k = 0; k < KINDS; k++) {
        make("config", (kind)k, path, sizeof path);
        /* locales.json */
        locales l = { 0 };
        assert_false(locales_add_file(&l, path, err, sizeof err));
        snprintf(want, sizeof want, "%s: %s", path, WORDS[k]);
        assert_string_equal(err, want);
        locales_free(&l);
        /* settings.json */
        settings s;
        assert_int_equal(settings_load(&s, path, err, sizeof err), SETTINGS_BAD);
        snprintf(want, sizeof want, "Your settings file (%s) %s. Default settings are used.", path, WORDS[k]);
        assert_string_equal(err, want);
        assert_string_equal(s.theme, "calm");
        /* kiosk.json */
        kiosk_config c;
        kiosk_errors e = { 0 };
        assert_false(kiosk_config_load(&c, path, &e));
        assert_int_equal(e.n, 1);
        snprintf(want, sizeof want, "%s: cannot read the settings (%s); using the defaults", path, WORDS[k]);
        assert_string_equal(e.msg[0], want);
        assert_true(c.idle_timeout == KIOSK_IDLE_DEFAULT);
        /* a play script */
        assert_null(script_load(path, err, sizeof err));
        snprintf(want, sizeof want, "%s: %s", path, WORDS[k]);
        assert_string_equal(err, want);
        rmdir(path);
        remove(path);
    }
    /* a missing settings file is no error: the defaults, silently */
    settings s;
    assert_int_equal(settings_load(&s, path, err, sizeof err), SETTINGS_MISSING);
}

/* A WAV header agreeing with a file of 8 MiB that is all holes (`truncate -s`): no
 * sound was ever written there. The same bytes written out are a real clip. */
static void sparse_clip_is_refused(void **state)
{
    (void)state;
    const uint32_t size = 8u << 20;
    unsigned char h[44] = "RIFF....WAVEfmt ....";
    uint32_t v[] = { size - 8, 16 };
    memcpy(h + 4, &v[0], 4);
    memcpy(h + 16, &v[1], 4);
    uint16_t fmt16[] = { 1, 1 };
    uint32_t rates[] = { 22050, 44100 };
    uint16_t tail16[] = { 2, 16 };
    memcpy(h + 20, fmt16, 4);
    memcpy(h + 24, rates, 8);
    memcpy(h + 32, tail16, 4);
    memcpy(h + 36, "data", 4);
    uint32_t data = size - 44;
    memcpy(h + 40, &data, 4);
    write_bytes("sparse.wav", h, sizeof h);
    char path[512], why[200];
    snprintf(path, sizeof path, "%s/sparse.wav", tmp_root);
    assert_int_equal(truncate(path, size), 0);
    gw_ns len = 1;
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    if ((unsigned long long)st.st_blocks * 512u >= size / 8u) {
        print_message("this file system does not keep holes; the sparse case is not tried\n");
    } else {
        assert_false(pack_audio_check(path, &len, why, sizeof why));
        assert_string_equal(why, "is a sparse file (most of it was never written), not a recording");
        assert_true(len == 0);
    }
    /* written out, it is 190 s of silence: a clip */
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    static unsigned char zeros[65536];
    fseek(f, 44, SEEK_SET);
    for (uint32_t left = size - 44; left > 0;) {
        size_t k = left < sizeof zeros ? left : sizeof zeros;
        assert_int_equal(fwrite(zeros, 1, k, f), k);
        left -= (uint32_t)k;
    }
    fclose(f);
    assert_true(pack_audio_check(path, &len, why, sizeof why));
    assert_true(len > GW_SEC(190) && len < GW_SEC(191));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rfile_refuses_every_other_kind),
        cmocka_unit_test(pack_files_of_every_other_kind),
        cmocka_unit_test(config_files_of_every_other_kind),
        cmocka_unit_test(sparse_clip_is_refused),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
