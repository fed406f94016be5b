/* pacer_style: style names (see pacer_style.h). */
#include "core/pacer_style.h"

#include <string.h>

const char *const pacer_style_names[PACER_STYLE_COUNT] = { "orb", "box", "wave", "tube", "calm" };

const char *pacer_style_name(int style)
{
    return style >= 0 && style < PACER_STYLE_COUNT ? pacer_style_names[style] : "orb";
}

int pacer_style_parse(const char *name)
{
    for (int i = 0; name && i < PACER_STYLE_COUNT; i++)
        if (!strcmp(name, pacer_style_names[i]))
            return i;
    return -1;
}
