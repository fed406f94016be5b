#!/bin/sh
# Builds the .deb, unpacks it into a scratch root and runs the installed program from
# there: --version, validate on the installed content, and a headless play.
set -eu
build=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
cd "$build"
cpack -G DEB -B "$root/pkg" > "$root/cpack.log" 2>&1 || { cat "$root/cpack.log"; exit 1; }
deb=$(ls "$root"/pkg/groundwork_*.deb)
dpkg-deb -f "$deb" Depends | grep -q 'libsdl2-2.0-0' || { echo "Depends lacks SDL: $(dpkg-deb -f "$deb" Depends)"; exit 1; }
# SDL_mixer is loaded at run time (dpkg-shlibdeps cannot see it): named by hand
dpkg-deb -f "$deb" Depends | grep -q 'libsdl2-mixer-2.0-0' || { echo "Depends lacks SDL_mixer: $(dpkg-deb -f "$deb" Depends)"; exit 1; }
# the Noto fonts are fonts-noto-core's (the program finds them there), not copies
dpkg-deb -f "$deb" Depends | grep -q 'fonts-noto-core' || { echo "Depends lacks fonts-noto-core: $(dpkg-deb -f "$deb" Depends)"; exit 1; }
dpkg-deb -x "$deb" "$root/inst"
gw="$root/inst/usr/bin/groundwork"
export XDG_DATA_HOME="$root/home/data" XDG_CONFIG_HOME="$root/home/config"
unset GROUNDWORK_DATA_DIR
"$gw" --version | grep -q '^groundwork '
"$gw" validate "$root/inst/usr/share/groundwork/content/core"
"$gw" play --no-draw --exercise box-breathing --cycles 1 --trace "$root/t.jsonl"
grep -q '"event": "exercise_end", "id": "box-breathing", "completed": true' "$root/t.jsonl"
"$gw" render --exercise box-breathing --at 5 --size 640x360 --out "$root/f.png" 2> "$root/render.err"
if grep "Cannot open the font" "$root/render.err"; then echo "the installed program did not find the system's Noto fonts"; exit 1; fi
for f in usr/share/applications/org.groundwork.Groundwork.desktop \
         usr/share/metainfo/org.groundwork.Groundwork.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/org.groundwork.Groundwork.svg \
         usr/share/icons/hicolor/48x48/apps/org.groundwork.Groundwork.png \
         usr/share/man/man1/groundwork.1.gz \
         usr/share/doc/groundwork/copyright \
         usr/share/doc/groundwork/changelog.Debian.gz \
         usr/share/bash-completion/completions/groundwork; do
  [ -f "$root/inst/$f" ] || { echo "missing in the package: $f"; exit 1; }
done
echo "ok: $(basename "$deb") installs and runs"
