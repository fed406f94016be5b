/* i18n: every user-visible string goes through _() (GNU gettext). N_() marks a
 * string for extraction where it is translated later. */
#ifndef GW_I18N_H
#define GW_I18N_H
#include <libintl.h>

#define GW_TEXTDOMAIN "groundwork"
#define _(s)  gettext(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (n))

#endif
