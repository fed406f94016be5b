#include "core/kiosk.h"
#include "core/rfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cjson/cJSON.h>

#include "core/afile.h"
#include "core/jread.h"

#define MAX_CONFIG_BYTES (1 << 20)
#define MAX_DEPTH 8

void kiosk_config_defaults(kiosk_config *c)
{
    memset(c, 0, sizeof *c);
    c->idle_timeout = KIOSK_IDLE_DEFAULT;
    c->outside = KIOSK_OUTSIDE_DIM;
    c->volume = 0.6;
    c->volume_max = 0.8;
}

/* ---- reading ------------------------------------------------------------------ */

typedef struct rctx {
    jread jr;    /* messages without a JSON path, in the order found */
} rctx;

/* kiosk.json's messages say what is used instead; its keys name themselves ("hours.open") */
static const jread_limits kiosk_limits = {
    .max_depth = MAX_DEPTH,
    .max_diags = KIOSK_MAX_ERRORS,
    .deep_hint = "; using the default settings",
    .suffix = "; using the default settings",
    .no_path = true,
    .keep_order = true,
};

static void bad_value(rctx *r, const cJSON *v, const char *key, const char *want)
{
    jread_rep(&r->jr, v, PACK_ERROR, "\"%s\" must be %s; using the default", key, want);
}

static bool copy_id(char *dst, size_t n, const char *s)
{
    size_t len = strlen(s);
    if (len == 0 || len >= n)
        return false;
    memcpy(dst, s, len + 1);
    return true;
}

/* No control characters: the name is written into CSV and JSON lines. */
static bool printable(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return false;
    return true;
}

static void read_string_list(rctx *r, const cJSON *v, const char *key, char *dst, size_t each, int max,
                             int *count, const char *want)
{
    if (!cJSON_IsArray(v)) {
        bad_value(r, v, key, want);
        return;
    }
    int n = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, v) {
        /* full: checked before copying, as there is no room for one more entry */
        if (n == max) {
            jread_rep(&r->jr, it, PACK_ERROR, "\"%s\" lists more than %d entries; the rest are skipped",
                   key, max);
            break;
        }
        if (!cJSON_IsString(it) || !copy_id(dst + (size_t)n * each, each, it->valuestring)) {
            jread_rep(&r->jr, it, PACK_ERROR, "each entry of \"%s\" must be %s; skipped", key, want);
            continue;
        }
        n++;
    }
    *count = n;
}

static void read_hours(rctx *r, kiosk_config *c, const cJSON *v)
{
    if (!cJSON_IsObject(v)) {
        bad_value(r, v, "hours", "an object such as {\"open\": \"08:00\", \"close\": \"18:00\"}");
        return;
    }
    int open = -1, close = -1;
    kiosk_outside outside = KIOSK_OUTSIDE_DIM;
    bool ok = true;
    const cJSON *it;
    cJSON_ArrayForEach(it, v) {
        if (!strcmp(it->string, "open") || !strcmp(it->string, "close")) {
            int m = cJSON_IsString(it) ? kiosk_parse_hhmm(it->valuestring) : -1;
            if (m < 0) {
                jread_rep(&r->jr, it, PACK_ERROR, "\"hours.%s\" must be a time \"HH:MM\" (00:00 to 23:59)",
                       it->string);
                ok = false;
            }
            *(it->string[0] == 'o' ? &open : &close) = m;
        } else if (!strcmp(it->string, "outside")) {
            if (cJSON_IsString(it) && !strcmp(it->valuestring, "dim"))
                outside = KIOSK_OUTSIDE_DIM;
            else if (cJSON_IsString(it) && !strcmp(it->valuestring, "blank"))
                outside = KIOSK_OUTSIDE_BLANK;
            else {
                jread_rep(&r->jr, it, PACK_ERROR, "\"hours.outside\" must be \"dim\" or \"blank\"");
                ok = false;
            }
        } else {
            jread_rep_key(&r->jr, it, PACK_ERROR, "unknown key \"hours.%s\" (expected open, close, outside)",
                   it->string);
        }
    }
    if (ok && (open < 0 || close < 0)) {
        jread_rep(&r->jr, v, PACK_ERROR, "\"hours\" needs both \"open\" and \"close\"; open all day");
        ok = false;
    }
    if (ok && open == close) {
        jread_rep(&r->jr, v, PACK_ERROR, "\"hours\" opens and closes at the same time; open all day");
        ok = false;
    }
    if (!ok)
        return;
    c->hours_set = true;
    c->open_min = open;
    c->close_min = close;
    c->outside = outside;
}

