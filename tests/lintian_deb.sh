#!/bin/sh
# Builds the .deb as a clinic's IT would (cpack -G DEB) and runs lintian on it: no error
# and no warning may be reported (overrides only in packaging/debian/lintian-overrides,
# each with its reason). Also: the package's version is the changelog's top entry, the
# program is stripped and its debug symbols are in the groundwork-dbgsym .ddeb (by build
# ID), the Noto fonts are depended on (fonts-noto-core), not copied.
# Usage: lintian_deb.sh BUILD-DIR SOURCE-DIR
set -eu
build=$1; src=$2
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$build"
cpack -G DEB -B "$root/pkg" > "$root/cpack.log" 2>&1 || { cat "$root/cpack.log"; exit 1; }
deb=$(ls "$root"/pkg/groundwork_*.deb)
ddeb=$(ls "$root"/pkg/groundwork-dbgsym_*.ddeb 2>/dev/null) || fail "no debug symbols package (groundwork-dbgsym_*.ddeb): is the build without -g? (CMAKE_BUILD_TYPE RelWithDebInfo)"
echo "built $(basename "$deb") and $(basename "$ddeb")"

ver=$(dpkg-deb -f "$deb" Version)
clv=$(dpkg-parsechangelog -l "$src/packaging/debian/changelog" -S Version)
[ "$ver" = "$clv" ] || fail "the package is $ver but packaging/debian/changelog's top entry is $clv: add an entry"
dpkg-deb -f "$deb" Depends | grep -q 'fonts-noto-core' || fail "Depends lacks fonts-noto-core: $(dpkg-deb -f "$deb" Depends)"
if dpkg-deb -c "$deb" | grep -E '\.(ttf|otf)$'; then fail "fonts are shipped (above): they come from fonts-noto-core"; fi

dpkg-deb -x "$deb" "$root/inst"
dpkg-deb -x "$ddeb" "$root/dbg"
file -L "$root/inst/usr/bin/groundwork" | grep -q ', stripped' || fail "usr/bin/groundwork is not stripped: $(file -L "$root/inst/usr/bin/groundwork")"
id=$(file -L "$root/inst/usr/bin/groundwork" | sed -n 's/.*BuildID\[[a-z0-9]*\]=\([0-9a-f]*\).*/\1/p')
[ -n "$id" ] || fail "usr/bin/groundwork has no build ID"
dbg="$root/dbg/usr/lib/debug/.build-id/$(echo "$id" | cut -c1-2)/$(echo "$id" | cut -c3-).debug"
[ -f "$dbg" ] || fail "the .ddeb has no debug file for build ID $id: $(dpkg-deb -c "$ddeb" | grep debug)"
file -L "$dbg" | grep -q 'with debug_info' || fail "$dbg holds no debug_info: $(file -L "$dbg")"
echo "ok: stripped, debug symbols by build ID $id"

# lintian as IT staff run it; root is told "not recommended", which is no finding
lintian --fail-on error,warning "$deb" "$ddeb" > "$root/lintian.txt" 2>&1; rc=$?
grep -v 'running with root privileges' "$root/lintian.txt" || true
[ $rc -eq 0 ] || fail "lintian exited $rc (errors or warnings above)"
if grep -Eq '^[EW]: ' "$root/lintian.txt"; then fail "lintian reports errors or warnings"; fi
echo "ok: lintian $(lintian --version | awk '{print $2}') reports no error and no warning on $(basename "$deb") and $(basename "$ddeb")"
