/* app_init: the app as the program runs it, put together. The one file that names every
 * scene and mode table; it hands them to the app core (app.c) by id, so that the core
 * and the scenes depend on no scene's file and reach each other only through app_go.
 * It also starts the layers beside the core: the crisis lines (scene_safety.c), the
 * person's data (app_home.c); a mode takes what it needs of the configuration itself
 * (mode_vt.configure). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/say.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "platform/plat_text.h"

static const scene_vt *const SCENES[SCENE_COUNT] = {
    [SCENE_LIBRARY] = &scene_library,   [SCENE_PACER] = &scene_pacer,
    [SCENE_GUIDED] = &scene_guided,     [SCENE_PROMPTS] = &scene_prompts,
    [SCENE_PROBLEMS] = &scene_problems, [SCENE_SAFETY] = &scene_safety,
    [SCENE_CAUTIONS] = &scene_cautions, [SCENE_QUIT] = &scene_quit,
    [SCENE_ATTRACT] = &scene_attract,   [SCENE_KIOSK_LIBRARY] = &scene_kiosk_library,
    [SCENE_ADMIN] = &scene_admin,       [SCENE_CHECKIN] = &scene_checkin,
    [SCENE_PROGRESS] = &scene_progress, [SCENE_WELCOME] = &scene_welcome,
    [SCENE_SETTINGS] = &scene_settings, [SCENE_RESONANCE] = &scene_resonance,
};

static const app_hooks HOOKS = { .started = app_home_started, .ended = app_home_ended };

static const mode_vt *mode_by_name(const char *name)
{
    if (name && !strcmp(name, "kiosk"))
        return &mode_kiosk;
    if (name && !strcmp(name, "present"))
        return &mode_present;
    return &mode_home;
}

/* Every scene's and the mode's own state, for the app's life. */
static bool alloc_states(app *a)
{
    for (int i = 0; i < SCENE_COUNT; i++)
        if (SCENES[i]->state_size && !(a->rooms.state[i] = calloc(1, SCENES[i]->state_size)))
            return false;
    return !a->mode->state_size || (a->rooms.mode_state = calloc(1, a->mode->state_size));
}

static void free_states(app *a)
{
    for (int i = 0; i < SCENE_COUNT; i++) {
        if (a->rooms.state[i] && SCENES[i]->release)
            SCENES[i]->release(a);
        free(a->rooms.state[i]);
        a->rooms.state[i] = NULL;
    }
    if (a->rooms.mode_state && a->mode->release)
        a->mode->release(a);
    free(a->rooms.mode_state);
    a->rooms.mode_state = NULL;
}

bool app_init(app *a, const app_config *cfg)
{
    app_core_init(a, cfg, SCENES, mode_by_name(cfg->mode), &HOOKS);
    a->view.say = say_new(cfg->tr); /* read aloud, off until told */
    if (!a->view.say || !alloc_states(a)) {
        fprintf(stderr, "groundwork: out of memory\n");
        free_states(a);
        app_core_free(a);
        a->mode = NULL; /* app_free: nothing more to do */
        return false;
    }
    if (a->mode->configure)
        a->mode->configure(a, cfg);
    app_hr_configure(a, cfg);
    app_load_locales(a);
    if (!app_home_init(a, cfg)) {
        fprintf(stderr, "groundwork: out of memory\n");
        app_home_free(a);
        free_states(a);
        app_core_free(a);
        a->mode = NULL;
        return false;
    }
    app_hr_settings_read(a); /* a sensor chosen before is connected to */
    a->arg.text_pct = cfg->text_pct;
    a->text = plat_text_new(paths_font_dir());
    if (!a->text) /* layouts then size text by estimate: it may not fit so well */
        app_error(a, _("Text cannot be measured (out of memory or no font support): the layout may not fit the text."));
    app_lang_changed(a);
    /* in the interface's language, now that the settings may have chosen it */
    if (a->packs && pack_diags_errors(&a->packs->diags) > 0 && !a->notice[0])
        snprintf(a->notice, sizeof a->notice, "%s",
                 _("Some content could not be loaded and was skipped. Run “groundwork validate” for details."));
    /* the run's --read-aloud, else the person's setting (home); a kiosk's enter decides its own */
    app_read_aloud(a, a->arg.read_aloud || a->set.read_aloud, false);
    a->mode->enter(a);
    return true;
}

void app_free(app *a)
{
    if (!a->mode) /* zeroed, app_init never reached (a run that failed before it) */
        return;
    if (a->mode->leave)
        a->mode->leave(a);
    app_home_free(a);
    free_states(a);
    app_core_free(a);
}
