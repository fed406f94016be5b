#!/bin/sh
# I/O fault tests (issue 11): each fault must give a clear message and the program
# must go on. Usage: io_faults.sh GROUNDWORK CASE; CASE is one of
#   dangling  an exercise file that is a dangling symlink
#   fifo      an exercise file that is a FIFO (must not hang on open)
#   fifo_pack pack.json itself a FIFO: validate, list, play and render go on at once
#   special   pack.json a folder, a device (a link to /dev/zero) or a socket: the same
#   fifo_config settings.json and locales.json (the user's), kiosk.json and a play script
#             that are FIFOs: each is reported by name, nothing waits for a writer
#   lying     clips whose headers lie (1 KB claiming 4 GB, a sparse file): validate
#             refuses them; a kiosk exercise longer than the kiosk's hold still ends in
#             an idle reset two hours after the last touch
#   unreadable an exercise file with mode 000 (as root, who reads it anyway, the case
#             reruns as nobody through setpriv, from copies in a folder nobody can
#             enter: the clone may be in root's 0700 home; if that cannot be done, exit
#             77: skipped, with the reason)
#   nofont    GROUNDWORK_DATA_DIR whose fonts/ folder is empty: render still writes the
#             frame; without a fonts/ folder the system's (fonts-noto-core) are used
#   noaudio   SDL_AUDIODRIVER=nonexistent: the live program runs on, silent
#   nomixer   SDL_mixer missing (GW_MIXER_LIB names no file), or a library that is not
#             SDL_mixer: the live program runs on, silent, and says which
# Runs in a fresh temporary folder; needs GROUNDWORK_DATA_DIR (set by CTest).
set -u
gw="$1"; case="$2"
src="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"; trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL ($case): $*"; [ -f "$tmp/err" ] && sed 's/^/  stderr: /' "$tmp/err"; exit 1; }

# A good pack whose exercise file ($1: an extended regex for the message) is then broken in some way; validate must name the
# file and fail; play must load the built-in pack, report the broken one and run.
broken_pack() {  # $1: what validate must say about the file
  timeout 20 "$gw" validate "$tmp/p" > "$tmp/err" 2>&1; rc=$?
  [ $rc -eq 124 ] && fail "validate hung"
  [ $rc -eq 1 ] || fail "validate exited $rc, expected 1"
  grep -Eq "exercises/box.json.*($1)" "$tmp/err" || fail "no clear message about exercises/box.json"
  timeout 20 "$gw" play --no-draw --pack "$tmp/p" --exercise box-breathing --cycles 1 \
      --trace "$tmp/t.jsonl" > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 0 ] || fail "play exited $rc with a broken extra pack"
  grep -Eq "exercises/box.json.*($1)" "$tmp/err" || fail "play gave no message about the broken pack"
  grep -q '"event": "exit", "reason": "exercise_end"' "$tmp/t.jsonl" || fail "play did not run the exercise to its end"
  echo "ok ($case): $(grep -m1 'box.json' "$tmp/err")"
}

# pack.json itself is broken: validate names it and fails; list, play and render load
# the built-in pack, report the broken one and go on. None of them may wait.
whole_pack_refused() {  # $1: what must be said about pack.json (extended regex)
  timeout 20 "$gw" validate "$tmp/p" > "$tmp/err" 2>&1; rc=$?
  [ $rc -eq 124 ] && fail "validate hung"
  [ $rc -eq 1 ] || fail "validate exited $rc, expected 1"
  grep -Eq "p/pack.json: ($1)" "$tmp/err" || fail "validate gave no clear message about pack.json"
  timeout 20 "$gw" list --pack "$tmp/p" > "$tmp/out" 2> "$tmp/err"; rc=$?
  [ $rc -eq 124 ] && fail "list hung"
  [ $rc -eq 0 ] || fail "list exited $rc with a broken extra pack"
  grep -Eq "p/pack.json: ($1)" "$tmp/err" || fail "list gave no message about the broken pack"
  grep -q "^box-breathing " "$tmp/out" || fail "list did not list the built-in exercises"
  timeout 20 "$gw" play --no-draw --pack "$tmp/p" --exercise box-breathing --cycles 1 \
      --trace "$tmp/t.jsonl" > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 124 ] && fail "play hung"
  [ $rc -eq 0 ] || fail "play exited $rc with a broken extra pack"
  grep -Eq "p/pack.json: ($1)" "$tmp/err" || fail "play gave no message about the broken pack"
  grep -q '"event": "exit", "reason": "exercise_end"' "$tmp/t.jsonl" || fail "play did not run the exercise to its end"
  timeout 30 "$gw" render --pack "$tmp/p" --exercise box-breathing --at 2 --size 320x180 \
      --out "$tmp/f.png" > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 124 ] && fail "render hung"
  [ $rc -eq 0 ] && [ -s "$tmp/f.png" ] || fail "render exited $rc or wrote no frame with a broken extra pack"
  rm -f "$tmp/f.png"
  echo "ok ($case): $(grep -m1 'pack.json' "$tmp/err")"
}

