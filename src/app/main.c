/* groundwork: the command line. The program itself, and the subcommands outside
 * checks rely on: validate, list, render, play (see docs/automation.md). Usage errors go
 * to stderr with exit status 2. */
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/run.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/rrcsv.h"

static const char USAGE[] =
    "Usage: groundwork [--kiosk [--config FILE]|--present] [--pack DIR]... [--fullscreen] [--display N]\n"
    "                  [--read-aloud]\n"
    "       groundwork validate PATH...\n"
    "       groundwork list [--json] [--pack DIR]...\n"
    "       groundwork render --exercise ID --at SECONDS --size WxH --out FILE.png\n"
    "                         [--mode home|present|kiosk] [--theme NAME] [--pack DIR]... [--cautions]\n"
    "       groundwork play [--mode home|present|kiosk] [--exercise ID] [--cycles N]\n"
    "                       [--script FILE] [--trace FILE] [--size WxH] [--no-draw] [--pack DIR]...\n"
    "                       [--checkins] [--welcome] [--draw-every N] [--heap-every SECONDS]\n"
    "                       [--read-aloud] [--hr-replay FILE]\n"
    "       groundwork preview PACK-DIR [--exercise ID]\n"
    "       groundwork kiosk set-pin|stats|check [--config FILE]\n"
    "       groundwork log export [--csv|--json] [--force] [FILE]\n"
    "       groundwork log summary [--days N] [--end YYYY-MM-DD] [--force] FILE\n"
    "       groundwork log delete --all --yes\n"
    "       groundwork log beats SESSION-ID [--force] [FILE]\n"
    "       groundwork remind [--at-login] [--wait SECONDS]\n"
    "       groundwork --help | --version\n";

static const char HELP[] =
    "Groundwork guides coping-skill exercises: breathing pacers, progressive muscle\n"
    "relaxation and grounding prompts. It is a practice aid, not a substitute for\n"
    "professional care.\n\n"
    "Program options:\n"
    "  --kiosk            unattended waiting-room mode\n"
    "  --config FILE      kiosk settings (default /etc/groundwork/kiosk.json, then\n"
    "                     $XDG_CONFIG_HOME/groundwork/kiosk.json); see docs/kiosk.md\n"
    "  --present          therapist's demonstration mode\n"
    "  --plan-dir DIR     present: where Save plan writes the take-home plan\n"
    "                     (default $HOME/groundwork-plan-DATE)\n"
    "  --pack DIR         also load the content pack in DIR (repeatable)\n"
    "  --fullscreen       start full screen\n"
    "  --display N        open on display N (0 is the first)\n"
    "  --exercise ID      start this exercise at once\n"
    "  --size WxH         window size in pixels\n"
    "  --theme NAME       calm (default), light or contrast\n"
    "  --lang CODE        interface language: en, es, de, ar (default: from the locale)\n"
    "  --text-size PCT    text size, 100 to 200 (default: from the settings)\n"
    "  --read-aloud       read the screens aloud through speech-dispatcher (also play;\n"
    "                     Ctrl+Alt+R turns it on or off; see docs/accessibility.md)\n"
    "  --hr-replay FILE   heart beats from a recording, an RR CSV (also play and render;\n"
    "                     see docs/biofeedback.md)\n\n"
    "Subcommands:\n"
    "  validate PATH...   check content packs; prints FILE:LINE:COL: JSON-PATH: message\n"
    "  list [--json]      the exercises available\n"
    "  render ...         draw one frame at a virtual time into a PNG, headless\n"
    "  play ...           run headless on a virtual clock, fed by a script, writing a trace\n"
    "  preview PACK-DIR   show a pack in a window and reload it whenever a file changes\n"
    "  kiosk set-pin      set the kiosk's admin PIN (read from standard input)\n"
    "  kiosk stats        print the kiosk's anonymous daily counters\n"
    "  kiosk check        what the kiosk's deployment has wrong (settings, PIN, content,\n"
    "                     exercises, owner and mode, state folder), one line each;\n"
    "                     exit status 0 when all is well, 1 otherwise (also --pack DIR)\n"

    "  log export         your practice log as CSV (default) or --json, to FILE (private;\n"
    "                     an existing FILE only with --force) or stdout\n"
    "  log summary        a one-page PDF for your therapist: the last N days (7 by\n"
    "                     default; --end the last day), a chart of your before and after\n"
    "                     ratings, each session and your notes; made on this computer\n"
    "                     only, into FILE (private; an existing FILE only with --force)\n"
    "  log delete --all --yes   delete every session from your practice log\n"
    "  log beats          a session's heart beats (kept at home from a heart-rate sensor)\n"
    "                     as the recording --hr-replay takes, to FILE or stdout\n"
    "  remind             show one practice reminder (a desktop notification naming your\n"
    "                     plan's exercise; Start opens it). Settings > Reminders run it\n"
    "                     on the chosen days and time; --at-login waits for that time\n"
    "                     (autostart), --wait SECONDS how long Start is listened for\n"
    "                     (default 3600); exit status 1 when no notification server answers\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("groundwork: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n", stderr);
    fputs(USAGE, stderr);
    return 2;
}

