#include "core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void i18n_lang_from_env(char *out, size_t n)
{
    const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v && strcmp(v, "C") && strncmp(v, "C.", 2) && strcmp(v, "POSIX")) {
            size_t k = 0;
            while (v[k] && v[k] != '_' && v[k] != '.' && v[k] != ':' && v[k] != '@' && v[k] != '-' &&
                   k + 1 < n) {
                out[k] = v[k];
                k++;
            }
            out[k] = 0;
            if (k > 0)
                return;
        }
    }
    snprintf(out, n, "en");
}
