#include "core/paths.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *paths_join(char *buf, size_t n, const char *a, const char *b)
{
    size_t la = strlen(a);
    bool slash = la > 0 && a[la - 1] == '/';
    int w = snprintf(buf, n, "%s%s%s", a, slash ? "" : "/", b);
    return (w < 0 || (size_t)w >= n) ? NULL : buf;
}

static bool has_content(const char *dir)
{
    char p[PATH_MAX];
    struct stat st;
    return paths_join(p, sizeof p, dir, "content/core/pack.json") && stat(p, &st) == 0;
}

const char *paths_data_dir(void)
{
    static char dir[PATH_MAX];
    static bool done;
    if (done)
        return dir[0] ? dir : NULL;
    done = true;
    const char *env = getenv("GROUNDWORK_DATA_DIR");
    if (env && *env && strlen(env) < sizeof dir) {
        strcpy(dir, env);
        return dir;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = 0;
        char cand[PATH_MAX];
        if (paths_join(cand, sizeof cand, exe, "data") && has_content(cand)) {
            strcpy(dir, cand);
            return dir;
        }
        if (paths_join(cand, sizeof cand, exe, "../share/groundwork") && has_content(cand)) {
            char *r = realpath(cand, NULL);
            if (r && strlen(r) < sizeof dir)
                strcpy(dir, r);
            free(r);
            if (dir[0])
                return dir;
        }
    }
    dir[0] = 0;
    return NULL;
}

#ifndef GW_SYSTEM_FONT_DIR
#define GW_SYSTEM_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif

const char *paths_font_dir(void)
{
    static char dir[PATH_MAX];
    static bool done; /* looked up once, first on the main thread (as paths_data_dir) */
    if (done)
        return dir;
    done = true;
    const char *env = getenv("GROUNDWORK_FONT_DIR");
    if (env && *env && strlen(env) < sizeof dir) {
        strcpy(dir, env);
        return dir;
    }
    const char *data = paths_data_dir();
    struct stat st;
    if (data && paths_join(dir, sizeof dir, data, "fonts") && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return dir;
    snprintf(dir, sizeof dir, "%s", GW_SYSTEM_FONT_DIR);
    return dir;
}

static const char *xdg(char *buf, size_t n, const char *var, const char *fallback)
{
    const char *v = getenv(var);
    if (v && v[0] == '/') {
        snprintf(buf, n, "%s/groundwork", v);
        return buf;
    }
    const char *home = getenv("HOME");
    snprintf(buf, n, "%s/%s/groundwork", home && *home ? home : "/tmp", fallback);
    return buf;
}

const char *paths_user_data_dir(void)
{
    static char buf[PATH_MAX];
    return xdg(buf, sizeof buf, "XDG_DATA_HOME", ".local/share");
}

const char *paths_user_config_dir(void)
{
    static char buf[PATH_MAX];
    return xdg(buf, sizeof buf, "XDG_CONFIG_HOME", ".config");
}

bool paths_user_file(char *buf, size_t n, const char *dir, const char *name)
{
    if (!dir || !paths_join(buf, n, dir, name))
        return false;
    if (access(buf, F_OK) == 0)
        return true;
    /* releases before this one put the kiosk's settings and counters one folder deeper
     * (groundwork/groundwork/...): a file left there is still used */
    char old[PATH_MAX], sub[256];
    snprintf(sub, sizeof sub, "groundwork/%s", name);
    if (paths_join(old, sizeof old, dir, sub) && access(old, F_OK) == 0 && strlen(old) < n)
        memcpy(buf, old, strlen(old) + 1);
    return true;
}

const char *paths_user_state_dir(void)
{
    static char buf[PATH_MAX];
    return xdg(buf, sizeof buf, "XDG_STATE_HOME", ".local/state");
}
