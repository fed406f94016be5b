/* pack_asset: path containment and media header checks (see pack_asset.h). */
#include "core/pack_asset.h"
#include "core/rfile.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
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

/* True (why written) when a file of this mode cannot be read as a clip or picture. */
static bool kind_problem(mode_t mode, char *why, size_t n)
{
    const char *k = rfile_kind_problem(mode);
    if (k) snprintf(why, n, "%s", k);
    return k != NULL;
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
        int fd = openat(e->fd, name, RFILE_OPEN_FLAGS | O_NOFOLLOW);
        if (fd >= 0 || errno != ELOOP) return fd;
    }
    return open(full, RFILE_OPEN_FLAGS);
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
        return (*ok = !kind_problem(st.st_mode, why, n));
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
    return (*ok = !kind_problem(st.st_mode, why, n));
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
    struct stat st;
    bool bad;
    if (stat(real, &st) != 0) bad = !not_found(errno, why, n);
    else bad = kind_problem(st.st_mode, why, n);
    if (bad) {
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

/* The Ogg page checksum (CRC-32, polynomial 0x04c11db7, not reflected, initial 0, with
 * the checksum field taken as zero), eight bytes a step. A pack's every clip has its
 * last page summed when it loads (368 in the built-in pack): bit by bit that cost more
 * than the rest of the load, eight bytes a step it adds about a fifth. The tables are
 * made once, for all the loader's threads. */
static uint32_t crc_table[8][256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

static void make_crc_table(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i << 24;
        for (int k = 0; k < 8; k++) c = c & 0x80000000u ? c << 1 ^ 0x04c11db7u : c << 1;
        crc_table[0][i] = c;
    }
    for (int t = 1; t < 8; t++)
        for (int i = 0; i < 256; i++)
            crc_table[t][i] = crc_table[t - 1][i] << 8 ^ crc_table[0][crc_table[t - 1][i] >> 24];
}

static uint32_t crc_bytes(uint32_t crc, const unsigned char *p, size_t len)
{
    const uint32_t (*t)[256] = crc_table;
    for (; len >= 8; p += 8, len -= 8) {
        uint32_t hi = crc ^ ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]);
        uint32_t lo = (uint32_t)p[4] << 24 | (uint32_t)p[5] << 16 | (uint32_t)p[6] << 8 | p[7];
        crc = t[7][hi >> 24] ^ t[6][hi >> 16 & 255] ^ t[5][hi >> 8 & 255] ^ t[4][hi & 255] ^
              t[3][lo >> 24] ^ t[2][lo >> 16 & 255] ^ t[1][lo >> 8 & 255] ^ t[0][lo & 255];
    }
    for (; len > 0; p++, len--) crc = crc << 8 ^ t[0][(crc >> 24 ^ *p) & 255];
    return crc;
}

static uint32_t ogg_crc(const unsigned char *page, size_t len)
{
    static const unsigned char zero[4];
    pthread_once(&crc_once, make_crc_table);
    uint32_t crc = crc_bytes(0, page, 22);
    crc = crc_bytes(crc, zero, 4);
    return crc_bytes(crc, page + 26, len - 26);
}

/* The Ogg page at b[i..] of a len-byte buffer: its length, or 0 when there is no whole
 * page there with a right checksum. */
static size_t ogg_page_at(const unsigned char *b, size_t i, size_t len)
{
    if (len - i < 27 || memcmp(b + i, "OggS", 4) != 0 || b[i + 4] != 0) return 0;
    size_t nseg = b[i + 26], body = 0;
    if (i + 27 + nseg > len) return 0;
    for (size_t k = 0; k < nseg; k++) body += b[i + 27 + k];
    size_t page = 27 + nseg + body;
    if (page > len - i || ogg_crc(b + i, page) != le32(b + i + 22)) return 0;
    return page;
}

typedef enum ogg_end { OGG_END_OK, OGG_END_NONE, OGG_END_OPEN, OGG_END_NOMEM } ogg_end;

/* Finds the page that ends the file within its last `tail` bytes: a whole page of
 * stream `serial` with a right checksum, ending exactly at the end of the file (not
 * "OggS" met by chance in the audio data, nor a page cut off). *granule gets its
 * granule position. OGG_END_OPEN when that page is not marked as the stream's last (a
 * file cut at a page boundary). */
static ogg_end ogg_last_page(int fd, long size, long tail, uint32_t serial, uint64_t *granule)
{
    long from = size > tail ? size - tail : 0;
    size_t len = (size_t)(size - from);
    unsigned char *b = malloc(len);
    if (!b) return OGG_END_NOMEM;
    ogg_end out = OGG_END_NONE;
    if (read_at(fd, b, len, from)) {
        for (size_t i = len >= 27 ? len - 27 + 1 : 0; i-- > 0;) {
            size_t page = b[i] == 'O' ? ogg_page_at(b, i, len) : 0;
            if (page == 0 || i + page != len || le32(b + i + 14) != serial) continue;
            for (int k = 7; k >= 0; k--) *granule = *granule << 8 | b[i + 6 + (size_t)k];
            out = b[i + 5] & 4 ? OGG_END_OK : OGG_END_OPEN;
            break;
        }
    }
    free(b);
    return out;
}

