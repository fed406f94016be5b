#include "core/settings.h"
#include "core/afile.h"
#include "core/jread.h"
#include "core/pacer_style.h"
#include "core/rfile.h"

#include <ctype.h>
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_FILE (64 * 1024)
#define MAX_DEPTH 16

static const char *const THEMES[] = { "calm", "light", "contrast" };

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
    s->remind_days = SETTINGS_EVERY_DAY;
    s->remind_min = 18 * 60;
    s->speech_rate = 100;
}

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

void settings_clamp(settings *s)
{
    settings d;
    settings_defaults(&d);
    if (!one_of(s->theme, THEMES, 3))
        memcpy(s->theme, d.theme, sizeof s->theme);
    if (pacer_style_parse(s->pacer) < 0)
        memcpy(s->pacer, d.pacer, sizeof s->pacer);
    s->text_pct = clampi(s->text_pct, 100, 200);
    s->vol_cues = clampi(s->vol_cues, 0, 100);
    s->vol_voice = clampi(s->vol_voice, 0, 100);
    s->vol_ambience = clampi(s->vol_ambience, 0, 100);
    s->speech_rate = clampi(s->speech_rate, 50, 200);
    s->nfav = clampi(s->nfav, 0, SETTINGS_MAX_FAV);
    s->ncautions_hidden = clampi(s->ncautions_hidden, 0, SETTINGS_MAX_FAV);
    bool region_ok = !s->region[0] || !strcmp(s->region, "*") ||
                     (strlen(s->region) == 2 && s->region[0] >= 'A' && s->region[0] <= 'Z' && s->region[1] >= 'A' &&
                      s->region[1] <= 'Z');
    if (!region_ok)
        s->region[0] = 0;
    if (strcmp(s->handedness, "right") && strcmp(s->handedness, "left"))
        s->handedness[0] = 0;
    for (int i = 0; s->hr_sensor[0] && i < 17; i++) /* a Bluetooth address, or none */
        if (i % 3 == 2 ? s->hr_sensor[i] != ':' : !isxdigit((unsigned char)s->hr_sensor[i]))
            s->hr_sensor[0] = 0;
    if (strlen(s->hr_sensor) != 17)
        s->hr_sensor[0] = 0;
    if (!s->remind_days || (s->remind_days & ~SETTINGS_EVERY_DAY))
        s->remind_days = d.remind_days;
    if (s->remind_min < 0 || s->remind_min >= 24 * 60)
        s->remind_min = d.remind_min;
    if (strcmp(s->remind_via, "systemd") && strcmp(s->remind_via, "autostart"))
        s->remind_via[0] = 0;
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

static const char *const DAYS[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/* "reminders": {"on": true, "days": ["mon", ...], "time": "18:00", "via": "systemd"}; a
 * bad member keeps its default (days: a list naming no known day, or a bad one). */
static void get_reminders(const cJSON *r, settings *s)
{
    if (!cJSON_IsObject(r))
        return;
    get_bool(r, "on", &s->remind_on);
    get_str(r, "via", s->remind_via, sizeof s->remind_via);
    const cJSON *days = cJSON_GetObjectItemCaseSensitive(r, "days"), *it;
    unsigned bits = 0;
    bool ok = cJSON_IsArray(days);
    if (ok)
        cJSON_ArrayForEach(it, days) {
            int k = -1;
            for (int i = 0; i < 7 && cJSON_IsString(it); i++)
                if (!strcmp(it->valuestring, DAYS[i]))
                    k = i;
            ok = ok && k >= 0;
            bits |= k >= 0 ? 1u << k : 0;
        }
    if (ok && bits) {
        s->remind_days = bits;
        s->remind_set = true;
    }
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(r, "time");
    int h, m;
    char tail;
    if (cJSON_IsString(t) && strlen(t->valuestring) == 5 && sscanf(t->valuestring, "%2d:%2d%c", &h, &m, &tail) == 2 &&
        h >= 0 && h < 24 && m >= 0 && m < 60) {
        s->remind_min = h * 60 + m;
        s->remind_set = true;
    }
}

/* The settings in text (len bytes, not necessarily NUL-terminated); name is how
 * messages call them. */
settings_status settings_parse(settings *s, const char *name, const char *text, size_t len, char *err, size_t errn)
{
    settings_defaults(s);
    if (!name)
        name = "(settings)";
    if (len > MAX_FILE) {
        snprintf(err, errn, "Your settings (%s) are too large to be settings. Default settings are used.", name);
        return SETTINGS_BAD;
    }
    char *buf = malloc(len + 1);
    if (!buf) {
        snprintf(err, errn, "Out of memory reading your settings (%s). Default settings are used.", name);
        return SETTINGS_BAD;
    }
    memcpy(buf, text, len);
    buf[len] = 0;
    size_t n = len;
    /* scanned first: a damaged file is told apart from running out of memory, and
     * the message says where it is damaged */
    jsonloc jl;
    jread_fail f;
    cJSON *root = jread_tree(&jl, buf, n, MAX_DEPTH, &f);
    if (!root && f.nomem) {
        jsonloc_free(&jl);
        free(buf);
        snprintf(err, errn, "Out of memory reading your settings (%s). Default settings are used.", name);
        return SETTINGS_BAD;
    }
    if (!cJSON_IsObject(root)) {
        char what[256];
        if (f.status == JSONLOC_OK)
            snprintf(what, sizeof what, "%s", "they are not a JSON object { ... }");
        else if (f.at.line > 0)
            snprintf(what, sizeof what, "line %d, column %d: %s", f.at.line, f.at.col, f.why);
        else
            snprintf(what, sizeof what, "%s", f.why);
        snprintf(err, errn,
                 "Your settings (%s) are damaged (%s) and were not used. Default settings are used until you "
                 "change one.",
                 name, what);
        jsonloc_free(&jl);
        free(buf);
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
    const cJSON *ra = cJSON_GetObjectItemCaseSensitive(root, "read_aloud");
    get_bool(ra, "on", &s->read_aloud);
    get_int(ra, "rate", &s->speech_rate);
    get_str(root, "language", s->lang, sizeof s->lang);
    get_str(root, "pacer", s->pacer, sizeof s->pacer);
    get_str(root, "region", s->region, sizeof s->region);
    get_str(root, "handedness", s->handedness, sizeof s->handedness);
    get_str(root, "hr_sensor", s->hr_sensor, sizeof s->hr_sensor);
    get_bool(root, "welcomed", &s->welcomed);
    const cJSON *fav = cJSON_GetObjectItemCaseSensitive(root, "favourites"), *it;
    if (!cJSON_IsArray(fav))
        fav = NULL;
    cJSON_ArrayForEach(it, fav)
        if (cJSON_IsString(it) && strlen(it->valuestring) < sizeof s->fav[0] && s->nfav < SETTINGS_MAX_FAV)
            snprintf(s->fav[s->nfav++], sizeof s->fav[0], "%s", it->valuestring);
    const cJSON *hid = cJSON_GetObjectItemCaseSensitive(root, "cautions_hidden");
    if (!cJSON_IsArray(hid))
        hid = NULL;
    cJSON_ArrayForEach(it, hid)
        if (cJSON_IsString(it) && strlen(it->valuestring) < sizeof s->cautions_hidden[0] &&
            s->ncautions_hidden < SETTINGS_MAX_FAV)
            snprintf(s->cautions_hidden[s->ncautions_hidden++], sizeof s->cautions_hidden[0], "%s", it->valuestring);
    get_reminders(cJSON_GetObjectItemCaseSensitive(root, "reminders"), s);
    jsonloc_free(&jl); /* the tree lives in its arena */
    free(buf);
    settings_clamp(s);
    return SETTINGS_OK;
}

settings_status settings_load(settings *s, const char *path, char *err, size_t errn)
{
    settings_defaults(s);
    char why[200];
    size_t n = 0;
    char *buf = rfile_read(path, MAX_FILE, &n, why, sizeof why);  /* a FIFO must not block */
    if (!buf) {
        if (errno == ENOENT)
            return SETTINGS_MISSING;
        if (errno == EFBIG)
            snprintf(err, errn, "Your settings (%s) are too large to be settings. Default settings are used.", path);
        else
            snprintf(err, errn, "Your settings file (%s) %s. Default settings are used.", path, why);
        return SETTINGS_BAD;
    }
    settings_status st = settings_parse(s, path, buf, n, err, errn);
    free(buf);
    return st;
}

/* The JSON text of s, or NULL when out of memory (every member is checked: a
 * setting silently left out would come back as its default). */
static char *to_text(const settings *s);

char *settings_to_json(const settings *in)
{
    settings s = *in;
    settings_clamp(&s);
    return to_text(&s);
}

static char *to_text(const settings *s)
{
    cJSON *root = cJSON_CreateObject(), *vol = NULL, *fav = NULL, *hid = NULL, *ra = NULL;
    bool ok = root && cJSON_AddStringToObject(root, "theme", s->theme) &&
              cJSON_AddNumberToObject(root, "text_size", s->text_pct) &&
              cJSON_AddBoolToObject(root, "reduced_motion", s->reduced_motion) &&
              (vol = cJSON_AddObjectToObject(root, "volume")) && cJSON_AddNumberToObject(vol, "cues", s->vol_cues) &&
              cJSON_AddNumberToObject(vol, "voice", s->vol_voice) &&
              cJSON_AddNumberToObject(vol, "ambience", s->vol_ambience) &&
              cJSON_AddBoolToObject(root, "checkins", s->checkins) &&
              (ra = cJSON_AddObjectToObject(root, "read_aloud")) && cJSON_AddBoolToObject(ra, "on", s->read_aloud) &&
              cJSON_AddNumberToObject(ra, "rate", s->speech_rate) &&
              cJSON_AddStringToObject(root, "language", s->lang) &&
              cJSON_AddStringToObject(root, "pacer", s->pacer) &&
              cJSON_AddStringToObject(root, "region", s->region) &&
              cJSON_AddStringToObject(root, "handedness", s->handedness) &&
              cJSON_AddBoolToObject(root, "welcomed", s->welcomed) &&
              (fav = cJSON_AddArrayToObject(root, "favourites")) &&
              (!s->hr_sensor[0] || cJSON_AddStringToObject(root, "hr_sensor", s->hr_sensor));
    for (int i = 0; ok && i < s->nfav && i < SETTINGS_MAX_FAV; i++) {
        cJSON *v = cJSON_CreateString(s->fav[i]);
        ok = v && cJSON_AddItemToArray(fav, v);
        if (!ok)
            cJSON_Delete(v);
    }
    ok = ok && (hid = cJSON_AddArrayToObject(root, "cautions_hidden"));
    for (int i = 0; ok && i < s->ncautions_hidden && i < SETTINGS_MAX_FAV; i++) {
        cJSON *v = cJSON_CreateString(s->cautions_hidden[i]);
        ok = v && cJSON_AddItemToArray(hid, v);
        if (!ok)
            cJSON_Delete(v);
    }
    /* days and time only once chosen (or proposed and turned on): until then a plan
     * may propose them */
    cJSON *rem = NULL, *days = NULL;
    char hm[8];
    snprintf(hm, sizeof hm, "%02d:%02d", s->remind_min / 60 % 24, s->remind_min % 60);
    ok = ok && (rem = cJSON_AddObjectToObject(root, "reminders")) && cJSON_AddBoolToObject(rem, "on", s->remind_on);
    if (s->remind_set) {
        ok = ok && (days = cJSON_AddArrayToObject(rem, "days"));
        for (int i = 0; ok && i < 7; i++)
            if (s->remind_days & (1u << i)) {
                cJSON *v = cJSON_CreateString(DAYS[i]);
                ok = v && cJSON_AddItemToArray(days, v);
                if (!ok)
                    cJSON_Delete(v);
            }
        ok = ok && cJSON_AddStringToObject(rem, "time", hm);
    }
    ok = ok && cJSON_AddStringToObject(rem, "via", s->remind_via);
    char *text = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    return text;
}

/* Locks the folder against other saves, waiting up to 0.5 s for one in progress (a
 * save takes milliseconds; a process stopped while saving must not hang this one). */
static bool lock_dir(int dfd)
{
    for (int i = 0; i < 50; i++) {
        if (flock(dfd, LOCK_EX | LOCK_NB) == 0)
            return true;
        if (errno != EWOULDBLOCK && errno != EINTR)
            return false;
        nanosleep(&(struct timespec){ .tv_nsec = 10 * 1000 * 1000 }, NULL);
    }
    return false;
}

/* The new text goes to a temporary file beside the settings, is flushed to the disk,
 * renamed over them (atomic), and the folder is flushed so the rename survives a power
 * cut. Saves are serialised with a lock on the folder, so the temporary file can have
 * a fixed name: a save cut short by a crash leaves at most that one file, which the
 * next save replaces (a name per process would pile up, one per crash). Where the
 * folder cannot be locked, the temporary file is named after the process. */
bool settings_save(const settings *in, const char *path, char *err, size_t errn)
{
    settings s = *in;
    settings_clamp(&s);
    char *text = to_text(&s);
    if (!text) {
        snprintf(err, errn, "Out of memory saving your settings. The previous settings file is unchanged.");
        return false;
    }
    char tmp[PATH_MAX];
    bool ok = false;
    int dfd = -1;
    if (strlen(path) + 32 > sizeof tmp)
        errno = ENAMETOOLONG;
    else if (afile_make_parent(path, AFILE_PRIVATE) && (dfd = afile_open_parent(path)) >= 0) {
        if (lock_dir(dfd))
            snprintf(tmp, sizeof tmp, "%s.tmp", path);
        else
            snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
        ok = afile_replace(path, text, "\n", &(afile_opts){ .tmp = tmp }) == AFILE_DONE;
    }
    if (!ok)
        snprintf(err, errn, "Your settings could not be saved (%s): %s. The previous settings file is unchanged.",
                 path, strerror(errno));
    if (dfd >= 0)
        close(dfd); /* releases the lock */
    cJSON_free(text);
    return ok;
}

bool settings_keep_bad(const char *path, const char *stamp, char *kept, size_t keptn, char *err, size_t errn)
{
    char bad[PATH_MAX];
    for (int i = 0; i < 100; i++) {
        int w = i ? snprintf(bad, sizeof bad, "%s.bad-%s-%d", path, stamp, i)
                  : snprintf(bad, sizeof bad, "%s.bad-%s", path, stamp);
        if (w < 0 || (size_t)w >= sizeof bad) {
            errno = ENAMETOOLONG;
            break;
        }
        /* a second name for the same file (nothing copied, nothing to half-write); a
         * link or a file already there is never replaced */
        if (link(path, bad) == 0) {
            const char *slash = strrchr(bad, '/');
            snprintf(kept, keptn, "%s", slash ? slash + 1 : bad);
            return true;
        }
        if (errno == ENOENT) {
            kept[0] = 0; /* nothing to keep */
            return true;
        }
        if (errno != EEXIST)
            break;
    }
    snprintf(err, errn, "Your damaged settings (%s) could not be kept aside: %s. They are left as they are.", path,
             strerror(errno));
    return false;
}
