/* Fuzz target: the pack loader with a real pack folder, so the exercise files, images
 * and voice clips that pack.json names are read too. One input is a whole pack:
 *
 *   <bytes of pack.json>
 *   \n@@@ exercises/box.json\n<bytes of that file>
 *   \n@@@ images/a.png\n<bytes>   ...
 *
 * Each part after the first is written into a private temporary folder (names limited
 * to [A-Za-z0-9._-] and at most one folder level; anything else is skipped), the
 * loader runs on the folder, and the files are removed again. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fuzz_common.h"

#define SEP "\n@@@ "
#define MAX_PARTS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char g_root[256];

static void remove_root(void)
{
    rmdir(g_root);
}

static bool make_root(void)
{
    if (g_root[0]) return true;
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(g_root, sizeof g_root, "%s/gw-fuzz-pack-XXXXXX", base);
    if (!mkdtemp(g_root)) {
        g_root[0] = 0;
        return false;
    }
    atexit(remove_root);
    return true;
}

/* A name we are willing to create: "a.json" or "dir/a.json". */
static bool name_ok(const char *n, size_t len)
{
    if (len == 0 || len > 64 || n[0] == '.' || n[0] == '/' || n[len - 1] == '/') return false;
    int slashes = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = n[i];
        if (ch == '/') {
            if (++slashes > 1 || n[i + 1] == '.') return false;
            continue;
        }
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '.' || ch == '_' || ch == '-'))
            return false;
    }
    return true;
}

static const char *find(const char *h, size_t hl, const char *needle)
{
    size_t nl = strlen(needle);
    for (size_t i = 0; i + nl <= hl; i++)
        if (memcmp(h + i, needle, nl) == 0) return h + i;
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!make_root()) return 0;
    const char *buf = (const char *)data, *end = buf + size;
    const char *sep = find(buf, size, SEP);
    size_t pack_len = sep ? (size_t)(sep - buf) : size;

    char made[MAX_PARTS][340];
    bool is_dir[MAX_PARTS];
    int nmade = 0;
    const char *cur = sep;
    while (cur && nmade < MAX_PARTS - 1) {
        const char *name = cur + strlen(SEP);
        const char *nl = memchr(name, '\n', (size_t)(end - name));
        if (!nl) break;
        const char *body = nl + 1;
        const char *next = find(body, (size_t)(end - body), SEP);
        size_t blen = (size_t)((next ? next : end) - body);
        size_t nlen = (size_t)(nl - name);
        if (name_ok(name, nlen)) {
            char rel[80];
            memcpy(rel, name, nlen);
            rel[nlen] = 0;
            char *slash = strchr(rel, '/');
            if (slash) {
                *slash = 0;
                snprintf(made[nmade], sizeof made[nmade], "%s/%s", g_root, rel);
                if (mkdir(made[nmade], 0700) == 0) is_dir[nmade++] = true;
                *slash = '/';
            }
            char path[340];
            snprintf(path, sizeof path, "%s/%s", g_root, rel);
            FILE *f = fopen(path, "wb");
            if (f) {
                fwrite(body, 1, blen, f);
                fclose(f);
                if (nmade < MAX_PARTS) {
                    snprintf(made[nmade], sizeof made[nmade], "%s", path);
                    is_dir[nmade++] = false;
                }
            }
        }
        cur = next;
    }

    char name[300];
    snprintf(name, sizeof name, "%s/pack.json", g_root);
    pack_diags d = {0};
    pack *p = pack_load_buffer(name, buf, pack_len, g_root, &d);
    fuzz_format_diags(&d);
    if (p) fuzz_use_pack(p);
    pack_free(p);
    pack_diags_free(&d);

    for (int i = nmade - 1; i >= 0; i--) {  /* files first, then their folder */
        if (is_dir[i]) continue;
        unlink(made[i]);
    }
    for (int i = nmade - 1; i >= 0; i--)
        if (is_dir[i]) rmdir(made[i]);
    return 0;
}