static void read_volume(rctx *r, kiosk_config *c, const cJSON *v)
{
    if (!cJSON_IsObject(v)) {
        bad_value(r, v, "volume", "an object such as {\"default\": 0.5, \"max\": 0.8}");
        return;
    }
    double vol = c->volume, max = c->volume_max;
    const cJSON *it;
    cJSON_ArrayForEach(it, v) {
        bool is_def = !strcmp(it->string, "default"), is_max = !strcmp(it->string, "max");
        if (!is_def && !is_max) {
            jread_rep_key(&r->jr, it, PACK_ERROR, "unknown key \"volume.%s\" (expected default, max)", it->string);
            continue;
        }
        if (!cJSON_IsNumber(it) || !(it->valuedouble >= 0 && it->valuedouble <= 1)) {
            jread_rep(&r->jr, it, PACK_ERROR, "\"volume.%s\" must be a number from 0 to 1; using the default",
                   it->string);
            continue;
        }
        *(is_def ? &vol : &max) = it->valuedouble;
    }
    c->volume_max = max;
    c->volume = vol > max ? max : vol;
}

static void read_root(rctx *r, kiosk_config *c, const cJSON *root)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, root) {
        const char *k = it->string;
        if (!strcmp(k, "exercises")) {
            read_string_list(r, it, k, &c->exercise[0][0], KIOSK_ID_MAX, KIOSK_MAX_EXERCISES, &c->nexercise,
                             "an exercise id (a string)");
        } else if (!strcmp(k, "idle_timeout")) {
            if (!cJSON_IsNumber(it) || !(it->valuedouble >= 10 && it->valuedouble <= 3600))
                bad_value(r, it, k, "a number of seconds from 10 to 3600");
            else
                c->idle_timeout = (gw_ns)llround(it->valuedouble * 1e9); /* nearest: a saved value reads back */
        } else if (!strcmp(k, "attract")) {
            if (!cJSON_IsString(it) || (it->valuestring[0] && !copy_id(c->attract, sizeof c->attract, it->valuestring)))
                bad_value(r, it, k, "the id of a breathing exercise (a string)");
            else if (!it->valuestring[0])
                c->attract[0] = 0;
        } else if (!strcmp(k, "languages")) {
            read_string_list(r, it, k, &c->lang[0][0], sizeof c->lang[0], KIOSK_MAX_LANGS, &c->nlang,
                             "a language code such as \"en\" (a string)");
        } else if (!strcmp(k, "admin_pin")) {
            if (!cJSON_IsString(it) || strncmp(it->valuestring, "$argon2", 7) ||
                !copy_id(c->pin_hash, sizeof c->pin_hash, it->valuestring))
                jread_rep(&r->jr, it, PACK_ERROR,
                          "\"admin_pin\" must be a hash written by \"groundwork kiosk set-pin\"; "
                          "the admin exit stays closed");
        } else if (!strcmp(k, "hours")) {
            read_hours(r, c, it);
        } else if (!strcmp(k, "volume")) {
            read_volume(r, c, it);
        } else if (!strcmp(k, "stats")) {
            if (!cJSON_IsBool(it))
                bad_value(r, it, k, "true or false");
            else
                c->stats = cJSON_IsTrue(it);
        } else if (!strcmp(k, "read_aloud")) {
            if (!cJSON_IsBool(it))
                bad_value(r, it, k, "true or false");
            else
                c->read_aloud = cJSON_IsTrue(it);
        } else if (!strcmp(k, "stats_path")) {
            if (!cJSON_IsString(it) || !copy_id(c->stats_path, sizeof c->stats_path, it->valuestring))
                bad_value(r, it, k, "a file path (a string)");
        } else if (!strcmp(k, "name")) {
            if (!cJSON_IsString(it) || !printable(it->valuestring) ||
                !copy_id(c->name, sizeof c->name, it->valuestring))
                bad_value(r, it, k, "a name of 1 to 63 printable characters");
        } else {
            jread_rep_key(&r->jr, it, PACK_ERROR,
                          "unknown key \"%s\" (expected exercises, idle_timeout, attract, languages, admin_pin, "
                          "hours, volume, stats, stats_path, name, read_aloud)",
                          k);
        }
    }
}