cp -r "$src/packs/good/breathing" "$tmp/p" || exit 1
ex="$tmp/p/exercises/box.json"
[ -f "$ex" ] || fail "tests/packs/good/breathing has no exercises/box.json"
case "$case" in
dangling)
  rm "$ex"; ln -s "$tmp/nowhere.json" "$ex"
  broken_pack "was not found in the pack folder" ;;
fifo)
  rm "$ex"; mkfifo "$ex" || fail "mkfifo"
  broken_pack "is a named pipe \(FIFO\), not a file" ;;
fifo_pack)
  rm "$tmp/p/pack.json"; mkfifo "$tmp/p/pack.json" || fail "mkfifo"
  whole_pack_refused "is a named pipe \(FIFO\), not a file" ;;
special)
  rm "$tmp/p/pack.json"; mkdir "$tmp/p/pack.json"
  whole_pack_refused "is a folder, not a file"
  rmdir "$tmp/p/pack.json"; ln -s /dev/zero "$tmp/p/pack.json"
  whole_pack_refused "is a device, not a file"
  rm "$tmp/p/pack.json"
  python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/p/pack.json" ||
    fail "cannot make a socket"
  whole_pack_refused "is a socket, not a file" ;;
fifo_config)
  mkdir -p "$tmp/config/groundwork"
  mkfifo "$tmp/config/groundwork/settings.json" "$tmp/config/groundwork/locales.json" "$tmp/kiosk.json" \
         "$tmp/script.jsonl" || fail "mkfifo"
  XDG_CONFIG_HOME="$tmp/config" timeout 20 "$gw" play --no-draw --exercise box-breathing --cycles 1 \
      --trace "$tmp/t.jsonl" > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 124 ] && fail "play hung on a FIFO as settings.json or locales.json"
  [ $rc -eq 0 ] || fail "play exited $rc with FIFOs for settings"
  grep -q '"event": "exit", "reason": "exercise_end"' "$tmp/t.jsonl" || fail "play did not run the exercise to its end"
  grep -q 'settings file (.*/settings.json) is a named pipe (FIFO), not a file' "$tmp/t.jsonl" ||
    fail "no message about settings.json"
  grep -q 'groundwork/locales.json: is a named pipe (FIFO), not a file' "$tmp/t.jsonl" ||
    fail "no message about locales.json"
  printf '{"at": 3, "end": true}\n' > "$tmp/end.jsonl"
  timeout 20 "$gw" play --mode kiosk --no-draw --config "$tmp/kiosk.json" --script "$tmp/end.jsonl" \
      > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 124 ] && fail "the kiosk hung on a FIFO as kiosk.json"
  [ $rc -eq 0 ] || fail "the kiosk exited $rc with a FIFO as kiosk.json"
  grep -q 'kiosk.json: cannot read the settings (is a named pipe (FIFO), not a file); using the defaults' "$tmp/err" ||
    fail "no message about kiosk.json"
  timeout 20 "$gw" play --no-draw --script "$tmp/script.jsonl" > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 124 ] && fail "play hung on a FIFO as its script"
  [ $rc -ne 0 ] || fail "play ran with a FIFO as its script"
  grep -q 'script.jsonl: is a named pipe (FIFO), not a file' "$tmp/err" || fail "no message about the script"
  echo "ok (fifo_config): settings.json, locales.json, kiosk.json and a script as FIFOs are reported at once" ;;
lying)
  # the issue's clip: 1 KB of WAV whose header claims 4 GB, timing a step (149 hours in
  # a kiosk); then a 64 MiB sparse WAV whose header agrees with its size
  cp -r "$src/packs/bad/63-lying-wav" "$tmp/lw"; rm -f "$tmp/lw/expected.txt"
  timeout 20 "$gw" validate "$tmp/lw" > "$tmp/err" 2>&1; rc=$?
  [ $rc -eq 1 ] || fail "validate exited $rc on a clip that claims 4 GB in 1 KB"
  grep -q 'voice clip "audio/huge.wav" is cut short: its header promises 97391.5 seconds' "$tmp/err" ||
    fail "no clear message about the lying clip"
  echo "ok (lying): $(grep -m1 'huge.wav' "$tmp/err")"
  python3 -c '
