/* i18n: every user-visible string goes through _() (GNU gettext). N_() marks a
 * string for extraction where it is translated later. */
#ifndef GW_I18N_H
#define GW_I18N_H
#include <libintl.h>

#define GW_TEXTDOMAIN "groundwork"
#define _(s)  gettext(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (n))

#include <stddef.h>

/* The person's language from the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) as
 * a bare code such as "es"; "en" when none or C/POSIX. */
void i18n_lang_from_env(char *out, size_t n);

#endif
