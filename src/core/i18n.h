/* i18n: every user-visible string goes through _() (GNU gettext). N_() marks a
 * string for extraction where it is translated later. _() takes a string literal or
 * an entry of a static table of them (as xgettext needs anyway): it remembers each
 * translation by the address of its msgid, since a frame looks up the same labels
 * sixty times a second and each gettext() call reads the environment. */
#ifndef GW_I18N_H
#define GW_I18N_H
#include <libintl.h>

#define GW_TEXTDOMAIN "groundwork"
#define _(s)  i18n_tr(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (n))
/* A string with a context (for short words that translate differently by use, such
 * as weekday initials): marked with NC_(ctx, s) and translated with i18n_ctx(). */
#define NC_(ctx, s) ctx "\004" s

#include <stdbool.h>
#include <stddef.h>

/* gettext(msgid), remembered by msgid's address until the language changes
 * (i18n_use_language). msgid must not be a buffer whose text changes. */
const char *i18n_tr(const char *msgid);

/* The person's language from the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) as
 * a bare code such as "es"; "en" when none or C/POSIX. */
void i18n_lang_from_env(char *out, size_t n);

/* The translation of a string marked with NC_(): the part after the context when
 * the catalogue has none. */
const char *i18n_ctx(const char *ctx_and_id);

/* Makes gettext use the language with code lang ("es", "ar"...) from now on: sets
 * LANGUAGE, switches a C/POSIX locale to C.UTF-8 (LANGUAGE is ignored under "C") and
 * drops cached translations. NULL or "" leaves the environment's choice. */
void i18n_use_language(const char *lang);

/* Whether the language with code lang is written right to left (Arabic). */
bool i18n_is_rtl(const char *lang);

/* s kept left to right inside translated text: wrapped in U+2066 LEFT-TO-RIGHT ISOLATE
 * and U+2069 POP DIRECTIONAL ISOLATE into out (cut to n). For a path, a file name or
 * an address put into a sentence: in a right-to-left sentence the bidi algorithm
 * would otherwise move its slashes and dots ("/tmp/x" shown "tmp/x/"). The marks are
 * not drawn. Returns out. */
const char *i18n_ltr(char *out, size_t n, const char *s);

/* A short date in the interface language: day of month and abbreviated month (month
 * 1-12) in the language's order and punctuation, e.g. "5 Jan", German "5. Jan.",
 * Arabic "5 يناير". Digits are Western (0-9) in every language. A month out of range
 * gives "?". */
void i18n_day_month(char *out, size_t n, int day, int month);

/* The interface's language for lang: lang's bare code when the interface has a
 * catalogue for it (en, es, de, ar), else "en" (gettext then shows English). */
const char *i18n_ui_lang(const char *lang);

/* The tag that says content is shown in language code, in the interface's language:
 * "in English", German "auf Englisch"; a code the interface has no name for gives
 * "in language “fr”". For a pack without the interface's language. */
void i18n_in_language(char *out, size_t n, const char *code);

#endif
