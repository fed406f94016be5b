#include "core/settings.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILE (64 * 1024)

static const char *const THEMES[] = { "calm", "light", "contrast" };
static const char *const PACERS[] = { "orb", "bar" };

static bool one_of(const char *v, const char *const *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v, set[i]))
            return true;
    return false;
}

void settings_defaults(settings *s)
{
    memset(s, 0, sizeof *s);
    snprintf(s->theme, sizeof s->theme, "calm");
    s->text_pct = 100;
    s->vol_cues = 80;
    s->vol_voice = 80;
    s->vol_ambience = 50;
    s->checkins = true;
    snprintf(s->pacer, sizeof s->pacer, "orb");
}

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

void settings_clamp(settings *s)
{
    settings d;
    settings_defaults(&d);
    if (!one_of(s->theme, THEMES, 3))
        memcpy(s->theme, d.theme, sizeof s->theme);
    if (!one_of(s->pacer, PACERS, 2))
        memcpy(s->pacer, d.pacer, sizeof s->pacer);
    s->text_pct = clampi(s->text_pct, 100, 200);
    s->vol_cues = clampi(s->vol_cues, 0, 100);
    s->vol_voice = clampi(s->vol_voice, 0, 100);
    s->vol_ambience = clampi(s->vol_ambience, 0, 100);
    s->nfav = clampi(s->nfav, 0, SETTINGS_MAX_FAV);
    for (char *c = s->lang; *c; c++) /* a language code: letters, '-' and '_' only */
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || *c == '-' || *c == '_')) {
            s->lang[0] = 0;
            break;
        }
}

static void get_str(const cJSON *o, const char *k, char *dst, size_t n)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (cJSON_IsString(v) && strlen(v->valuestring) < n)
        snprintf(dst, n, "%s", v->valuestring);
}

static void get_int(const cJSON *o, const char *k, int *dst)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (cJSON_IsNumber(v) && v->valuedouble >= -1e6 && v->valuedouble <= 1e6)
        *dst = (int)v->valuedouble;
}

static void get_bool(const cJSON *o, const char *k, bool *dst)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (cJSON_IsBool(v))
        *dst = cJSON_IsTrue(v);
}

settings_status settings_parse(settings *s, const char *name, const char *text, size_t len, char *err, size_t errn)
{
    settings_defaults(s);
    if (!name)
        name = "(settings)";
    if (len > MAX_FILE) {
        snprintf(err, errn, "Your settings (%s) are too large to be settings. Default settings are used.", name);
        return SETTINGS_BAD;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        snprintf(err, errn,
                 "Your settings (%s) are damaged and were not used. Default settings are used until you change one.",
                 name);
        return SETTINGS_BAD;
    }
    get_str(root, "theme", s->theme, sizeof s->theme);
    get_int(root, "text_size", &s->text_pct);
    get_bool(root, "reduced_motion", &s->reduced_motion);
    const cJSON *vol = cJSON_GetObjectItemCaseSensitive(root, "volume");
    get_int(vol, "cues", &s->vol_cues);
    get_int(vol, "voice", &s->vol_voice);
    get_int(vol, "ambience", &s->vol_ambience);
    get_bool(root, "checkins", &s->checkins);
    get_str(root, "language", s->lang, sizeof s->lang);
    get_str(root, "pacer", s->pacer, sizeof s->pacer);
    get_bool(root, "welcomed", &s->welcomed);
    const cJSON *fav = cJSON_GetObjectItemCaseSensitive(root, "favourites"), *it;
    if (!cJSON_IsArray(fav))
        fav = NULL;
    cJSON_ArrayForEach(it, fav)
        if (cJSON_IsString(it) && strlen(it->valuestring) < sizeof s->fav[0] && s->nfav < SETTINGS_MAX_FAV)
            snprintf(s->fav[s->nfav++], sizeof s->fav[0], "%s", it->valuestring);
    cJSON_Delete(root);
    settings_clamp(s);
    return SETTINGS_OK;
}