static bool parse_size(const char *s, int *w, int *h)
{
    char x;
    int a, b;
    if (sscanf(s, "%d%c%d", &a, &x, &b) != 3 || (x != 'x' && x != 'X') || a < 64 || b < 64 ||
        a > 16384 || b > 16384)
        return false;
    *w = a;
    *h = b;
    return true;
}

static bool parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

enum { OPT_KIOSK = 256, OPT_PRESENT, OPT_PACK, OPT_FULLSCREEN, OPT_DISPLAY, OPT_EXERCISE, OPT_AT,
       OPT_SIZE, OPT_OUT, OPT_MODE, OPT_THEME, OPT_CYCLES, OPT_SCRIPT, OPT_TRACE, OPT_NODRAW, OPT_JSON,
       OPT_LANG, OPT_HELP, OPT_VERSION, OPT_CONFIG, OPT_CHECKINS, OPT_WELCOME,
       OPT_PLAN_DIR, OPT_TEXT_SIZE, OPT_DRAW_EVERY, OPT_HEAP_EVERY, OPT_CAUTIONS, OPT_READ_ALOUD,
       OPT_HR_REPLAY };

static const struct option LONG[] = {
    { "kiosk", no_argument, 0, OPT_KIOSK },       { "present", no_argument, 0, OPT_PRESENT },
    { "pack", required_argument, 0, OPT_PACK },   { "fullscreen", no_argument, 0, OPT_FULLSCREEN },
    { "display", required_argument, 0, OPT_DISPLAY }, { "exercise", required_argument, 0, OPT_EXERCISE },
    { "at", required_argument, 0, OPT_AT },       { "size", required_argument, 0, OPT_SIZE },
    { "out", required_argument, 0, OPT_OUT },     { "mode", required_argument, 0, OPT_MODE },
    { "theme", required_argument, 0, OPT_THEME }, { "cycles", required_argument, 0, OPT_CYCLES },
    { "script", required_argument, 0, OPT_SCRIPT }, { "trace", required_argument, 0, OPT_TRACE },
    { "no-draw", no_argument, 0, OPT_NODRAW },    { "json", no_argument, 0, OPT_JSON },
    { "lang", required_argument, 0, OPT_LANG },   { "help", no_argument, 0, OPT_HELP },
    { "version", no_argument, 0, OPT_VERSION },   { "config", required_argument, 0, OPT_CONFIG },
    { "checkins", no_argument, 0, OPT_CHECKINS }, { "welcome", no_argument, 0, OPT_WELCOME },
    { "plan-dir", required_argument, 0, OPT_PLAN_DIR },
    { "text-size", required_argument, 0, OPT_TEXT_SIZE },
    { "read-aloud", no_argument, 0, OPT_READ_ALOUD },
    { "draw-every", required_argument, 0, OPT_DRAW_EVERY }, { "heap-every", required_argument, 0, OPT_HEAP_EVERY },
    { "cautions", no_argument, 0, OPT_CAUTIONS },
    { "hr-replay", required_argument, 0, OPT_HR_REPLAY },
    { 0, 0, 0, 0 }
};

