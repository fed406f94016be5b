#include "core/kpin.h"
#include "core/afile.h"
#include "core/jread.h"
#include "core/rfile.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILE 4096
#define MAX_FAILS 1000000
#define LONGEST_WAIT_S 3600 /* kiosk_pin_record's longest */

void kpin_format(const kiosk_pinlimit *p, gw_ns now, long long wall, char *buf, size_t n)
{
    long long until = 0;
    if (p->locked_until > now) /* whole seconds, rounded up: never shorter than it was */
        until = wall + (long long)((p->locked_until - now + GW_NS_PER_SEC - 1) / GW_NS_PER_SEC);
    snprintf(buf, n, "{\"fails\": %d, \"locked_until\": %lld}\n", p->fails < 0 ? 0 : p->fails, until);
}

bool kpin_parse(kiosk_pinlimit *p, const char *text, size_t len, gw_ns now, long long wall, char *err, size_t errn)
{
    memset(p, 0, sizeof *p);
    jsonloc jl; /* owns the tree: released with jsonloc_free */
    jread_fail jf;
    cJSON *o = jread_tree(&jl, text, len, 4, &jf);
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(o, "fails");
    const cJSON *u = cJSON_GetObjectItemCaseSensitive(o, "locked_until");
    const char *why = NULL;
    if (!o)
        why = "not JSON";
    else if (!cJSON_IsObject(o))
        why = "not an object";
    else if (!cJSON_IsNumber(f) || f->valuedouble < 0 || f->valuedouble > MAX_FAILS ||
             f->valuedouble != floor(f->valuedouble))
        why = "\"fails\" is not a count";
    else if (!cJSON_IsNumber(u) || u->valuedouble < 0 || u->valuedouble > 1e12)
        why = "\"locked_until\" is not a time";
    if (why) {
        snprintf(err, errn, "%s", why);
        jsonloc_free(&jl);
        return false;
    }
    p->fails = (int)f->valuedouble;
    double left = u->valuedouble - (double)wall;
    if (left > LONGEST_WAIT_S)
        left = LONGEST_WAIT_S;
    if (left > 0)
        p->locked_until = now + (gw_ns)ceil(left) * GW_NS_PER_SEC;
    jsonloc_free(&jl);
    return true;
}

bool kpin_load(kiosk_pinlimit *p, const char *path, gw_ns now, long long wall, char *err, size_t errn)
{
    memset(p, 0, sizeof *p);
    char why[160] = "";
    int fd = open(path, RFILE_OPEN_FLAGS | O_NOFOLLOW);
    if (fd < 0 && errno == ENOENT)
        return true;
    if (fd < 0 && errno == ELOOP) {
        snprintf(err, errn, "%s: is a symbolic link, not followed; no lockout history is used", path);
        return false;
    }
    size_t len = 0;
    char *text = rfile_read_fd(fd, MAX_FILE, &len, why, sizeof why);
    if (!text) {
        snprintf(err, errn, "%s: %s; no lockout history is used", path, why);
        return false;
    }
    bool ok = kpin_parse(p, text, len, now, wall, why, sizeof why);
    free(text);
    if (!ok)
        snprintf(err, errn, "%s: damaged (%s); no lockout history is used", path, why);
    return ok;
}

bool kpin_save(const kiosk_pinlimit *p, const char *path, gw_ns now, long long wall, char *err, size_t errn)
{
    char text[96], tmp[PATH_MAX];
    kpin_format(p, now, wall, text, sizeof text);
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        snprintf(err, errn, "%s: the name is too long", path);
        return false;
    }
    afile_make_parent(path, AFILE_PRIVATE); /* a first save makes the folder; else open says why */
    bool ok = afile_replace(path, text, NULL, &(afile_opts){ .tmp = tmp }) == AFILE_DONE;
    if (!ok)
        snprintf(err, errn, "%s: cannot be written: %s", path, strerror(errno));
    return ok;
}