/* A clip's length from its last page, which must end the file: most last pages are a
 * few kilobytes, so the last 8 KiB are read first (a pack's clips are all checked when
 * it loads); a page can be up to 65,307 bytes, so without one there the last 64 KiB. */
static ogg_end ogg_end_granule(int fd, long size, uint32_t serial, uint64_t *granule)
{
    *granule = 0;
    ogg_end r = size > 8192 ? ogg_last_page(fd, size, 8192, serial, granule) : OGG_END_NONE;
    return r != OGG_END_NONE ? r : ogg_last_page(fd, size, 65536, serial, granule);
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
    unsigned channels = p[11], bs0 = p[28] & 15u, bs1 = p[28] >> 4;
    if (version != 0 || channels == 0 || rate < 1000 || rate > 384000) {
        snprintf(why, n, "has a damaged Vorbis header (%u channels, %u Hz)", channels,
                 (unsigned)rate);
        return false;
    }
    size_t body = 0;
    for (size_t k = 0; k < nseg; k++) body += h[27 + k];
    bool page_read = pkt + body <= got;  /* then its checksum is checked too */
    if (bs0 < 6 || bs1 > 13 || bs0 > bs1 || !(p[29] & 1) || !(h[5] & 2) ||
        (page_read && ogg_page_at(h, 0, got) == 0)) {
        snprintf(why, n, "has a damaged Vorbis header");
        return false;
    }
    uint64_t g = 0;
    switch (ogg_end_granule(fd, size, le32(h + 14), &g)) {
    case OGG_END_NOMEM:
        snprintf(why, n, "cannot be read: out of memory");
        return false;
    case OGG_END_NONE:
        snprintf(why, n, "is cut short or damaged: no whole Ogg page ends the file");
        return false;
    case OGG_END_OPEN:
        snprintf(why, n, "is cut short: its last Ogg page is not the end of the stream");
        return false;
    case OGG_END_OK:
        break;
    }
    /* Each Vorbis packet that yields sound takes at least two bytes (a lacing value and
     * one of data) and yields at most half a long block: a file of size bytes cannot
     * hold more samples than this, whatever its last page says. */
    uint64_t most = (uint64_t)size * ((uint64_t)1 << bs1) / 4;
    if (g == UINT64_MAX) {
        snprintf(why, n, "is damaged: its last Ogg page gives no length");
        return false;
    }
    if (g > most) {
        snprintf(why, n, "claims more sound than the file can hold (its last page says "
                 "%.0f seconds in %ld bytes): it is damaged", (double)g / rate, size);
        return false;
    }
    *len = (gw_ns)((double)g / rate * (double)GW_NS_PER_SEC);
    return true;
}