/* Which options each subcommand takes. */
static bool allowed(const char *cmd, int opt)
{
    switch (opt) {
    case OPT_PACK: case OPT_LANG: case OPT_HELP: case OPT_VERSION: case OPT_THEME: case OPT_TEXT_SIZE:
        return true;
    case OPT_KIOSK: case OPT_PRESENT: case OPT_FULLSCREEN: case OPT_DISPLAY:
        return !cmd;
    case OPT_EXERCISE: case OPT_SIZE:
        return !cmd || strcmp(cmd, "list");
    case OPT_CYCLES: case OPT_TRACE: case OPT_HR_REPLAY:
        return !cmd || !strcmp(cmd, "render") || !strcmp(cmd, "play");
    case OPT_MODE:
        return cmd && (!strcmp(cmd, "render") || !strcmp(cmd, "play"));
    case OPT_AT: case OPT_OUT: case OPT_CAUTIONS:
        return cmd && !strcmp(cmd, "render");
    case OPT_SCRIPT: case OPT_NODRAW: case OPT_CHECKINS: case OPT_WELCOME: case OPT_DRAW_EVERY: case OPT_HEAP_EVERY:
        return cmd && !strcmp(cmd, "play");
    case OPT_JSON:
        return cmd && !strcmp(cmd, "list");
    case OPT_CONFIG:
        return !cmd || !strcmp(cmd, "play") || !strcmp(cmd, "render");
    case OPT_PLAN_DIR: case OPT_READ_ALOUD:
        return !cmd || !strcmp(cmd, "play");
    default:
        return false;
    }
}

