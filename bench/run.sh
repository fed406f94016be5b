#!/usr/bin/env bash
# make bench: Groundwork's kiosk pacer and kiosk attract screen against a browser kiosk
# page, side by side, under Xvfb at 1920x1080. Figures per program: CPU of its process tree plus the X server's, as a
# fraction of one core over 30 s after a warm-up; peak proportional set size (PSS)
# summed over the process tree; time from start to the first frame shown.
# Then the headless figures: pack validation and `play --no-draw` speed.
# The bench fails (exit status 1, a line starting "BENCH FAILED") when a screen that
# should move drew fewer than MIN_FPS new frames a second, or a still one kept drawing:
# a frozen screen measures cheap and must never pass for a fast one.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
gw="$top/$build/groundwork"
WARMUP=${WARMUP:-5}
SECONDS_MEASURED=${SECONDS_MEASURED:-30}
MIN_FPS=${MIN_FPS:-20}

pkgs=(xvfb chromium libx11-dev procps cage)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
tmp=$(mktemp -d)
cc -O2 -o "$tmp/firstpixel" "$here/firstpixel.c" -lX11

disp=:$((70 + RANDOM % 20))
Xvfb "$disp" -screen 0 1920x1080x24 -br -nolisten tcp >/dev/null 2>&1 &
xpid=$!
cleanup() { kill "$xpid" 2>/dev/null || true; pkill -P $$ 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
export DISPLAY=$disp
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; [ -S /tmp/.X11-unix/X${disp#:} ] && break; sleep 0.1; done
sleep 0.5

tree() { # a process and all its descendants
  local p=$1; echo "$p"
  for c in $(pgrep -P "$p" 2>/dev/null); do tree "$c"; done
}
ticks() { # utime+stime of the given pids, in clock ticks
  local s=0 p
  for p in "$@"; do
    [ -r /proc/$p/stat ] && s=$((s + $(awk '{print $14 + $15}' /proc/$p/stat)))
  done
  echo "$s"
}
pss() { # summed PSS in KiB
  local s=0 p v
  for p in "$@"; do
    v=$(awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup 2>/dev/null || echo 0)
    s=$((s + ${v:-0}))
  done
  echo "$s"
}
hz=$(getconf CLK_TCK)

# measure NAME CMD...: prints "cpu_prog cpu_x peak_pss_kib first_ms"
measure() {
  local name=$1; shift
  # the first frame: the black root under the window changes (the backgrounds of both are
  # drawn; with -br the root is black, and a window not yet drawn shows it)
  "$tmp/firstpixel" 300 540 changed 10000 > "$tmp/first.$name" &
  local fp=$!
  "$@" >"$tmp/$name.log" 2>&1 &
  local pid=$!
  wait "$fp" || true
  sleep "$WARMUP"
  local pids; pids=$(tree "$pid")
  local a0 x0; a0=$(ticks $pids); x0=$(ticks "$xpid")
  local peak=0 i
  for i in $(seq "$SECONDS_MEASURED"); do
    sleep 1
    pids=$(tree "$pid")
    local p; p=$(pss $pids)
    [ "$p" -gt "$peak" ] && peak=$p
  done
  local a1 x1; a1=$(ticks $pids); x1=$(ticks "$xpid")
  kill -KILL $(tree "$pid") 2>/dev/null || true  # a kiosk ignores polite requests
  wait "$pid" 2>/dev/null || true
  sleep 1
  awk -v a=$((a1 - a0)) -v x=$((x1 - x0)) -v hz="$hz" -v s="$SECONDS_MEASURED" -v p="$peak" -v f="$(cat "$tmp/first.$name")" \
    'BEGIN { printf "%.4f %.4f %d %s\n", a / hz / s, x / hz / s, p, f }'
}

export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" SDL_AUDIODRIVER=dummy
# ROUNDS rounds, the two programs taking turns, so that a busy moment of the machine
# does not fall on one of them only; the table shows medians, then each round's ratio
ROUNDS=${ROUNDS:-3}
: >"$tmp/g.txt"; : >"$tmp/c.txt"; : >"$tmp/a.txt"
for r in $(seq "$ROUNDS"); do
  GW_FRAME_LOG="$tmp/frames.pacer.$r" measure groundwork "$gw" --kiosk --exercise box-breathing >>"$tmp/g.txt"
  GW_FRAME_LOG="$tmp/frames.attract.$r" measure attract "$gw" --kiosk >>"$tmp/a.txt"
  measure chromium chromium --kiosk --no-sandbox --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-quic \
    --user-data-dir="$tmp/chromium" --window-size=1920,1080 "file://$here/pacer.html" >>"$tmp/c.txt"
done
cp "$tmp/frames.pacer.1" "$tmp/frames.pacer"
cp "$tmp/frames.attract.1" "$tmp/frames.attract"
med() { # med FILE COLUMN: median of a column
  awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}
# the round with the median total CPU gives the CPU columns
medrow() { awk '{ print $1 + $2, $1, $2 }' "$1" | sort -g | awk '{ a[NR] = $2 " " $3 } END { print a[int((NR + 1) / 2)] }'; }
read -r g_cpu g_x < <(medrow "$tmp/g.txt"); g_pss=$(med "$tmp/g.txt" 3); g_first=$(med "$tmp/g.txt" 4)
read -r c_cpu c_x < <(medrow "$tmp/c.txt"); c_pss=$(med "$tmp/c.txt" 3); c_first=$(med "$tmp/c.txt" 4)
read -r a_cpu a_x < <(medrow "$tmp/a.txt"); a_pss=$(med "$tmp/a.txt" 3); a_first=$(med "$tmp/a.txt" 4)
rounds=$(paste -d' ' "$tmp/g.txt" "$tmp/c.txt" | awk '{ g = $1 + $2; c = $5 + $6
  printf "%s%.3f/%.3f=%.2f", (NR > 1 ? ", " : ""), g, c, (c > 0 ? g / c : 0) }')
firsts=$(awk '{ printf "%s%s", (NR > 1 ? ", " : ""), $4 }' "$tmp/g.txt")
arounds=$(paste -d' ' "$tmp/a.txt" "$tmp/c.txt" | awk '{ g = $1 + $2; c = $5 + $6
  printf "%s%.3f/%.3f=%.2f", (NR > 1 ? ", " : ""), g, c, (c > 0 ? g / c : 0) }')

echo
echo "Kiosk under Xvfb 1920x1080, ${SECONDS_MEASURED} s after a ${WARMUP} s warm-up, median of $ROUNDS rounds ($(nproc) cores, $(uname -m))"
echo "Chromium --kiosk shows bench/pacer.html, a breathing page; Groundwork its kiosk pacer (box) and its attract screen"
table() { # table LABEL CPU X PSS FIRST
  awk -v label="$1" -v gc="$2" -v gx="$3" -v gp="$4" -v gf="$5" -v cc="$c_cpu" -v cx="$c_x" -v cp="$c_pss" -v cf="$c_first" 'BEGIN {
    gt = gc + gx; ct = cc + cx
    printf "| %s: CPU, program + X server (cores) | %.3f (%.3f + %.3f) | %.3f (%.3f + %.3f) | %.2f | <= 0.20 |\n", label, gt, gc, gx, ct, cc, cx, (ct > 0 ? gt / ct : 0)
    printf "| %s: peak PSS, process tree (MiB) | %.1f | %.1f | %.3f | <= 0.06 |\n", label, gp / 1024, cp / 1024, (cp > 0 ? gp / cp : 0)
    printf "| %s: first frame (ms from start) | %s | %s | | <= 100 ms |\n", label, gf, cf
  }'
}
echo "| figure | Groundwork | Chromium --kiosk | ratio | target |"
echo "| --- | --- | --- | --- | --- |"
table "pacer" "$g_cpu" "$g_x" "$g_pss" "$g_first"
table "attract" "$a_cpu" "$a_x" "$a_pss" "$a_first"
echo "CPU per round, pacer (Groundwork/Chromium=ratio): $rounds"
echo "CPU per round, attract (Groundwork/Chromium=ratio): $arounds"
echo "Groundwork pacer first frame per round (ms): $firsts"

# frame_stats LOG: drawn frames after the warm-up: "count median-ms p99-ms max-ms passes"
# (work per frame: update, draw list, redraw of the dirty rectangles, sending them)
frame_stats() {
  awk -v w="$WARMUP" '$1 >= w { p++; if ($3 == 1) print $2 / 1000 }' "$1" | sort -n |
    awk -v passes="$(awk -v w="$WARMUP" '$1 >= w' "$1" | wc -l)" \
      '{ a[NR] = $1 } END { if (NR == 0) { print "0 - - - " passes; exit }
        i = int(NR * 0.99); if (i < 1) i = 1
        printf "%d %.3f %.3f %.3f %d\n", NR, a[int((NR + 1) / 2)], a[i], a[NR], passes }'
}
# alone NAME WARMUP ARGS...: Groundwork by itself, CPU of it and the X server over the window
alone() {
  local name=$1 warm=$2; shift 2
  GW_FRAME_LOG="$tmp/frames.$name" "$gw" "$@" >"$tmp/$name.log" 2>&1 &
  local pid=$!
  sleep "$warm"
  local a0 x0; a0=$(ticks "$pid"); x0=$(ticks "$xpid")
  sleep "$SECONDS_MEASURED"
  local a1 x1; a1=$(ticks "$pid"); x1=$(ticks "$xpid")
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  awk -v a=$((a1 - a0)) -v x=$((x1 - x0)) -v hz="$hz" -v s="$SECONDS_MEASURED" \
    'BEGIN { printf "%.4f %.4f\n", a / hz / s, x / hz / s }'
}
read -r pmr_cpu pmr_x < <(alone pmr "$WARMUP" --fullscreen --exercise pmr-4)
# a static screen, once the sound device has gone to standby (after 60 s of silence)
IDLE_WARMUP=${IDLE_WARMUP:-65}
read -r idle_cpu idle_x < <(alone idle "$IDLE_WARMUP" --fullscreen)
read -r pf_n pf_med pf_p99 pf_max pf_pass < <(frame_stats "$tmp/frames.pacer")
read -r af_n af_med af_p99 af_max af_pass < <(frame_stats "$tmp/frames.attract")
read -r mf_n mf_med mf_p99 mf_max mf_pass < <(frame_stats "$tmp/frames.pmr")
read -r if_n if_med if_p99 if_max if_pass < <(WARMUP=$IDLE_WARMUP frame_stats "$tmp/frames.idle")
echo
echo "Groundwork alone: frame work (update, draw list, redraw, send) over ${SECONDS_MEASURED} s"
echo "| screen | CPU, program + X (cores) | frames drawn | loop passes | median | 99th pct. | max |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
awk -v c="$g_cpu" -v x="$g_x" -v n="$pf_n" -v p="$pf_pass" -v m="$pf_med" -v q="$pf_p99" -v M="$pf_max" \
  'BEGIN { printf "| box pacer (kiosk) | %.3f | %s | %s | %s ms | %s ms | %s ms |\n", c + x, n, p, m, q, M }'
awk -v c="$pmr_cpu" -v x="$pmr_x" -v n="$mf_n" -v p="$mf_pass" -v m="$mf_med" -v q="$mf_p99" -v M="$mf_max" \
  'BEGIN { printf "| guided PMR (home) | %.3f | %s | %s | %s ms | %s ms | %s ms |\n", c + x, n, p, m, q, M }'
awk -v c="$a_cpu" -v x="$a_x" -v n="$af_n" -v p="$af_pass" -v m="$af_med" -v q="$af_p99" -v M="$af_max" \
  'BEGIN { printf "| attract screen (kiosk) | %.3f | %s | %s | %s ms | %s ms | %s ms |\n", c + x, n, p, m, q, M }'
awk -v c="$idle_cpu" -v x="$idle_x" -v n="$if_n" -v p="$if_pass" -v m="$if_med" -v q="$if_p99" -v M="$if_max" \
  'BEGIN { printf "| static screen (home, sound in standby) | %.4f | %s | %s | %s ms | %s ms | %s ms |\n", c + x, n, p, m, q, M }'

echo
echo "Headless figures"
t0=$(date +%s%N)
"$gw" play --exercise box-breathing --cycles 1800 --no-draw --trace "$tmp/soak.jsonl" >/dev/null
t1=$(date +%s%N)
echo "| play --no-draw, 8 virtual hours of box breathing | $(( (t1 - t0) / 1000000 )) ms |"
if [ -x "$top/$build/bench/pack_bench" ]; then
  "$top/$build/bench/pack_bench" | sed 's/^/| /'
fi
if [ "${CUE:-1}" = 1 ]; then
  echo
  echo "Cue onset against the phase boundary (SDL disk audio driver, 3 cycles of box breathing)"
  python3 "$here/cue_sync.py" "$gw" 3 | sed 's/^/  /'
fi

fail=0
if [ "${CAGE:-1}" = 1 ]; then
  echo
  GROUNDWORK_DATA_DIR="$top/$build/data" python3 "$here/cage_cpu.py" "$gw" "$here/pacer.html" || fail=1
fi

# A screen that should move and drew too few frames is a broken screen, not a fast one.
moving() { # moving LABEL FRAMES
  awk -v l="$1" -v n="$2" -v s="$SECONDS_MEASURED" -v m="$MIN_FPS" 'BEGIN {
    f = n / s; if (f < m) { printf "BENCH FAILED: the %s drew %.1f new frames a second (%d in %d s); it moves, so at least %d were due\n", l, f, n, s, m; exit 1 } }' || fail=1
}
moving "kiosk pacer" "$pf_n"
moving "kiosk attract screen" "$af_n"
if [ "$if_n" -gt "$SECONDS_MEASURED" ]; then
  echo "BENCH FAILED: the static screen drew $if_n frames in $SECONDS_MEASURED s; nothing on it changes"
  fail=1
fi
exit "$fail"