import struct, sys
size = 64 << 20
fmt = struct.pack("<HHIIHH", 1, 1, 22050, 44100, 2, 16)
head = b"WAVE" + b"fmt " + struct.pack("<I", 16) + fmt + b"data" + struct.pack("<I", size - 44)
with open(sys.argv[1], "wb") as f:
    f.write(b"RIFF" + struct.pack("<I", size - 8) + head)
    f.truncate(size)' "$tmp/lw/audio/huge.wav" || fail "cannot write a sparse WAV"
  timeout 20 "$gw" validate "$tmp/lw" > "$tmp/err" 2>&1
  grep -q 'voice clip "audio/huge.wav" is a sparse file' "$tmp/err" || fail "no clear message about the sparse clip"
  echo "ok (lying): $(grep -m1 'huge.wav' "$tmp/err")"
  # an honest exercise longer than the kiosk's hold (13 steps of ten minutes): with no
  # touch after it starts, the kiosk goes back to its attract loop 2 h + 30 s later
  mkdir -p "$tmp/long"
  python3 -c '
import json, sys
steps = [{"kind": "instruction", "caption": "Step %d." % i, "seconds": 600} for i in range(13)]
ex = {"id": "long-guided", "kind": "guided", "category": "relaxation", "title": "Long",
      "summary": "Over two hours.", "cautions": [], "source": "Test data; not guidance.",
      "guided": {"steps": steps}}
json.dump({"format": "1.0", "id": "long", "name": "Long", "version": "1.0.0", "languages": ["en"],
           "authors": ["Groundwork test suite"], "license": "CC0-1.0",
           "sources": ["Test data; not guidance."], "exercises": [ex]}, open(sys.argv[1], "w"))' \
    "$tmp/long/pack.json" || fail "cannot write the long pack"
  printf '{"exercises": ["long-guided"], "idle_timeout": 30}\n' > "$tmp/kiosk.json"
  printf '{"at": 1, "tap": [0.5, 0.5]}\n{"at": 2, "press": "exercise:long-guided"}\n{"at": 9000, "end": true}\n' \
      > "$tmp/s.jsonl"
  timeout 120 "$gw" play --mode kiosk --no-draw --pack "$tmp/long" --config "$tmp/kiosk.json" \
      --script "$tmp/s.jsonl" --trace "$tmp/t.jsonl" > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 0 ] || fail "the kiosk exited $rc"
  grep -q '"event": "exercise_start", "id": "long-guided"' "$tmp/t.jsonl" || fail "the long exercise did not start"
  reset="$(grep '"event": "idle_reset"' "$tmp/t.jsonl" | head -1)"
  t="$(printf '%s' "$reset" | sed -n 's/.*"t": \([0-9.]*\).*/\1/p')"
  case "$reset" in *'"why": "idle"'*) ;; *) fail "no idle reset while the long exercise ran (first reset: ${reset:-none})" ;; esac
  awk -v t="$t" 'BEGIN { exit !(t > 7231 && t < 7233) }' ||
    fail "the idle reset came at $t s, not 2 h 30 s after the last touch (7232 s)"
  echo "ok (lying): the kiosk reset at $t s, 2 h + 30 s after the last touch, in an exercise of 130 minutes" ;;
unreadable)
  # A case that cannot run is skipped (77) on a developer's machine and fails in CI (CI
  # set), where the suite must show every case run.
  cannot_run() { echo "CANNOT RUN (unreadable): $1"; [ -z "${CI:-}" ] || exit 1; exit 77; }
  chmod 000 "$ex"
  if cat "$ex" > /dev/null 2>&1 && [ "$(id -u)" = 0 ] && [ -z "${GW_IOFAULT_AS_NOBODY:-}" ] &&
     command -v setpriv > /dev/null; then
    # root reads anything: run this case again as the unprivileged user nobody. The
    # clone, its build and the data may lie in root's own 0700 home, where nobody cannot
    # go: copy the program, this script, the test pack and the built-in content to a
    # folder of their own under /tmp first.
    away="$(mktemp -d /tmp/gw-iofault-XXXXXX)" || cannot_run "no folder for nobody under /tmp"
    trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp" "$away"' EXIT
    mkdir -p "$away/tests/iofault" "$away/tests/packs/good" "$away/data/content" "$away/home" &&
      cp "$0" "$away/tests/iofault/io_faults.sh" && cp "$gw" "$away/groundwork" &&
      cp -r "$src/packs/good/breathing" "$away/tests/packs/good/" &&
      cp -rL "$GROUNDWORK_DATA_DIR/content/core" "$away/data/content/" &&
      chmod -R a+rX "$away" && chown 65534:65534 "$away/home" ||
      cannot_run "cannot copy what the case needs to $away for nobody"
    if ! setpriv --reuid=65534 --regid=65534 --clear-groups "$away/groundwork" validate --help > /dev/null 2>&1; then
      cannot_run "nobody cannot run a copy of the program in $away (is /tmp mounted noexec?)"
    fi
    echo "running as root: repeating this case as nobody (setpriv), from copies in $away"
    env GW_IOFAULT_AS_NOBODY=1 HOME="$away/home" XDG_DATA_HOME="$away/home/data" \
        XDG_CONFIG_HOME="$away/home/config" GROUNDWORK_DATA_DIR="$away/data" TMPDIR=/tmp \
        setpriv --reuid=65534 --regid=65534 --clear-groups sh "$away/tests/iofault/io_faults.sh" \
        "$away/groundwork" unreadable
    exit $?
  fi
  if cat "$ex" > /dev/null 2>&1; then
    cannot_run "running as $(id -un), who can read a file with mode 000 (and setpriv is missing, or this is already the run as nobody); run as an ordinary user to test this"
  fi
  broken_pack "cannot be (read|opened): Permission denied" ;;