int cmd_validate(int argc, char **argv);
int cmd_list(const run_options *o, bool json);
int cmd_kiosk(int argc, char **argv);
int cmd_log(int argc, char **argv);
int cmd_remind(int argc, char **argv);

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    /* Numbers written for machines (traces, plans) and read from the command line
     * (--at) keep a decimal point in every locale (a German locale's comma made traces
     * invalid JSON); numbers on screen are written through the translations. */
    setlocale(LC_NUMERIC, "C");
    const char *data = paths_data_dir();
    char locdir[PATH_MAX];
    if (data && paths_join(locdir, sizeof locdir, data, "locale"))
        bindtextdomain(GW_TEXTDOMAIN, locdir);
    bind_textdomain_codeset(GW_TEXTDOMAIN, "UTF-8");
    textdomain(GW_TEXTDOMAIN);

    const char *cmd = NULL;
    if (argc > 1 && argv[1][0] != '-') {
        cmd = argv[1];
        if (strcmp(cmd, "validate") && strcmp(cmd, "list") && strcmp(cmd, "render") && strcmp(cmd, "play") &&
            strcmp(cmd, "preview") && strcmp(cmd, "kiosk") && strcmp(cmd, "log") && strcmp(cmd, "remind"))
            return usage_error("unknown command \"%s\"", cmd);
        argv++;
        argc--;
    }
    if (cmd && !strcmp(cmd, "validate"))
        return cmd_validate(argc, argv);
    if (cmd && !strcmp(cmd, "kiosk"))
        return cmd_kiosk(argc, argv);
    if (cmd && !strcmp(cmd, "log"))
        return cmd_log(argc, argv);
    if (cmd && !strcmp(cmd, "remind"))
        return cmd_remind(argc, argv);

    run_options o = { 0 };
    o.mode = "home";
    o.display = 0;
    o.at = -1;
    bool json = false, mode_set = false;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", LONG, NULL)) != -1) {
        if (c == '?')
            return usage_error("unknown or incomplete option \"%s\"", argv[optind - 1]);
        if (!allowed(cmd, c))
            return usage_error("option \"%s\" does not go with this command", argv[optind - 1]);
        switch (c) {
        case OPT_HELP: fputs(USAGE, stdout); fputs("\n", stdout); fputs(HELP, stdout); return 0;
        case OPT_VERSION: printf("groundwork %s\n", GW_VERSION); return 0;
        case OPT_KIOSK: case OPT_PRESENT:
            if (mode_set) return usage_error("%s", "--kiosk and --present cannot be combined");
            o.mode = c == OPT_KIOSK ? "kiosk" : "present";
            mode_set = true;
            break;
        case OPT_MODE:
            if (strcmp(optarg, "home") && strcmp(optarg, "present") && strcmp(optarg, "kiosk"))
                return usage_error("--mode must be home, present or kiosk (got \"%s\")", optarg);
            o.mode = optarg;
            break;
        case OPT_PACK:
            if (o.npacks == (int)(sizeof o.packs / sizeof *o.packs))
                return usage_error("%s", "too many --pack options");
            o.packs[o.npacks++] = optarg;
            break;
        case OPT_FULLSCREEN: o.fullscreen = true; break;
        case OPT_DISPLAY:
            if (!parse_int(optarg, 0, 63, &o.display))
                return usage_error("--display takes a display number (got \"%s\")", optarg);
            break;
        case OPT_EXERCISE: o.exercise = optarg; break;
        case OPT_AT: {
            char *end;
            o.at = strtod(optarg, &end);
            if (!*optarg || *end || !(o.at >= 0 && o.at <= 1e7))
                return usage_error("--at takes seconds, 0 or more (got \"%s\")", optarg);
            break;
        }
        case OPT_SIZE:
            if (!parse_size(optarg, &o.w, &o.h))
                return usage_error("--size takes WIDTHxHEIGHT, each 64 to 16384 (got \"%s\")", optarg);
            break;
        case OPT_OUT: o.out = optarg; break;
        case OPT_THEME:
            if (strcmp(optarg, "calm") && strcmp(optarg, "light") && strcmp(optarg, "contrast"))
                return usage_error("--theme must be calm, light or contrast (got \"%s\")", optarg);
            o.theme = optarg;
            break;
        case OPT_CYCLES:
            if (!parse_int(optarg, 1, 1000000, &o.cycles))
                return usage_error("--cycles takes a whole number of breaths, 1 or more (got \"%s\")", optarg);
            break;
        case OPT_SCRIPT: o.script = optarg; break;
        case OPT_TRACE: o.trace = optarg; break;
        case OPT_NODRAW: o.no_draw = true; break;
        case OPT_CHECKINS: o.checkins = true; break;
        case OPT_READ_ALOUD: o.read_aloud = true; break;
        case OPT_CAUTIONS: o.cautions = true; break;
        case OPT_WELCOME: o.welcome = true; break;
        case OPT_JSON: json = true; break;
        case OPT_LANG: o.lang = optarg; break;
        case OPT_TEXT_SIZE:
            if (!parse_int(optarg, 100, 200, &o.text_pct))
                return usage_error("--text-size wants a percentage from 100 to 200, not \"%s\"", optarg);
            break;
        case OPT_CONFIG: o.config = optarg; break;
        case OPT_PLAN_DIR: o.plan_dir = optarg; break;
        case OPT_HR_REPLAY: o.hr_replay = optarg; break;
        case OPT_DRAW_EVERY:
            if (!parse_int(optarg, 1, 1000000, &o.draw_every))
                return usage_error("--draw-every takes a number of steps, 1 or more (got \"%s\")", optarg);
            break;
        case OPT_HEAP_EVERY: {
            char *end;
            o.heap_every = strtod(optarg, &end);
            if (!*optarg || *end || !(o.heap_every >= 1.0 / 60 && o.heap_every <= 1e7))
                return usage_error("--heap-every takes virtual seconds, 1/60 or more (got \"%s\")", optarg);
            break;
        }
        }
    }
    if (cmd && !strcmp(cmd, "preview")) {
        if (optind != argc - 1)
            return usage_error("%s", "preview takes one pack folder");
        o.preview = argv[optind++];
        return run_live(&o);
    }
    if (optind < argc)
        return usage_error("unexpected argument \"%s\"", argv[optind]);
    /* a recording that cannot be used stops the run before anything starts (nothing
     * of the person's is touched): where and what is wrong */
    rrcsv rec = { 0 };
    if (o.hr_replay) {
        char why[PATH_MAX + 200];
        if (!rrcsv_load(&rec, o.hr_replay, why, sizeof why)) {
            fprintf(stderr, "groundwork: --hr-replay: %s\n", why);
            return 2;
        }
        o.hr_rr = rec.rr_ms;
        o.hr_n = rec.n;
    }

    int rc;
    if (!cmd)
        rc = run_live(&o);
    else if (!strcmp(cmd, "list"))
        rc = cmd_list(&o, json);
    else if (!strcmp(cmd, "play"))
        rc = run_play(&o);
    else if (!o.out) /* render */
        rc = usage_error("%s", "render needs --out FILE.png");
    else if (o.cautions && !o.exercise)
        rc = usage_error("%s", "render --cautions needs --exercise ID");
    else {
        if (o.at < 0)
            o.at = 0;
        rc = run_render(&o);
    }
    rrcsv_free(&rec);
    return rc;
}
