/* Runs a fuzz target's LLVMFuzzerTestOneInput on files, without libFuzzer: each
 * argument is a file or a folder of files (not recursive). Used by CTest to replay the
 * seed corpus and every regression input in the normal, sanitizer and valgrind builds.
 * Exits 1 if an argument cannot be read or no input was found, so a missing corpus
 * fails the test instead of passing silently. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: %s: cannot be opened\n", path);
        return -1;
    }
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            uint8_t *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "replay: %s: out of memory\n", path);
        return -1;
    }
    /* An exact-size copy, so a read one past the input is caught as libFuzzer would. */
    uint8_t *exact = malloc(len ? len : 1);
    if (exact) memcpy(exact, buf, len);
    free(buf);
    if (!exact) return -1;
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 1;
}

int main(int argc, char **argv)
{
    int n = 0, bad = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "replay: %s: not found\n", argv[i]);
            bad++;
            continue;
        }
        if (!S_ISDIR(st.st_mode)) {
            int r = run_file(argv[i]);
            if (r < 0) bad++; else n += r;
            continue;
        }
        DIR *dh = opendir(argv[i]);
        if (!dh) {
            bad++;
            continue;
        }
        struct dirent *de;
        while ((de = readdir(dh)) != NULL) {
            if (de->d_name[0] == '.') continue;
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], de->d_name);
            if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) continue;
            int r = run_file(path);
            if (r < 0) bad++; else n += r;
        }
        closedir(dh);
    }
    printf("replay: %d inputs ran\n", n);
    return bad || n == 0 ? 1 : 0;
}
