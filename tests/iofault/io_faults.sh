#!/bin/sh
# I/O fault tests (issue 11): each fault must give a clear message and the program
# must go on. Usage: io_faults.sh GROUNDWORK CASE; CASE is one of
#   dangling  an exercise file that is a dangling symlink
#   fifo      an exercise file that is a FIFO (must not hang on open)
#   unreadable an exercise file with mode 000 (as root, who reads it anyway, the case
#             reruns as nobody through setpriv; if that cannot be done, exit 77: skipped)
#   nofont    GROUNDWORK_DATA_DIR without fonts: render still writes the frame
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

cp -r "$src/packs/good/breathing" "$tmp/p" || exit 1
ex="$tmp/p/exercises/box.json"
[ -f "$ex" ] || fail "tests/packs/good/breathing has no exercises/box.json"
case "$case" in
dangling)
  rm "$ex"; ln -s "$tmp/nowhere.json" "$ex"
  broken_pack "was not found in the pack folder" ;;
fifo)
  rm "$ex"; mkfifo "$ex" || fail "mkfifo"
  broken_pack "is not a regular file" ;;
unreadable)
  chmod 000 "$ex"
  if cat "$ex" > /dev/null 2>&1 && [ "$(id -u)" = 0 ] && [ -z "${GW_IOFAULT_AS_NOBODY:-}" ] &&
     command -v setpriv > /dev/null; then
    # root reads anything: run this case again as the unprivileged user nobody
    chmod -R u+rwx "$tmp"; rm -rf "$tmp"; trap - EXIT
    echo "running as root: repeating this case as nobody (setpriv)"
    exec env GW_IOFAULT_AS_NOBODY=1 HOME=/tmp XDG_DATA_HOME=/tmp/gw-nobody/data \
         XDG_CONFIG_HOME=/tmp/gw-nobody/config \
         setpriv --reuid=65534 --regid=65534 --clear-groups sh "$0" "$gw" unreadable
  fi
  if cat "$ex" > /dev/null 2>&1; then
    echo "SKIP (unreadable): running as $(id -un), who can read a file with mode 000; run as an ordinary user to test this"
    exit 77
  fi
  broken_pack "cannot be (read|opened): Permission denied" ;;
nofont)
  mkdir "$tmp/data"
  ln -s "$GROUNDWORK_DATA_DIR/content" "$tmp/data/content"
  [ -e "$GROUNDWORK_DATA_DIR/assets" ] && ln -s "$GROUNDWORK_DATA_DIR/assets" "$tmp/data/assets"
  GROUNDWORK_DATA_DIR="$tmp/data" timeout 30 "$gw" render --exercise box-breathing --at 3 \
      --size 640x360 --out "$tmp/f.png" > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 0 ] || fail "render exited $rc without fonts"
  [ -s "$tmp/f.png" ] || fail "render wrote no frame without fonts"
  grep -q "Cannot open the font .*NotoSans" "$tmp/err" || fail "no clear message about the missing font"
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
  echo "usage: io_faults.sh GROUNDWORK dangling|fifo|unreadable|nofont|noaudio|nomixer"; exit 2 ;;
esac