nofont)
  mkdir "$tmp/data"
  ln -s "$GROUNDWORK_DATA_DIR/content" "$tmp/data/content"
  [ -e "$GROUNDWORK_DATA_DIR/assets" ] && ln -s "$GROUNDWORK_DATA_DIR/assets" "$tmp/data/assets"
  # no fonts/ in the data folder (as installed): the system's Noto fonts, no complaint
  GROUNDWORK_DATA_DIR="$tmp/data" timeout 30 "$gw" render --exercise box-breathing --at 3 \
      --size 640x360 --out "$tmp/f.png" > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 0 ] || fail "render exited $rc with the system's fonts"
  ! grep -q "Cannot open the font" "$tmp/err" || fail "the system's fonts (${GW_SYSTEM_FONT_DIR:-/usr/share/fonts/truetype/noto}) were not used"
  # a fonts/ folder of its own, empty: that one is used, and the fonts are missing
  mkdir "$tmp/data/fonts"; rm -f "$tmp/f.png"
  GROUNDWORK_DATA_DIR="$tmp/data" timeout 30 "$gw" render --exercise box-breathing --at 3 \
      --size 640x360 --out "$tmp/f.png" > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 0 ] || fail "render exited $rc without fonts"
  [ -s "$tmp/f.png" ] || fail "render wrote no frame without fonts"
  grep -q "Cannot open the font .*NotoSans" "$tmp/err" || fail "no clear message about the missing font"
  # GROUNDWORK_FONT_DIR names the folder outright
  GROUNDWORK_FONT_DIR="$tmp/nofonts" timeout 30 "$gw" render --exercise box-breathing --at 3 \
      --size 640x360 --out "$tmp/f2.png" > /dev/null 2> "$tmp/err2"; rc=$?
  [ $rc -eq 0 ] && [ -s "$tmp/f2.png" ] || fail "render exited $rc with GROUNDWORK_FONT_DIR naming no fonts"
  grep -q "Cannot open the font $tmp/nofonts/NotoSans" "$tmp/err2" || fail "GROUNDWORK_FONT_DIR was not used: $(head -1 "$tmp/err2")"
  echo "ok (nofont): frame written; $(head -1 "$tmp/err")" ;;
noaudio)
  # The live program, on the dummy video driver, for a few seconds: it must say there is
  # no sound and still be running when it is stopped (timeout's 124).
  SDL_AUDIODRIVER=nonexistent timeout 5 "$gw" --exercise box-breathing > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 124 ] || fail "the program stopped (exit $rc) instead of running on without sound"
  grep -q "No sound: .*continuing without sound" "$tmp/err" || fail "no clear message about the missing audio device"
  echo "ok (noaudio): $(head -1 "$tmp/err")" ;;
nomixer)
  GW_MIXER_LIB=/nonexistent/libSDL2_mixer-2.0.so.0 timeout 5 "$gw" --exercise pmr-4 > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 124 ] || fail "the program stopped (exit $rc) instead of running on without SDL_mixer"
  grep -q "No sound: SDL_mixer cannot be loaded (.*/nonexistent/libSDL2_mixer-2.0.so.0.*continuing without sound" "$tmp/err" ||
    fail "no clear message about the missing SDL_mixer"
  echo "ok (nomixer): $(head -1 "$tmp/err")"
  GW_MIXER_LIB=libSDL2_ttf-2.0.so.0 timeout 5 "$gw" --exercise pmr-4 > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 124 ] || fail "the program stopped (exit $rc) with a library that is not SDL_mixer"
  grep -q "No sound: libSDL2_ttf-2.0.so.0 has no Mix_Linked_Version (continuing without sound)" "$tmp/err" ||
    fail "no clear message about a library that is not SDL_mixer"
  echo "ok (nomixer): $(head -1 "$tmp/err")" ;;
*)
  echo "usage: io_faults.sh GROUNDWORK dangling|fifo|fifo_pack|special|fifo_config|lying|unreadable|nofont|noaudio|nomixer"; exit 2 ;;
esac
