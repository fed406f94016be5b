/* settings: defaults, a round trip, atomic replacement (no temporary left, private
 * mode), out-of-range values clamped, a damaged file reported and left alone, then kept
 * aside before it is replaced; the temporary file never written through a link. */
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

#include "core/settings.h"

static char tmpdir[64];

static int setup(void **st)
{
    (void)st;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/gw-settings-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void round_trip_is_atomic(void **st)
{
    (void)st;
    char path[300], err[512] = "";
    snprintf(path, sizeof path, "%s/cfg/groundwork/settings.json", tmpdir);
    settings s;
    assert_int_equal(settings_load(&s, path, err, sizeof err), SETTINGS_MISSING);
    assert_string_equal(s.theme, "calm");
    assert_true(s.checkins);
    assert_int_equal(s.text_pct, 100);
    snprintf(s.theme, sizeof s.theme, "contrast");
    s.text_pct = 150;
    s.checkins = false;
    s.welcomed = true;
    s.vol_voice = 20;
    snprintf(s.lang, sizeof s.lang, "es");
    snprintf(s.fav[0], sizeof s.fav[0], "box-breathing");
    s.nfav = 1;
    assert_true(settings_save(&s, path, err, sizeof err));
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    /* saving again replaces the file; no temporary is left beside it */
    s.text_pct = 175;
    assert_true(settings_save(&s, path, err, sizeof err));
    char dir[300];
    snprintf(dir, sizeof dir, "%s/cfg/groundwork", tmpdir);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int files = 0;
    struct dirent *de;
    while ((de = readdir(d)))
        if (de->d_name[0] != '.')
            files++;
    closedir(d);
    assert_int_equal(files, 1);
    settings r;
    assert_int_equal(settings_load(&r, path, err, sizeof err), SETTINGS_OK);
    assert_string_equal(r.theme, "contrast");
    assert_int_equal(r.text_pct, 175);
    assert_false(r.checkins);
    assert_true(r.welcomed);
    assert_int_equal(r.vol_voice, 20);
    assert_string_equal(r.lang, "es");
    assert_int_equal(r.nfav, 1);
    assert_string_equal(r.fav[0], "box-breathing");
}

static void bad_values_fall_back(void **st)
{
    (void)st;
    char path[300], err[512] = "";
    snprintf(path, sizeof path, "%s/odd.json", tmpdir);
    write_file(path, "{\"theme\": \"neon\", \"text_size\": 900, \"volume\": {\"cues\": -3}, \"checkins\": \"yes\","
                     " \"language\": \"../x\", \"pacer\": 3, \"extra\": [1]}");
    settings s;
    assert_int_equal(settings_load(&s, path, err, sizeof err), SETTINGS_OK);
    assert_string_equal(s.theme, "calm");
    assert_int_equal(s.text_pct, 200);
    assert_int_equal(s.vol_cues, 0);
    assert_true(s.checkins);
    assert_string_equal(s.lang, "");
    assert_string_equal(s.pacer, "orb");
    /* every pacer style there is, and only those */
    static const char *const STYLES[] = { "orb", "box", "wave", "tube", "calm" };
    for (size_t i = 0; i < sizeof STYLES / sizeof *STYLES; i++) {
        char json[64];
        snprintf(json, sizeof json, "{\"pacer\": \"%s\"}", STYLES[i]);
        write_file(path, json);
        assert_int_equal(settings_load(&s, path, err, sizeof err), SETTINGS_OK);
        assert_string_equal(s.pacer, STYLES[i]);
    }
    write_file(path, "{\"pacer\": \"bar\"}");
    assert_int_equal(settings_load(&s, path, err, sizeof err), SETTINGS_OK);
    assert_string_equal(s.pacer, "orb");
}

static void damaged_file_is_reported_and_kept(void **st)
{
    (void)st;
    char path[300], err[512] = "";
    snprintf(path, sizeof path, "%s/bad.json", tmpdir);
    const char *junk = "{\"theme\": \"light\",, oops";
    write_file(path, junk);
    settings s;
    assert_int_equal(settings_load(&s, path, err, sizeof err), SETTINGS_BAD);
    assert_non_null(strstr(err, "damaged"));
    assert_string_equal(s.theme, "calm");
    /* loading does not touch the file */
    char back[64] = "";
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    assert_non_null(fgets(back, sizeof back, f));
    fclose(f);
    assert_string_equal(back, junk);
    write_file(path, "[1, 2]");
    assert_int_equal(settings_load(&s, path, err, sizeof err), SETTINGS_BAD);
    /* saving into a folder that cannot exist fails with a message */
    char file[300];
    snprintf(file, sizeof file, "%s/bad.json/settings.json", tmpdir);
    assert_false(settings_save(&s, file, err, sizeof err));
    assert_non_null(strstr(err, "could not be saved"));
}

/* A save cut short by a crash leaves "settings.json.tmp"; the next save replaces it
 * and nothing else is left beside the settings. */
static void crash_leftover_is_replaced(void **st)
{
    (void)st;
    char dir[300], path[320], tmp[340], err[512] = "";
    snprintf(dir, sizeof dir, "%s/crashed", tmpdir);
    snprintf(path, sizeof path, "%s/settings.json", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    settings s;
    settings_defaults(&s);
    assert_true(settings_save(&s, path, err, sizeof err));
    write_file(tmp, "{\"theme\": \"li");
    s.text_pct = 130;
    assert_true(settings_save(&s, path, err, sizeof err));
    DIR *d = opendir(dir);
    assert_non_null(d);
    int files = 0;
    struct dirent *de;
    while ((de = readdir(d)))
        if (de->d_name[0] != '.')
            files++;
    closedir(d);
    assert_int_equal(files, 1);
    settings r;
    assert_int_equal(settings_load(&r, path, err, sizeof err), SETTINGS_OK);
    assert_int_equal(r.text_pct, 130);
}

/* A damaged file's message says where: line and column. */
static void damage_is_located(void **st)
{
    (void)st;
    char path[300], err[512] = "";
    snprintf(path, sizeof path, "%s/located.json", tmpdir);
    write_file(path, "{\n  \"theme\": \"light\"\n  \"text_size\": 120\n}\n");
    settings s;
    assert_int_equal(settings_load(&s, path, err, sizeof err), SETTINGS_BAD);
    assert_non_null(strstr(err, "damaged (line 3, column 3: "));
    write_file(path, "[1, 2]");
    assert_int_equal(settings_load(&s, path, err, sizeof err), SETTINGS_BAD);
    assert_non_null(strstr(err, "not a JSON object"));
}

/* settings_parse reads text as settings_load reads a file (not terminated; the name in
 * the message), and settings_to_json is what settings_save writes. */
static void parse_and_text(void **st)
{
    (void)st;
    settings s, r;
    char err[512] = "";
    const char text[] = "{\"theme\": \"light\", \"text_size\": 175, \"favourites\": [\"pmr-4\"]}XYZ";
    assert_int_equal(settings_parse(&s, "mine.json", text, sizeof text - 4, err, sizeof err), SETTINGS_OK);
    assert_string_equal(s.theme, "light");
    assert_int_equal(s.text_pct, 175);
    assert_int_equal(s.nfav, 1);
    assert_int_equal(settings_parse(&r, "mine.json", text, sizeof text - 5, err, sizeof err), SETTINGS_BAD);
    assert_non_null(strstr(err, "Your settings (mine.json) are damaged"));
    assert_string_equal(r.theme, "calm");
    char *json = settings_to_json(&s);
    assert_non_null(json);
    assert_int_equal(settings_parse(&r, "again", json, strlen(json), err, sizeof err), SETTINGS_OK);
    assert_string_equal(r.theme, "light");
    assert_int_equal(r.text_pct, 175);
    assert_string_equal(r.fav[0], "pmr-4");
    free(json);
}

/* The crisis line's country: "" automatic, a country code, "*" another country; any
 * other value reads as automatic, and the choice survives a save. */
static void region_is_a_country_or_automatic(void **st)
{
    (void)st;
    static const struct { const char *json, *want; } W[] = {
        { "{\"region\": \"MX\"}", "MX" }, { "{\"region\": \"*\"}", "*" }, { "{\"region\": \"\"}", "" },
        { "{\"region\": \"mx\"}", "" },   { "{\"region\": \"MEX\"}", "" }, { "{\"region\": 7}", "" },
        { "{\"region\": \"M\"}", "" },    { "{}", "" },
    };
    char err[512];
    for (size_t i = 0; i < sizeof W / sizeof *W; i++) {
        settings s, r;
        assert_int_equal(settings_parse(&s, "t", W[i].json, strlen(W[i].json), err, sizeof err), SETTINGS_OK);
        assert_string_equal(s.region, W[i].want);
        char *json = settings_to_json(&s);
        assert_non_null(json);
        assert_int_equal(settings_parse(&r, "t", json, strlen(json), err, sizeof err), SETTINGS_OK);
        assert_string_equal(r.region, W[i].want);
        free(json);
    }
}

/* The writing hand: "right", "left" or "" (not asked yet); anything else reads as not
 * asked, and the choice survives a save. */
static void handedness_is_right_left_or_unasked(void **st)
{
    (void)st;
    static const struct { const char *json, *want; } W[] = {
        { "{\"handedness\": \"left\"}", "left" }, { "{\"handedness\": \"right\"}", "right" },
        { "{\"handedness\": \"\"}", "" },        { "{\"handedness\": \"Left\"}", "" },
        { "{\"handedness\": \"ambidextrous\"}", "" }, { "{\"handedness\": true}", "" }, { "{}", "" },
    };
    char err[512];
    for (size_t i = 0; i < sizeof W / sizeof *W; i++) {
        settings s, r;
        assert_int_equal(settings_parse(&s, "t", W[i].json, strlen(W[i].json), err, sizeof err), SETTINGS_OK);
        assert_string_equal(s.handedness, W[i].want);
        char *json = settings_to_json(&s);
        assert_non_null(json);
        assert_non_null(strstr(json, "\"handedness\""));
        assert_int_equal(settings_parse(&r, "t", json, strlen(json), err, sizeof err), SETTINGS_OK);
        assert_string_equal(r.handedness, W[i].want);
        free(json);
    }
}

static char *slurp(const char *path)
{
    static char buf[4096];
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

/* A symbolic link where the temporary file goes is removed, never written through: the
 * file it points at is untouched and the settings are a regular private file. */
static void temp_link_is_not_followed(void **st)
{
    (void)st;
    char dir[200], path[300], tmp[320], victim[300], err[512] = "";
    snprintf(dir, sizeof dir, "%s/linked", tmpdir);
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(path, sizeof path, "%s/settings.json", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    snprintf(victim, sizeof victim, "%s/victim.txt", tmpdir);
    write_file(victim, "victim");
    assert_int_equal(symlink(victim, tmp), 0);
    settings s;
    settings_defaults(&s);
    assert_true(settings_save(&s, path, err, sizeof err));
    assert_string_equal(slurp(victim), "victim");
    struct stat sb;
    assert_int_equal(lstat(path, &sb), 0);
    assert_true(S_ISREG(sb.st_mode));
    assert_int_equal(sb.st_mode & 0777, 0600);
    assert_int_equal(lstat(tmp, &sb), -1);
}

/* Damaged settings are kept aside under a dated name before anything replaces them; a
 * name already taken gets a number, and no file means nothing to keep. */
static void damaged_file_is_kept_aside(void **st)
{
    (void)st;
    char path[300], err[512] = "", kept[300];
    snprintf(path, sizeof path, "%s/kept.json", tmpdir);
    write_file(path, "{ damaged");
    assert_true(settings_keep_bad(path, "20260101-090001", kept, sizeof kept, err, sizeof err));
    assert_string_equal(kept, "kept.json.bad-20260101-090001");
    assert_true(settings_keep_bad(path, "20260101-090001", kept, sizeof kept, err, sizeof err));
    assert_string_equal(kept, "kept.json.bad-20260101-090001-1");
    settings s;
    settings_defaults(&s);
    assert_true(settings_save(&s, path, err, sizeof err));
    char bad[400];
    snprintf(bad, sizeof bad, "%s/kept.json.bad-20260101-090001", tmpdir);
    assert_string_equal(slurp(bad), "{ damaged");
    assert_int_equal(settings_load(&s, path, err, sizeof err), SETTINGS_OK);
    snprintf(path, sizeof path, "%s/none.json", tmpdir);
    assert_true(settings_keep_bad(path, "20260101-090001", kept, sizeof kept, err, sizeof err));
    assert_string_equal(kept, "");
}

/* Reminders: days and a time, kept only once chosen; a bad member keeps its default. */
static void reminders_round_trip_and_fall_back(void **st)
{
    (void)st;
    char path[300], err[512] = "";
    snprintf(path, sizeof path, "%s/rem.json", tmpdir);
    settings s;
    settings_defaults(&s);
    assert_false(s.remind_on);
    assert_false(s.remind_set);
    assert_int_equal(s.remind_days, SETTINGS_EVERY_DAY);
    assert_int_equal(s.remind_min, 18 * 60);
    /* not chosen: neither days nor time written, so a plan can still propose them */
    char *text = settings_to_json(&s);
    assert_non_null(text);
    assert_non_null(strstr(text, "\"reminders\""));
    assert_null(strstr(text, "\"days\""));
    assert_null(strstr(text, "\"time\""));
    free(text);
    s.remind_on = s.remind_set = true;
    s.remind_days = 1u | 4u | 16u; /* Monday, Wednesday, Friday */
    s.remind_min = 7 * 60 + 5;
    snprintf(s.remind_via, sizeof s.remind_via, "autostart");
    assert_true(settings_save(&s, path, err, sizeof err));
    text = slurp(path);
    assert_non_null(strstr(text, "\"time\":\t\"07:05\""));
    assert_non_null(strstr(text, "\"mon\", \"wed\", \"fri\""));
    settings r;
    assert_int_equal(settings_load(&r, path, err, sizeof err), SETTINGS_OK);
    assert_true(r.remind_on && r.remind_set);
    assert_int_equal(r.remind_days, 1u | 4u | 16u);
    assert_int_equal(r.remind_min, 7 * 60 + 5);
    assert_string_equal(r.remind_via, "autostart");
    /* bad values: each its default, the rest kept */
    static const char *const BAD[] = {
        "{\"reminders\": {\"on\": 1, \"days\": [\"mon\", \"funday\"], \"time\": \"25:00\", \"via\": \"cron\"}}",
        "{\"reminders\": {\"days\": [], \"time\": \"7:5\"}}",
        "{\"reminders\": {\"days\": \"mon\", \"time\": \"07:60\"}}",
        "{\"reminders\": {\"days\": [3], \"time\": \"07:00x\"}}",
        "{\"reminders\": {\"time\": 700}}",
        "{\"reminders\": [true]}",
        "{\"reminders\": \"on\"}",
    };
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        write_file(path, BAD[i]);
        assert_int_equal(settings_load(&r, path, err, sizeof err), SETTINGS_OK);
        assert_false(r.remind_on);
        assert_false(r.remind_set);
        assert_int_equal(r.remind_days, SETTINGS_EVERY_DAY);
        assert_int_equal(r.remind_min, 18 * 60);
        assert_string_equal(r.remind_via, "");
    }
    write_file(path, "{\"reminders\": {\"on\": true, \"days\": [\"sun\", \"sat\", \"sun\"], \"time\": \"bad\"}}");
    assert_int_equal(settings_load(&r, path, err, sizeof err), SETTINGS_OK);
    assert_true(r.remind_on && r.remind_set);
    assert_int_equal(r.remind_days, 32u | 64u);
    assert_int_equal(r.remind_min, 18 * 60);
    /* out-of-range values in memory are clamped before saving */
    r.remind_days = 0x80;
    r.remind_min = 24 * 60;
    settings_clamp(&r);
    assert_int_equal(r.remind_days, SETTINGS_EVERY_DAY);
    assert_int_equal(r.remind_min, 18 * 60);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip_is_atomic),
        cmocka_unit_test(bad_values_fall_back),
        cmocka_unit_test(damaged_file_is_reported_and_kept),
        cmocka_unit_test(crash_leftover_is_replaced),
        cmocka_unit_test(damage_is_located),
        cmocka_unit_test(parse_and_text),
        cmocka_unit_test(region_is_a_country_or_automatic),
        cmocka_unit_test(handedness_is_right_left_or_unasked),
        cmocka_unit_test(temp_link_is_not_followed),
        cmocka_unit_test(damaged_file_is_kept_aside),
        cmocka_unit_test(reminders_round_trip_and_fall_back),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
