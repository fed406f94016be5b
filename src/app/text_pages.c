/* text_pages: a text cut into pages that fit a box (see text_pages.h). */
#include "app/text_pages.h"

#include <string.h>

#include "core/caption.h"

/* As many words as fit, then back to the last sentence's end on the page (or, without
 * one, the last clause's) when that keeps at least half of the page. */
int text_pages(const ui_ctx *ui, const char *text, int px, float w, float h, size_t *start, int max)
{
    size_t n = strlen(text);
    int pages = 0;
    size_t at = 0;
    char buf[1024];
    while (at < n && pages < max) {
        while (at < n && text[at] == ' ')
            at++;
        start[pages++] = at;
        /* word ends after `at` */
        size_t ends[256];
        int ne = 0;
        for (size_t i = at; i < n && ne < 256; i++)
            if (text[i + 1] == ' ' || text[i + 1] == 0)
                ends[ne++] = i + 1;
        int lo = 1, hi = ne; /* at least one word a page */
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            size_t len = ends[mid - 1] - at < sizeof buf - 1 ? ends[mid - 1] - at : sizeof buf - 1;
            memcpy(buf, text + at, len);
            buf[len] = 0;
            if (ui_text_h(ui, buf, px, false, w) <= h)
                lo = mid;
            else
                hi = mid - 1;
        }
        if (ne && ends[lo - 1] < n) {
            int best = 0;
            for (int want = 2; want >= 1 && !best; want--)
                for (int k = lo; k >= (lo + 1) / 2 && k >= 1; k--)
                    if (caption_break_at(text, ends[k - 1]) >= want) {
                        best = k;
                        break;
                    }
            if (best)
                lo = best;
        }
        at = ne ? ends[lo - 1] : n;
    }
    start[pages] = n;
    return pages;
}