settings_status settings_load(settings *s, const char *path, char *err, size_t errn)
{
    settings_defaults(s);
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            return SETTINGS_MISSING;
        snprintf(err, errn, "Your settings (%s) cannot be read: %s. Default settings are used.", path,
                 strerror(errno));
        return SETTINGS_BAD;
    }
    char *buf = malloc(MAX_FILE + 1);
    size_t n = buf ? fread(buf, 1, MAX_FILE + 1, f) : 0;
    fclose(f);
    if (!buf || n > MAX_FILE) {
        free(buf);
        snprintf(err, errn, "Your settings (%s) are too large to be settings. Default settings are used.", path);
        return SETTINGS_BAD;
    }
    settings_status st = settings_parse(s, path, buf, n, err, errn);
    free(buf);
    return st;
}

static bool make_dir_of(const char *path)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return true;
    *slash = 0;
    for (char *c = dir + 1; *c; c++)
        if (*c == '/') {
            *c = 0;
            if (mkdir(dir, 0700) != 0 && errno != EEXIST)
                return false;
            *c = '/';
        }
    return mkdir(dir, 0700) == 0 || errno == EEXIST;
}

static void sync_dir_of(const char *path)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == dir)
        dir[1] = 0;
    else
        *slash = 0;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

char *settings_to_json(const settings *in)
{
    settings s = *in;
    settings_clamp(&s);
    cJSON *root = cJSON_CreateObject();
    cJSON *vol = cJSON_CreateObject();
    if (!root || !vol) {
        cJSON_Delete(root);
        cJSON_Delete(vol);
        return NULL;
    }
    cJSON_AddStringToObject(root, "theme", s.theme);
    cJSON_AddNumberToObject(root, "text_size", s.text_pct);
    cJSON_AddBoolToObject(root, "reduced_motion", s.reduced_motion);
    cJSON_AddNumberToObject(vol, "cues", s.vol_cues);
    cJSON_AddNumberToObject(vol, "voice", s.vol_voice);
    cJSON_AddNumberToObject(vol, "ambience", s.vol_ambience);
    cJSON_AddItemToObject(root, "volume", vol);
    cJSON_AddBoolToObject(root, "checkins", s.checkins);
    cJSON_AddStringToObject(root, "language", s.lang);
    cJSON_AddStringToObject(root, "pacer", s.pacer);
    cJSON_AddBoolToObject(root, "welcomed", s.welcomed);
    cJSON *fav = cJSON_AddArrayToObject(root, "favourites");
    for (int i = 0; fav && i < s.nfav && i < SETTINGS_MAX_FAV; i++)
        cJSON_AddItemToArray(fav, cJSON_CreateString(s.fav[i]));
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

bool settings_save(const settings *in, const char *path, char *err, size_t errn)
{
    char *text = settings_to_json(in);
    if (!text) {
        snprintf(err, errn, "Out of memory saving your settings.");
        return false;
    }
    char tmp[PATH_MAX];
    bool ok = false;
    int fd = -1;
    if (snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid()) >= (int)sizeof tmp)
        errno = ENAMETOOLONG;
    else if (make_dir_of(path) && (fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) >= 0) {
        size_t len = strlen(text), done = 0;
        while (done < len) {
            ssize_t w = write(fd, text + done, len - done);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                break;
            done += (size_t)w;
        }
        ok = done == len && write(fd, "\n", 1) == 1 && fsync(fd) == 0;
        int e = errno;
        ok = close(fd) == 0 && ok;
        if (ok)
            ok = rename(tmp, path) == 0;
        else
            errno = e;
        if (!ok) {
            e = errno;
            unlink(tmp);
            errno = e;
        } else
            sync_dir_of(path);
    }
    if (!ok)
        snprintf(err, errn, "Your settings could not be saved (%s): %s. The previous settings file is unchanged.",
                 path, strerror(errno));
    free(text);
    return ok;
}