bool kiosk_config_parse(kiosk_config *c, const char *name, const char *text, size_t len, kiosk_errors *errs)
{
    kiosk_config_defaults(c);
    rctx r;
    pack_diags d = { 0 };
    jread_open(&r.jr, &d, name ? name : "(config)", &kiosk_limits, NULL);
    cJSON *root = jread_parse(&r.jr, text, len);
    if (root && !cJSON_IsObject(root))
        jread_rep(&r.jr, root, PACK_ERROR, "the settings must be a JSON object { ... }; using the defaults");
    else if (root)
        read_root(&r, c, root);
    jread_close(&r.jr); /* frees the tree */
    for (int i = 0; errs && i < d.n && errs->n < KIOSK_MAX_ERRORS; i++)
        pack_diag_format(&d.v[i], errs->msg[errs->n++], sizeof errs->msg[0]);
    pack_diags_free(&d);
    return r.jr.own_errors == 0;
}

bool kiosk_config_load(kiosk_config *c, const char *path, kiosk_errors *errs)
{
    kiosk_config_defaults(c);
    char why[160];
    size_t n = 0;
    char *buf = rfile_read(path, MAX_CONFIG_BYTES, &n, why, sizeof why);  /* never blocks */
    if (!buf) {
        const char *w = strncmp(why, "cannot be read: ", 16) ? why : why + 16;
        if (errs && errs->n < KIOSK_MAX_ERRORS)
            snprintf(errs->msg[errs->n++], sizeof errs->msg[0], "%s: cannot read the settings (%s); using the defaults",
                     path, w);
        return false;
    }
    bool ok = kiosk_config_parse(c, path, buf, n, errs);
    free(buf);
    return ok;
}

/* ---- writing ------------------------------------------------------------------ */

/* A number written with the fewest digits that read back as exactly the same double
 * (cJSON's own printing compares approximately, and 0.30000000000000004 came back 0.3). */
static void add_exact(cJSON *o, const char *key, double d)
{
    char b[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(b, sizeof b, "%.*g", prec, d);
        if (strtod(b, NULL) == d)
            break;
    }
    cJSON_AddRawToObject(o, key, b);
}

static cJSON *to_json(const kiosk_config *c)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON *ex = cJSON_AddArrayToObject(o, "exercises");
    for (int i = 0; ex && i < c->nexercise; i++)
        cJSON_AddItemToArray(ex, cJSON_CreateString(c->exercise[i]));
    add_exact(o, "idle_timeout", gw_seconds(c->idle_timeout));
    cJSON_AddStringToObject(o, "attract", c->attract);
    cJSON *la = cJSON_AddArrayToObject(o, "languages");
    for (int i = 0; la && i < c->nlang; i++)
        cJSON_AddItemToArray(la, cJSON_CreateString(c->lang[i]));
    if (c->pin_hash[0])
        cJSON_AddStringToObject(o, "admin_pin", c->pin_hash);
    if (c->hours_set) {
        cJSON *h = cJSON_AddObjectToObject(o, "hours");
        char b[32];
        snprintf(b, sizeof b, "%02d:%02d", c->open_min / 60, c->open_min % 60);
        cJSON_AddStringToObject(h, "open", b);
        snprintf(b, sizeof b, "%02d:%02d", c->close_min / 60, c->close_min % 60);
        cJSON_AddStringToObject(h, "close", b);
        cJSON_AddStringToObject(h, "outside", c->outside == KIOSK_OUTSIDE_BLANK ? "blank" : "dim");
    }
    cJSON *v = cJSON_AddObjectToObject(o, "volume");
    add_exact(v, "default", c->volume);
    add_exact(v, "max", c->volume_max);
    cJSON_AddBoolToObject(o, "stats", c->stats);
    if (c->read_aloud) /* written only when set, as the file had it */
        cJSON_AddBoolToObject(o, "read_aloud", true);
    if (c->stats_path[0])
        cJSON_AddStringToObject(o, "stats_path", c->stats_path);
    if (c->name[0])
        cJSON_AddStringToObject(o, "name", c->name);
    return o;
}