static bool check_wav(int fd, long file_size, const unsigned char *h, size_t got, gw_ns *len,
                      char *why, size_t n)
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
            /* PCM and float: the rate of bytes follows from the rest, so a length
             * computed from it cannot be made up */
            bool plain = tag == 1 || tag == 3 || tag == 0xFFFE;
            bool rates_agree = !plain || (align == ch * ((bits + 7u) / 8u) &&
                                          byte_rate == (uint64_t)rate * align);
            if (ch < 1 || ch > 8 || rate < 1000 || rate > 384000 || !bits_ok || align == 0 ||
                byte_rate == 0 || !rates_agree) {
                snprintf(why, n, "has a damaged WAV \"fmt \" chunk (%u channels, %u Hz, %u bits)",
                         ch, (unsigned)rate, bits);
                return false;
            }
            have_fmt = true;
        } else if (memcmp(c, "data", 4) == 0) {
            if (!have_fmt) break;
            long have = file_size - (pos + 8);
            if ((long long)size > have) {  /* the header is not believed: the file is */
                snprintf(why, n, "is cut short: its header promises %.1f seconds of sound, "
                         "the file holds %.1f", (double)size / byte_rate,
                         have > 0 ? (double)have / byte_rate : 0.0);
                return false;
            }
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

/* A file of more than 1 MiB with most of it never written (holes, as `truncate -s`
 * leaves): no sound was ever recorded there. */
static bool sparse(const struct stat *st)
{
    return st->st_size > 1024 * 1024 && (unsigned long long)st->st_blocks * 512u <
                                            (unsigned long long)st->st_size / 8u;
}

/* The checks on an open clip (fd is closed): its size from fstat, its headers and last
 * page by pread, without stdio's buffering and seeks. */
static bool audio_check_fd(int fd, gw_ns *len, char *why, size_t n)
{
    *len = 0;
    struct stat st;
    if (fd < 0) {
        if (errno == EACCES) snprintf(why, n, "cannot be read (permission denied)");
        else snprintf(why, n, "cannot be opened: %s", strerror(errno));
        return false;
    }
    if (!rfile_check(fd, PACK_MAX_CLIP_BYTES, &st, why, n)) {
        close(fd);
        return false;
    }
    if (sparse(&st)) {
        snprintf(why, n, "is a sparse file (most of it was never written), not a recording");
        close(fd);
        return false;
    }
    long size = (long)st.st_size;
    unsigned char h[27 + 255 + 64];
    size_t got = read_some(fd, h, sizeof h, 0);  /* as much of the header as the file has */
    bool ok;
    if (got >= 4 && memcmp(h, "OggS", 4) == 0) {
        ok = check_ogg(fd, size, h, got, len, why, n);
    } else if (got >= 4 && memcmp(h, "RIFF", 4) == 0) {
        ok = check_wav(fd, size, h, got, len, why, n);
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
    if (ok && *len > PACK_MAX_CLIP_NS) {
        snprintf(why, n, "is %.0f minutes long; a step lasts at most %d minutes",
                 gw_seconds(*len) / 60.0, (int)(PACK_MAX_CLIP_NS / GW_SEC(60)));
        ok = false;
    }
    if (!ok) *len = 0;
    return ok;
}

bool pack_audio_check(const char *path, gw_ns *len, char *why, size_t n)
{
    *len = 0;
    int fd = rfile_open(path, PACK_MAX_CLIP_BYTES, NULL, why, n);  /* says what a socket is */
    return fd >= 0 && audio_check_fd(fd, len, why, n);
}

bool pack_audio_check_at(const char *full, const char *rel, pack_path_cache *cache, gw_ns *len,
                         char *why, size_t n)
{
    return audio_check_fd(pack_path_open(full, rel, cache), len, why, n);
}

/* Walks a PNG's chunks by their lengths to IEND: a file cut short ends inside one.
 * Only the 8-byte chunk headers are read. */
static bool png_chunks(int fd, long size, char *why, size_t n)
{
    long pos = 8;
    bool idat = false;
    for (long k = 0; k < 1000000; k++) {
        unsigned char c[8];
        if (pos + 12 > size || !read_at(fd, c, 8, pos)) {
            snprintf(why, n, "is cut short (the file ends before the PNG's end marker, IEND)");
            return false;
        }
        uint32_t clen = be32(c);
        if (clen > 0x7FFFFFFFu || (long long)pos + 12 + clen > (long long)size) {
            snprintf(why, n, "is cut short or damaged (its \"%.4s\" chunk runs past the end of the file)",
                     isalpha(c[4]) && isalpha(c[5]) && isalpha(c[6]) && isalpha(c[7]) ? (char *)c + 4 : "????");
            return false;
        }
        if (memcmp(c + 4, "IDAT", 4) == 0) idat = true;
        if (memcmp(c + 4, "IEND", 4) == 0) {
            if (!idat) snprintf(why, n, "is a damaged PNG image (no image data)");
            return idat;
        }
        pos += 12 + (long)clen;
    }
    snprintf(why, n, "is a damaged PNG image (too many chunks)");
    return false;
}

bool pack_png_check(const char *path, char *why, size_t n)
{
    struct stat st;
    int fd = rfile_open(path, PACK_MAX_IMAGE_BYTES, &st, why, n);
    if (fd < 0) return false;
    unsigned char h[33];
    size_t got = read_some(fd, h, sizeof h, 0);
    bool ok = false;
    if (got < 8 || memcmp(h, "\x89PNG\r\n\x1a\n", 8) != 0) {
        snprintf(why, n, "is not a PNG image");
    } else if (got < 33 || be32(h + 8) != 13 || memcmp(h + 12, "IHDR", 4) != 0) {
        snprintf(why, n, "is a damaged PNG image (no IHDR header)");
    } else {
        uint32_t w = be32(h + 16), ht = be32(h + 20);
        unsigned depth = h[24], color = h[25];
        bool depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
        bool color_ok = color == 0 || color == 2 || color == 3 || color == 4 || color == 6;
        if (w == 0 || ht == 0 || w > 16384 || ht > 16384 || !depth_ok || !color_ok ||
            h[26] != 0 || h[27] != 0 || h[28] > 1)
            snprintf(why, n, "is a damaged PNG image (%ux%u, depth %u, colour type %u)",
                     (unsigned)w, (unsigned)ht, depth, color);
        else
            ok = png_chunks(fd, (long)st.st_size, why, n);
    }
    close(fd);
    return ok;
}
