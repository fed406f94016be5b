/* pack_asset: path containment and media header checks (see pack_asset.h). */
#include "core/pack_asset.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool pack_path_syntax_ok(const char *rel, char *why, size_t n)
{
    if (!rel[0]) {
        snprintf(why, n, "is empty");
        return false;
    }
    if (rel[0] == '/' || (((rel[0] | 0x20) >= 'a' && (rel[0] | 0x20) <= 'z') && rel[1] == ':')) {
        snprintf(why, n, "is an absolute path; write it relative to the pack folder "
                 "(like audio/step-1.ogg)");
        return false;
    }
    if (strchr(rel, '\\')) {
        snprintf(why, n, "uses '\\'; separate folder names with '/'");
        return false;
    }
    for (const char *p = rel; *p;) {
        const char *e = strchr(p, '/');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == 2 && p[0] == '.' && p[1] == '.') {
            snprintf(why, n, "leaves the pack folder (\"..\"); files must be inside the "
                     "pack folder");
            return false;
        }
        p += l;
        if (*p == '/') p++;
    }
    return true;
}

char *pack_join(const char *dir, const char *rel)
{
    size_t a = strlen(dir), b = strlen(rel);
    char *s = malloc(a + b + 2);
    if (!s) return NULL;
    memcpy(s, dir, a);
    s[a] = '/';
    memcpy(s + a + 1, rel, b + 1);
    return s;
}

static bool not_found(int e, char *why, size_t n)
{
    if (e == EACCES) snprintf(why, n, "cannot be read (permission denied)");
    else snprintf(why, n, "was not found in the pack folder");
    return false;
}

void pack_path_cache_close(pack_path_cache *cache)
{
    if (!cache) return;
    for (int i = 0; i < PACK_PATH_CACHE_DIRS; i++) {
        if (cache->d[i].fd_ok) close(cache->d[i].fd);
        cache->d[i].fd_ok = false;
        cache->d[i].valid = false;
    }
}

void pack_path_cache_copy(pack_path_cache *to, const pack_path_cache *from)
{
    *to = *from;
    for (int i = 0; i < PACK_PATH_CACHE_DIRS; i++)
        if (to->d[i].fd_ok && (to->d[i].fd = fcntl(from->d[i].fd, F_DUPFD_CLOEXEC, 0)) < 0)
            to->d[i].fd_ok = false;  /* paths in it are then used whole */
}

/* rel's folder is a cached one: the name within it (*slot its entry), else NULL. */
static const char *in_cached_dir(const pack_path_cache *cache, const char *rel,
                                 const pack_path_dir **slot)
{
    if (!cache) return NULL;
    const char *slash = strrchr(rel, '/');
    size_t dlen = slash ? (size_t)(slash - rel) : 0;
    for (int i = 0; i < PACK_PATH_CACHE_DIRS; i++) {
        const pack_path_dir *e = &cache->d[i];
        if (e->valid && strlen(e->dir) == dlen && strncmp(e->dir, rel, dlen) == 0) {
            *slot = e;
            return slash ? slash + 1 : rel;  /* may be "" ("audio/"): a folder, checked by path */
        }
    }
    return NULL;
}

int pack_path_open(const char *full, const char *rel, pack_path_cache *cache)
{
    const pack_path_dir *e = NULL;
    const char *name = in_cached_dir(cache, rel, &e);
    if (name && name[0] && e->fd_ok) {
        /* It was found to be no symbolic link; if it has become one, open it as
         * before, by its whole path. */
        int fd = openat(e->fd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd >= 0 || errno != ELOOP) return fd;
    }
    return open(full, O_RDONLY | O_CLOEXEC);
}

/* The common case without symbolic links: lstat each part below dir. Returns true
 * when settled (*ok says how), false when a link was met and realpath must decide. */