char *kiosk_config_to_json(const kiosk_config *c)
{
    cJSON *o = to_json(c);
    char *text = o ? cJSON_Print(o) : NULL;
    cJSON_Delete(o);
    return text;
}

/* The new file takes the old one's mode, owner and group (a kiosk user reads it); the
 * owner only where this user may give it (root). */
typedef struct keep_ctx {
    kiosk_saved *info;
    const struct stat *st;
} keep_ctx;

static bool keep_owner(int fd, void *ctx)
{
    keep_ctx *k = ctx;
    if (!k->info->existed)
        return true;
    if (fchmod(fd, (mode_t)k->info->mode) != 0)
        return false;
    k->info->owner_kept = (k->st->st_uid == geteuid() && k->st->st_gid == getegid()) ||
                          fchown(fd, k->st->st_uid, k->st->st_gid) == 0;
    return true;
}

bool kiosk_config_save_keeping(const kiosk_config *c, const char *given, kiosk_saved *out, char *err, size_t errlen)
{
    kiosk_saved info = { 0 };
    char *text = kiosk_config_to_json(c);
    if (!text) {
        snprintf(err, errlen, "%s: out of memory", given);
        return false;
    }
    /* a link the administrator made is kept: the file it names is replaced */
    char real[PATH_MAX], tmp[PATH_MAX];
    const char *path = given;
    struct stat st;
    if (lstat(given, &st) == 0 && S_ISLNK(st.st_mode) && realpath(given, real))
        path = real;
    if (stat(path, &st) == 0) {
        info.existed = true;
        info.uid = st.st_uid;
        info.gid = st.st_gid;
        info.mode = st.st_mode & 07777;
    }
    keep_ctx keep = { &info, &st };
    afile_stage done = snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp
                           ? (errno = ENAMETOOLONG, AFILE_CREATE)
                           : afile_replace(path, text, "\n",
                                           &(afile_opts){ .tmp = tmp, .create_mode = 0644, .prepare = keep_owner,
                                                          .ctx = &keep });
    bool ok = done == AFILE_DONE;
    if (!ok) {
        const char *what = done == AFILE_CREATE ? "cannot create" : done == AFILE_WRITE ? "cannot write"
                                                                                          : "cannot replace";
        snprintf(err, errlen, "%s: %s: %s", path, what, strerror(errno));
    }
    if (out)
        *out = info;
    free(text);
    return ok;
}

bool kiosk_config_save(const kiosk_config *c, const char *path, char *err, size_t errlen)
{
    return kiosk_config_save_keeping(c, path, NULL, err, errlen);
}

/* ---- policies ----------------------------------------------------------------- */

gw_ns kiosk_idle_deadline(const kiosk_config *c, gw_ns last_input)
{
    gw_ns t = c->idle_timeout > 0 ? c->idle_timeout : KIOSK_IDLE_DEFAULT;
    if (t > GW_SEC(3600)) t = GW_SEC(3600);  /* as the reader allows, for a config made in code */
    return last_input > GW_NEVER - t ? GW_NEVER : last_input + t;
}

gw_ns kiosk_idle_deadline_running(const kiosk_config *c, gw_ns last_input, gw_ns running_at)
{
    gw_ns hold = last_input > GW_NEVER - KIOSK_HOLD_MAX ? GW_NEVER : last_input + KIOSK_HOLD_MAX;
    gw_ns from = running_at > last_input ? running_at : last_input;
    return kiosk_idle_deadline(c, from < hold ? from : hold);
}

bool kiosk_idle_due(const kiosk_config *c, gw_ns last_input, gw_ns now)
{
    return now >= kiosk_idle_deadline(c, last_input);
}

