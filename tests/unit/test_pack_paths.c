/* Tests for how the pack loader finds the files a pack.json names: exercise files are
 * looked up and opened relative to their folder (kept open while the names stay in
 * it), so this checks that every kind of entry there still gets the message it got
 * when each file was found by its whole path: a folder, a FIFO, a missing file, a
 * folder named with a trailing '/', a symbolic link that stays inside the pack (it
 * loads), a file with a syntax error, and names that move between folders; that
 * many files, read ahead on a second thread, still give their messages in order; and
 * that voice clips named in turn from more folders than the loader keeps open (one per
 * language and exercise) get their lengths and their messages. */
#define _XOPEN_SOURCE 700  /* nftw */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/pack.h"

static char tmp_root[64];

static int rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(p);
}

static int setup_all(void **state)
{
    (void)state;
    snprintf(tmp_root, sizeof tmp_root, "/tmp/gw-pack-paths-XXXXXX");
    return mkdtemp(tmp_root) ? 0 : -1;
}

static int teardown_all(void **state)
{
    (void)state;
    return nftw(tmp_root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void write_at(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmp_root, rel);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void make_dir(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmp_root, rel);
    assert_int_equal(mkdir(path, 0755), 0);
}

static void write_exercise(const char *rel, const char *id)
{
    char text[600];
    snprintf(text, sizeof text,
             "{\"id\": \"%s\", \"kind\": \"prompts\", \"category\": \"grounding\",\n"
             " \"title\": \"T\", \"summary\": \"S\", \"cautions\": [], \"source\": \"s\",\n"
             " \"prompts\": {\"steps\": [{\"title\": \"A\", \"text\": \"B\", \"timer\": 5}]}}\n",
             id);
    write_at(rel, text);
}

static const char pack_json[] =
    "{\n"
    "  \"format\": \"1.0\", \"id\": \"paths\", \"name\": \"Paths\", \"version\": \"1.0.0\",\n"
    "  \"languages\": [\"en\"], \"authors\": [\"t\"], \"license\": \"CC0-1.0\", \"sources\": [],\n"
    "  \"exercises\": [\n"
    "    \"exercises/a.json\",\n"
    "    \"exercises/sub\",\n"
    "    \"exercises/fifo\",\n"
    "    \"exercises/missing.json\",\n"
    "    \"exercises/\",\n"
    "    \"exercises/link.json\",\n"
    "    \"top.json\",\n"
    "    \"exercises/bad.json\",\n"
    "    \"other/d.json\",\n"
    "    \"exercises/e.json\",\n"
    "    \"exercises/sub/f.json\",\n"
    "    \"exercises/a.json\"\n"
    "  ]\n"
    "}\n";

/* What the loader said before files were opened relative to their folder. */
static const char *const expected[] = {
    "pack.json:6:5: $.exercises[1]: exercise file \"exercises/sub\" is a folder, not a file",
    "pack.json:7:5: $.exercises[2]: exercise file \"exercises/fifo\" is a named pipe (FIFO), not a file",
    "pack.json:8:5: $.exercises[3]: exercise file \"exercises/missing.json\" was not found in "
    "the pack folder",
    "pack.json:9:5: $.exercises[4]: exercise file \"exercises/\" is a folder, not a file",
    "exercises/bad.json:1:7: JSON syntax error: expected ':' after the field name, found '\"'",
    "exercises/a.json:1:8: $.id: exercise id \"a\" is used twice in this pack (first at "
    "DIR/exercises/a.json:1:8)",
};

static void test_paths_messages(void **state)
{
    (void)state;
    write_at("pack.json", pack_json);
    make_dir("exercises");
    make_dir("exercises/sub");
    make_dir("other");
    write_exercise("exercises/a.json", "a");
    write_exercise("other/b.json", "b");
    write_exercise("top.json", "c");
    write_exercise("other/d.json", "d");
    write_exercise("exercises/e.json", "e");
    write_exercise("exercises/sub/f.json", "f");
    write_at("exercises/bad.json", "{\"id\" \"x\"}\n");
    char path[512];
    snprintf(path, sizeof path, "%s/exercises/fifo", tmp_root);
    assert_int_equal(mkfifo(path, 0644), 0);
    snprintf(path, sizeof path, "%s/exercises/link.json", tmp_root);
    assert_int_equal(symlink("../other/b.json", path), 0);

    pack_diags d = {0};
    pack *p = pack_load_dir(tmp_root, &d);
    assert_null(p);  /* errors */
    size_t rl = strlen(tmp_root);
    int n = (int)(sizeof expected / sizeof expected[0]);
    static char shown_all[32][1024];
    assert_true(d.n <= 32);
    for (int i = 0; i < d.n; i++) {
        char buf[1024], *shown = shown_all[i];
        pack_diag_format(&d.v[i], buf, sizeof buf);
        /* the temporary folder is written DIR, and leads no line */
        const char *from = strncmp(buf, tmp_root, rl) == 0 && buf[rl] == '/' ? buf + rl + 1 : buf;
        char *o = shown;
        for (const char *q = from; *q && o < shown + sizeof shown_all[i] - 4;) {
            if (strncmp(q, tmp_root, rl) == 0) {
                memcpy(o, "DIR", 3);
                o += 3;
                q += rl;
            } else {
                *o++ = *q++;
            }
        }
        *o = 0;
        print_message("%s\n", shown);
    }
    for (int i = 0; i < d.n && i < n; i++) assert_string_equal(shown_all[i], expected[i]);
    assert_int_equal(d.n, n);
    pack_diags_free(&d);
}

/* Many files: they are read ahead on a second thread (and more than it reads ahead
 * at once); the messages still come in the order of the list, and all files load. */
static void test_many_files(void **state)
{
    (void)state;
    enum { N = 600 };
    make_dir("many");
    make_dir("many/ex");
    char *list = malloc((size_t)N * 32 + 1024);
    assert_non_null(list);
    size_t o = (size_t)sprintf(list, "{\"format\": \"1.0\", \"id\": \"many\", \"name\": \"M\", "
                               "\"version\": \"1.0.0\", \"languages\": [\"en\"], \"authors\": [\"t\"], "
                               "\"license\": \"CC0-1.0\", \"sources\": [], \"exercises\": [\n");
    for (int i = 0; i < N; i++) {
        char rel[64], id[32];
        snprintf(rel, sizeof rel, "many/ex/e%03d.json", i);
        snprintf(id, sizeof id, "e%03d", i == 450 ? 7 : i);  /* 450 repeats 7's id */
        if (i == 120 || i == 599) write_at(rel, "{\"id\": \"x\",}\n");
        else write_exercise(rel, id);
        o += (size_t)sprintf(list + o, "\"ex/e%03d.json\"%s\n", i, i + 1 < N ? "," : "");
    }
    strcpy(list + o, "]}\n");
    write_at("many/pack.json", list);
    free(list);

    char dir[128];
    snprintf(dir, sizeof dir, "%s/many", tmp_root);
    pack_diags d = {0};
    pack *p = pack_load_dir(dir, &d);
    assert_null(p);
    const char *want[] = {
        "/many/ex/e120.json:1:11: JSON syntax error: remove this comma: JSON allows no comma "
        "before '}'",
        "/many/ex/e450.json:1:8: $.id: exercise id \"e007\" is used twice in this pack (first at ",
        "/many/ex/e599.json:1:11: JSON syntax error: remove this comma: JSON allows no comma "
        "before '}'",
    };
    assert_int_equal(d.n, 3);
    for (int i = 0; i < 3; i++) {
        char buf[1024];
        pack_diag_format(&d.v[i], buf, sizeof buf);
        if (!strstr(buf, want[i])) print_message("got: %s\n", buf);
        assert_non_null(strstr(buf, want[i]));
    }
    pack_diags_free(&d);

    /* without the errors it loads, every exercise in its slot */
    write_exercise("many/ex/e120.json", "e120");
    write_exercise("many/ex/e450.json", "e450");
    write_exercise("many/ex/e599.json", "e599");
    p = pack_load_dir(dir, &d);
    assert_non_null(p);
    assert_int_equal(p->nexercise, N);
    for (int i = 0; i < N; i++) {
        char id[32];
        snprintf(id, sizeof id, "e%03d", i);
        assert_string_equal(p->ex[i].id, id);
    }
    pack_free(p);
    pack_diags_free(&d);
}

static void copy_file(const char *from, const char *rel)
{
    FILE *in = fopen(from, "rb");
    assert_non_null(in);
    char path[512], buf[4096];
    snprintf(path, sizeof path, "%s/%s", tmp_root, rel);
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    fclose(out);
}

/* Steps name clips in audio/en/gN and audio/es/gN in turn, for six N: twelve folders,
 * more than the loader keeps open at once. Each step's length is its English clip's
 * (1.5 s Ogg, 0.4 s WAV, alternately); a Spanish clip that is a link out of the pack,
 * one that is a FIFO, one that is missing and one in a folder that is a link out of the
 * pack each get the message they got when every clip was found by its whole path. */
static void test_voice_folders(void **state)
{
    (void)state;
    enum { G = 6 };
    const char *dirs[] = { "voices", "voices/audio", "voices/audio/en", "voices/audio/es" };
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) make_dir(dirs[i]);
    char json[8192];
    size_t o = (size_t)snprintf(json, sizeof json,
        "{\"format\": \"1.0\", \"id\": \"voices\", \"name\": \"V\", \"version\": \"1.0.0\",\n"
        " \"languages\": [\"en\", \"es\"], \"authors\": [\"t\"], \"license\": \"CC0-1.0\", \"sources\": [],\n"
        " \"exercises\": [{\"id\": \"g\", \"kind\": \"guided\", \"category\": \"relaxation\",\n"
        "  \"title\": \"T\", \"summary\": \"S\", \"cautions\": [], \"source\": \"s\",\n"
        "  \"guided\": {\"steps\": [\n");
    for (int g = 0; g < G; g++) {
        char rel[128];
        const char *ext = g % 2 ? "wav" : "ogg";
        const char *src = g % 2 ? GW_SOURCE_DIR "/tests/packs/good/guided/audio/fist.wav"
                                : GW_SOURCE_DIR "/tests/packs/good/guided/audio/sit.ogg";
        snprintf(rel, sizeof rel, "voices/audio/en/g%d", g);
        make_dir(rel);
        if (g != 5) {
            snprintf(rel, sizeof rel, "voices/audio/es/g%d", g);
            make_dir(rel);
        }
        for (int k = 0; k < 2; k++) {
            snprintf(rel, sizeof rel, "voices/audio/en/g%d/%d.%s", g, k, ext);
            copy_file(src, rel);
            snprintf(rel, sizeof rel, "voices/audio/es/g%d/%d.%s", g, k, ext);
            char path[512];
            snprintf(path, sizeof path, "%s/%s", tmp_root, rel);
            if (g == 2 && k == 1) assert_int_equal(symlink(src, path), 0);
            else if (g == 3 && k == 0) assert_int_equal(mkfifo(path, 0644), 0);
            else if (g == 4 && k == 1) { /* missing */ }
            else if (g != 5) copy_file(src, rel);
        }
        o += (size_t)snprintf(json + o, sizeof json - o,
            "   {\"kind\": \"instruction\", \"caption\": \"A\", \"pause\": 1, \"voice\": "
            "{\"en\": \"audio/en/g%d/0.%s\", \"es\": \"audio/es/g%d/0.%s\"}},\n"
            "   {\"kind\": \"instruction\", \"caption\": \"B\", \"pause\": 1, \"voice\": "
            "{\"en\": \"audio/en/g%d/1.%s\", \"es\": \"audio/es/g%d/1.%s\"}}%s\n",
            g, ext, g, ext, g, ext, g, ext, g + 1 < G ? "," : "");
    }
    snprintf(json + o, sizeof json - o, "  ]}}]}\n");
    write_at("voices/pack.json", json);
    make_dir("outside");
    copy_file(GW_SOURCE_DIR "/tests/packs/good/guided/audio/fist.wav", "outside/0.wav");
    copy_file(GW_SOURCE_DIR "/tests/packs/good/guided/audio/fist.wav", "outside/1.wav");
    char link[512], outside[512];
    snprintf(link, sizeof link, "%s/voices/audio/es/g5", tmp_root);
    snprintf(outside, sizeof outside, "%s/outside", tmp_root);
    assert_int_equal(symlink(outside, link), 0);

    char dir[128];
    snprintf(dir, sizeof dir, "%s/voices", tmp_root);
    pack_diags d = {0};
    pack *p = pack_load_dir(dir, &d);
    const char *want[] = {
        "$.exercises[0].guided.steps[5].voice.es: voice clip \"audio/es/g2/1.ogg\" leads outside the pack folder",
        "$.exercises[0].guided.steps[6].voice.es: voice clip \"audio/es/g3/0.wav\" is a named pipe (FIFO), not a file",
        "$.exercises[0].guided.steps[9].voice.es: voice clip \"audio/es/g4/1.ogg\" was not found in the pack folder",
        "$.exercises[0].guided.steps[10].voice.es: voice clip \"audio/es/g5/0.wav\" leads outside the pack folder",
        "$.exercises[0].guided.steps[11].voice.es: voice clip \"audio/es/g5/1.wav\" leads outside the pack folder",
    };
    int n = (int)(sizeof want / sizeof want[0]);
    for (int i = 0; i < d.n; i++) {
        char buf[1024];
        pack_diag_format(&d.v[i], buf, sizeof buf);
        print_message("%s\n", buf);
        if (i < n) assert_non_null(strstr(buf, want[i]));
    }
    assert_int_equal(d.n, n);
    assert_null(p);  /* errors */
    pack_diags_free(&d);

    /* with the Spanish clips mended, it loads, and each step has its English clip's length */
    for (int g = 2; g <= 5; g++)
        for (int k = 0; k < 2; k++) {
            const char *ext = g % 2 ? "wav" : "ogg";
            char rel[128], path[512];
            snprintf(rel, sizeof rel, "voices/audio/es/g%d/%d.%s", g, k, ext);
            snprintf(path, sizeof path, "%s/%s", tmp_root, rel);
            if (g == 5) {
                if (k == 0) {
                    assert_int_equal(unlink(link), 0);
                    assert_int_equal(mkdir(link, 0755), 0);
                }
            } else {
                unlink(path);
            }
            copy_file(g % 2 ? GW_SOURCE_DIR "/tests/packs/good/guided/audio/fist.wav"
                            : GW_SOURCE_DIR "/tests/packs/good/guided/audio/sit.ogg", rel);
        }
    p = pack_load_dir(dir, &d);
    for (int i = 0; i < d.n; i++) {
        char buf[1024];
        pack_diag_format(&d.v[i], buf, sizeof buf);
        print_message("unexpected: %s\n", buf);
    }
    assert_int_equal(d.n, 0);
    assert_non_null(p);
    assert_int_equal(p->nexercise, 1);
    assert_int_equal(p->ex[0].nstep, 2 * G);
    for (int i = 0; i < 2 * G; i++)
        assert_int_equal(p->ex[0].step[i].voice_ns, (i / 2) % 2 ? 400 * GW_NS_PER_MS : 1500 * GW_NS_PER_MS);
    pack_free(p);
    pack_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paths_messages),
        cmocka_unit_test(test_many_files),
        cmocka_unit_test(test_voice_folders),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