static bool resolve_plain(char *joined, size_t base, const char *rel, pack_path_cache *cache,
                          bool *ok, char *why, size_t n)
{
    struct stat st;
    const char *slash = strrchr(rel, '/');
    size_t dlen = slash ? (size_t)(slash - rel) : 0;
    const pack_path_dir *e = NULL;
    const char *name = in_cached_dir(cache, rel, &e);
    *ok = false;
    if (name && name[0] && e->fd_ok) {  /* one short lookup instead of a walk of joined */
        if (fstatat(e->fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return !not_found(errno, why, n);
        if (S_ISLNK(st.st_mode)) return false;
        if (S_ISDIR(st.st_mode)) snprintf(why, n, "is a folder, not a file");
        else if (!S_ISREG(st.st_mode)) snprintf(why, n, "is not a regular file");
        else *ok = true;
        return true;
    }
    if (!name) {
        for (size_t i = base; joined[i]; i++) {
            if (joined[i] != '/') continue;
            joined[i] = 0;
            int r = lstat(joined, &st);
            int e2 = errno;
            joined[i] = '/';
            if (r != 0) return !not_found(e2, why, n);
            if (S_ISLNK(st.st_mode)) return false;
            if (!S_ISDIR(st.st_mode)) return !not_found(ENOENT, why, n);
        }
        if (cache && dlen < sizeof cache->d[0].dir) {
            pack_path_dir *slot = &cache->d[cache->next];
            cache->next = (cache->next + 1) % PACK_PATH_CACHE_DIRS;
            if (slot->fd_ok) close(slot->fd);
            memcpy(slot->dir, rel, dlen);
            slot->dir[dlen] = 0;
            slot->valid = true;
            size_t end = base + dlen - (dlen ? 0 : 1);  /* joined up to rel's folder */
            char keep = joined[end];
            joined[end] = 0;
            slot->fd = open(joined, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            joined[end] = keep;
            slot->fd_ok = slot->fd >= 0;  /* else paths are used whole, as before */
        }
    }
    if (lstat(joined, &st) != 0) return !not_found(errno, why, n);
    if (S_ISLNK(st.st_mode)) return false;
    if (S_ISDIR(st.st_mode)) snprintf(why, n, "is a folder, not a file");
    else if (!S_ISREG(st.st_mode)) snprintf(why, n, "is not a regular file");
    else *ok = true;
    return true;
}

bool pack_path_resolve(const char *dir, const char *root_real, const char *rel,
                       pack_path_cache *cache, char **full, char *why, size_t n)
{
    *full = NULL;
    char *joined = pack_join(dir, rel);
    if (!joined) {
        snprintf(why, n, "could not be checked (out of memory)");
        return false;
    }
    bool ok = false;
    if (resolve_plain(joined, strlen(dir) + 1, rel, cache, &ok, why, n)) {
        if (ok) *full = joined;
        else free(joined);
        return ok;
    }
    char *real = realpath(joined, NULL);
    if (!real) {
        int e = errno;
        if (e == ELOOP) snprintf(why, n, "is a symbolic link that loops");
        else if (e == EACCES) snprintf(why, n, "cannot be read (permission denied)");
        else snprintf(why, n, "was not found in the pack folder");
        free(joined);
        return false;
    }
    size_t rl = strlen(root_real);
    bool inside = strncmp(real, root_real, rl) == 0 && (real[rl] == '/' || rl == 1);
    if (!inside) {
        snprintf(why, n, "leads outside the pack folder (through a symbolic link); files "
                 "must be inside the pack folder");
        free(real);
        free(joined);
        return false;
    }
    struct stat st = {0};
    if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(why, n, S_ISDIR(st.st_mode) ? "is a folder, not a file" : "is not a regular file");
        free(real);
        free(joined);
        return false;
    }
    free(real);
    *full = joined;
    return true;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* Up to len bytes at off (fewer at the end of the file or on an error): how many. */
static size_t read_some(int fd, void *buf, size_t len, long off)
{
    size_t got = 0;
    while (got < len) {
        ssize_t r = pread(fd, (char *)buf + got, len - got, (off_t)off + (off_t)got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
    }
    return got;
}

/* All of len bytes at off, or false. */
static bool read_at(int fd, void *buf, size_t len, long off) { return read_some(fd, buf, len, off) == len; }

/* Length from the granule position (samples at rate) of the last Ogg page found in the
 * last `tail` bytes of the file; 0 if none is found. With `whole`, a page is taken only
 * if it ends exactly at the end of the file (it is the last page, not "OggS" met by
 * chance in the audio data or a page cut off by the window). -1 if memory runs out (the
 * length must not quietly become "unknown"). */
static gw_ns ogg_last_page(int fd, long size, long tail, uint32_t rate, bool whole)
{
    long from = size > tail ? size - tail : 0;
    size_t len = (size_t)(size - from);
    unsigned char *b = malloc(len);
    if (!b) return -1;
    gw_ns out = 0;
    if (read_at(fd, b, len, from)) {
        for (size_t i = len >= 27 ? len - 27 + 1 : 0; i-- > 0;) {
            if (memcmp(b + i, "OggS", 4) != 0 || b[i + 4] != 0) continue;
            if (whole) {
                size_t nseg = b[i + 26], body = 0;
                if (i + 27 + nseg > len) continue;
                for (size_t k = 0; k < nseg; k++) body += b[i + 27 + k];
                if (i + 27 + nseg + body != len) continue;
            }
            uint64_t g = 0;
            for (int k = 7; k >= 0; k--) g = g << 8 | b[i + 6 + (size_t)k];
            if (g != UINT64_MAX && g < (uint64_t)rate * 86400u)
                out = (gw_ns)(g * (uint64_t)GW_NS_PER_SEC / rate);
            break;
        }
    }
    free(b);
    return out;
}

/* A clip's length from its last page: most last pages are a few kilobytes, so the last
 * 8 KiB are read first (a pack's clips are all checked when it loads); a page can be up
 * to 64 KiB, so without a whole last page there the last 64 KiB are searched as before. */
static gw_ns ogg_length(int fd, long size, uint32_t rate)
{
    if (size <= 0) return 0;
    gw_ns out = size > 8192 ? ogg_last_page(fd, size, 8192, rate, true) : 0;
    return out != 0 ? out : ogg_last_page(fd, size, 65536, rate, false);
}

static bool check_ogg(int fd, long size, const unsigned char *h, size_t got, gw_ns *len,
                      char *why, size_t n)
{
    if (got < 28 || h[4] != 0) {
        snprintf(why, n, "is a damaged Ogg file (bad page header)");
        return false;
    }
    size_t nseg = h[26];
    size_t pkt = 27 + nseg;
    if (got < pkt + 30) {
        snprintf(why, n, "is a damaged Ogg file (first page too short)");
        return false;
    }
    const unsigned char *p = h + pkt;
    if (memcmp(p, "OpusHead", 8) == 0) {
        snprintf(why, n, "is Ogg Opus; Groundwork plays Ogg Vorbis or WAV");
        return false;
    }
    if (p[0] != 1 || memcmp(p + 1, "vorbis", 6) != 0) {
        snprintf(why, n, "is an Ogg file without Vorbis audio; Groundwork plays Ogg Vorbis or WAV");
        return false;
    }
    uint32_t version = le32(p + 7), rate = le32(p + 12);
    unsigned channels = p[11];
    if (version != 0 || channels == 0 || rate < 1000 || rate > 384000) {
        snprintf(why, n, "has a damaged Vorbis header (%u channels, %u Hz)", channels,
                 (unsigned)rate);
        return false;
    }
    *len = ogg_length(fd, size, rate);
    if (*len < 0) {
        *len = 0;
        snprintf(why, n, "cannot be read: out of memory");
        return false;
    }
    return true;
}

static bool check_wav(int fd, const unsigned char *h, size_t got, gw_ns *len, char *why,
                      size_t n)
{
    if (got < 12 || memcmp(h + 8, "WAVE", 4) != 0) {
        snprintf(why, n, "is a RIFF file but not WAVE audio");
        return false;
    }
    long pos = 12;
    bool have_fmt = false;
    uint32_t byte_rate = 0;
    for (int k = 0; k < 64; k++) {
        unsigned char c[8];
        if (!read_at(fd, c, 8, pos)) break;
        uint32_t size = le32(c + 4);
        if (memcmp(c, "fmt ", 4) == 0) {
            unsigned char fm[16];
            if (size < 16 || !read_at(fd, fm, 16, pos + 8)) {
                snprintf(why, n, "has a damaged WAV \"fmt \" chunk");
                return false;
            }
            unsigned tag = le16(fm), ch = le16(fm + 2), bits = le16(fm + 14);
            uint32_t rate = le32(fm + 4);
            byte_rate = le32(fm + 8);
            unsigned align = le16(fm + 12);
            bool tag_ok = tag == 1 || tag == 2 || tag == 3 || tag == 0x11 || tag == 0xFFFE;
            bool bits_ok = bits == 4 || bits == 8 || bits == 16 || bits == 24 || bits == 32 ||
                           bits == 64;
            if (!tag_ok) {
                snprintf(why, n, "is a WAV file in an unsupported encoding (format tag %u); "
                         "use PCM or Ogg Vorbis", tag);
                return false;
            }
            if (ch < 1 || ch > 8 || rate < 1000 || rate > 384000 || !bits_ok || align == 0 ||
                byte_rate == 0) {
                snprintf(why, n, "has a damaged WAV \"fmt \" chunk (%u channels, %u Hz, %u bits)",
                         ch, (unsigned)rate, bits);
                return false;
            }
            have_fmt = true;
        } else if (memcmp(c, "data", 4) == 0) {
            if (!have_fmt) break;
            *len = (gw_ns)((double)size / byte_rate * (double)GW_NS_PER_SEC);
            return true;
        }
        if (size > 0x7FFFFFF0u) break;
        pos += 8 + (long)size + (long)(size & 1);
    }
    snprintf(why, n, have_fmt ? "is a WAV file without sound data" :
                                "is a WAV file without a \"fmt \" chunk");
    return false;
}

/* The checks on an open clip (fd is closed): its size from fstat, its headers and last
 * page by pread, without stdio's buffering and seeks. */
static bool audio_check_fd(int fd, gw_ns *len, char *why, size_t n)
{
    *len = 0;
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > LONG_MAX) {
        snprintf(why, n, "cannot be opened");
        if (fd >= 0) close(fd);
        return false;
    }
    long size = (long)st.st_size;
    unsigned char h[27 + 255 + 64];
    size_t got = read_some(fd, h, sizeof h, 0);  /* as much of the header as the file has */
    bool ok;
    if (got >= 4 && memcmp(h, "OggS", 4) == 0) {
        ok = check_ogg(fd, size, h, got, len, why, n);
    } else if (got >= 4 && memcmp(h, "RIFF", 4) == 0) {
        ok = check_wav(fd, h, got, len, why, n);
    } else {
        if (got >= 3 && (memcmp(h, "ID3", 3) == 0 || (h[0] == 0xFF && (h[1] & 0xE0) == 0xE0)))
            snprintf(why, n, "looks like MP3; Groundwork plays Ogg Vorbis or WAV");
        else if (got == 0)
            snprintf(why, n, "is empty; expected Ogg Vorbis or WAV audio");
        else
            snprintf(why, n, "is not Ogg Vorbis or WAV audio");
        ok = false;
    }
    close(fd);
    return ok;
}

bool pack_audio_check(const char *path, gw_ns *len, char *why, size_t n)
{
    return audio_check_fd(open(path, O_RDONLY | O_CLOEXEC), len, why, n);
}

bool pack_audio_check_at(const char *full, const char *rel, pack_path_cache *cache, gw_ns *len,
                         char *why, size_t n)
{
    return audio_check_fd(pack_path_open(full, rel, cache), len, why, n);
}

bool pack_png_check(const char *path, char *why, size_t n)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(why, n, "cannot be opened");
        return false;
    }
    unsigned char h[33];
    size_t got = fread(h, 1, sizeof h, f);
    fclose(f);
    if (got < 8 || memcmp(h, "\x89PNG\r\n\x1a\n", 8) != 0) {
        snprintf(why, n, "is not a PNG image");
        return false;
    }
    if (got < 33 || be32(h + 8) != 13 || memcmp(h + 12, "IHDR", 4) != 0) {
        snprintf(why, n, "is a damaged PNG image (no IHDR header)");
        return false;
    }
    uint32_t w = be32(h + 16), ht = be32(h + 20);
    unsigned depth = h[24], color = h[25];
    bool depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    bool color_ok = color == 0 || color == 2 || color == 3 || color == 4 || color == 6;
    if (w == 0 || ht == 0 || w > 16384 || ht > 16384 || !depth_ok || !color_ok || h[26] != 0 ||
        h[27] != 0 || h[28] > 1) {
        snprintf(why, n, "is a damaged PNG image (%ux%u, depth %u, colour type %u)",
                 (unsigned)w, (unsigned)ht, depth, color);
        return false;
    }
    return true;
}