int kiosk_parse_hhmm(const char *s)
{
    if (!s || strlen(s) != 5 || s[2] != ':')
        return -1;
    for (int i = 0; i < 5; i++)
        if (i != 2 && (s[i] < '0' || s[i] > '9'))
            return -1;
    int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    if (h > 23 || m > 59)
        return -1;
    return h * 60 + m;
}

kiosk_hours_state kiosk_hours_at(const kiosk_config *c, int minute)
{
    if (!c->hours_set)
        return KIOSK_OPEN;
    minute = ((minute % 1440) + 1440) % 1440;
    bool open = c->open_min < c->close_min ? (minute >= c->open_min && minute < c->close_min)
                                           : (minute >= c->open_min || minute < c->close_min);
    if (open)
        return KIOSK_OPEN;
    return c->outside == KIOSK_OUTSIDE_BLANK ? KIOSK_BLANK : KIOSK_DIM;
}

bool kiosk_pin_valid(const char *pin)
{
    size_t n = pin ? strlen(pin) : 0;
    if (n < KIOSK_PIN_MIN || n > KIOSK_PIN_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9')
            return false;
    return true;
}

bool kiosk_pin_hash(const char *pin, char *out, char *err, size_t errlen)
{
    out[0] = 0;
    if (!kiosk_pin_valid(pin)) {
        snprintf(err, errlen, "the PIN must be %d to %d digits", KIOSK_PIN_MIN, KIOSK_PIN_MAX);
        return false;
    }
    if (sodium_init() < 0) {
        snprintf(err, errlen, "the cryptography library could not start");
        return false;
    }
    _Static_assert(KIOSK_PIN_HASH_MAX >= crypto_pwhash_STRBYTES, "hash buffer too small");
    if (crypto_pwhash_str(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        snprintf(err, errlen, "hashing the PIN ran out of memory");
        out[0] = 0;
        return false;
    }
    return true;
}

bool kiosk_pin_verify(const char *hash, const char *pin)
{
    if (!hash || !hash[0] || !kiosk_pin_valid(pin) || sodium_init() < 0)
        return false;
    if (!memchr(hash, 0, KIOSK_PIN_HASH_MAX))
        return false;
    return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

bool kiosk_pin_allowed(const kiosk_pinlimit *p, gw_ns now)
{
    return now >= p->locked_until;
}

void kiosk_pin_record(kiosk_pinlimit *p, bool ok, gw_ns now)
{
    if (ok) {
        p->fails = 0;
        p->locked_until = 0;
        return;
    }
    p->fails++;
    if (p->fails < 3)
        return;
    int doublings = p->fails - 3;
    gw_ns wait = GW_SEC(30);
    for (int i = 0; i < doublings && wait < GW_SEC(3600); i++)
        wait *= 2;
    if (wait > GW_SEC(3600))
        wait = GW_SEC(3600);
    p->locked_until = now + wait;
}

bool kiosk_in_corner(float x, float y, int w, int h)
{
    float side = (float)(w < h ? w : h) * 0.09f;
    return x >= 0 && y >= 0 && x * (float)w <= side && y * (float)h <= side;
}

bool kiosk_in_speech_corner(float x, float y, int w, int h)
{
    return x <= 1 && y <= 1 && kiosk_in_corner(1 - x, 1 - y, w, h);
}

int kiosk_lang_at(const kiosk_config *c, gw_ns t)
{
    if (c->nlang <= 1 || t < 0)
        return 0;
    return (int)((t / KIOSK_LANG_NS) % c->nlang);
}

void kiosk_burnin_offset(gw_ns t, float amp, float *dx, float *dy)
{
    /* periods of 7 and 11 minutes: the pattern repeats only after 77 minutes */
    double s = (double)(t % (GW_SEC(77 * 60))) / 1e9;
    *dx = amp * (float)sin(2 * M_PI * s / 420.0);
    *dy = amp * (float)sin(2 * M_PI * s / 660.0);
}

bool kiosk_names(const kiosk_config *c, const char *id)
{
    for (int i = 0; i < c->nexercise; i++)
        if (!strcmp(c->exercise[i], id))
            return true;
    return false;
}

bool kiosk_offers(const kiosk_config *c, const char *id, bool unattended)
{
    return c->nexercise == 0 ? unattended : kiosk_names(c, id);
}
