#!/usr/bin/env bash
# check-deb.sh: installs the release .deb into a CLEAN Debian 12 root and checks it.
#
#   bash installer/check-deb.sh [--no-build]
#
# 1. builds the package (build/release/packages/cpis-desk_*.deb) unless --no-build;
# 2. makes a fresh bookworm root with debootstrap (minbase; the pristine root is cached as
#    build/debcheck/bookworm-minbase.tar.gz and apt's downloads in build/debcheck/apt, so a
#    rerun takes a minute, not ten);
# 3. `apt-get install -y ./cpis-desk_*.deb` inside it (Recommends included, as a user gets);
# 4. `cpis-desk --version` (no display there: it must not need one) and `cpis --help`;
# 5. checks the desktop entry, icon and AppStream metainfo are installed (and validates them
#    on the host with appstreamcli and desktop-file-validate);
# 6. puts user data in a home folder, `apt-get remove -y cpis-desk`, and checks that no
#    file of `dpkg -L cpis-desk` remains while the user data does.
# Needs root (chroot, mount) and the Debian archive. Exit status 0 only if every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
work=$src/build/debcheck
root=$work/root
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

[[ $(id -u) -eq 0 ]] || { echo "check-deb: needs root (debootstrap, chroot)" >&2; exit 1; }
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
step() { echo; echo "== $*"; }

need=()
for tool in debootstrap appstreamcli desktop-file-validate; do
  command -v "$tool" >/dev/null || need+=("$tool")
done
if [[ ${#need[@]} -gt 0 ]]; then
  pkgs=${need[*]}
  pkgs=${pkgs//appstreamcli/appstream}
  pkgs=${pkgs//desktop-file-validate/desktop-file-utils}
  step "installing $pkgs on the host"
  apt-get install -y -qq $pkgs >/dev/null
fi

if [[ ${1:-} != --no-build ]]; then
  step "building the release package"
  bash scripts/build.sh release package | tail -n 3
fi
deb=$(ls -t build/release/packages/cpis-desk_*.deb 2>/dev/null | head -n 1 || true)
[[ -n $deb ]] || { echo "check-deb: no package in build/release/packages" >&2; exit 1; }
echo "package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends

step "host checks of the packaged metadata"
meta=$(mktemp -d)
trap 'rm -rf "$meta"' EXIT
dpkg-deb -x "$deb" "$meta"
if appstreamcli validate --no-net "$meta"/usr/share/metainfo/*.metainfo.xml; then
  pass "appstreamcli validate"
else
  fail "appstreamcli validate"
fi
if desktop-file-validate "$meta"/usr/share/applications/*.desktop; then
  pass "desktop-file-validate"
else
  fail "desktop-file-validate"
fi
app_id=$(sed -n 's:.*<id>\(.*\)</id>.*:\1:p' "$meta"/usr/share/metainfo/*.metainfo.xml)
if [[ -f $meta/usr/share/applications/$app_id.desktop ]]; then
  pass "metainfo id $app_id matches the desktop entry"
else
  fail "no desktop entry $app_id.desktop for metainfo id $app_id"
fi

step "clean Debian 12 root"
mkdir -p "$work/apt"
tarball=$work/bookworm-minbase.tar.gz
if [[ ! -f $tarball ]]; then
  echo "debootstrap bookworm (first run only; cached as $tarball)"
  rm -rf "$work/pristine"
  debootstrap --variant=minbase bookworm "$work/pristine" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 20 "$work/debootstrap.log"; exit 1; }
  tar -C "$work/pristine" -czf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
  rm -rf "$work/pristine"
fi

mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  rm -rf "$meta"
}
trap cleanup EXIT
rm -rf "$root"
mkdir -p "$root"
tar -C "$root" -xzf "$tarball"
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
# No daemons start inside the root.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
for m in proc sys dev dev/pts; do
  mount --bind "/$m" "$root/$m" && mounted+=("$root/$m")
done
mount --bind "$work/apt" "$root/var/cache/apt/archives" && mounted+=("$root/var/cache/apt/archives")
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive "$@"; }
echo "root: $(cat "$root/etc/debian_version"), $(in_root dpkg-query -W -f='.\n' | wc -l) packages"
[[ -z $(in_root dpkg-query -W -f='${Package}\n' cpis-desk 2>/dev/null || true) ]] &&
  pass "the root has no cpis-desk before the install"

step "apt-get install -y ./$(basename "$deb")"
cp "$deb" "$root/tmp/"
in_root apt-get update -qq
before=$(in_root dpkg-query -W -f='${Package}\n' | wc -l)
if in_root sh -c "cd /tmp && apt-get install -y -q ./$(basename "$deb")" >"$work/install.log" 2>&1; then
  after=$(in_root dpkg-query -W -f='${Package}\n' | wc -l)
  pass "installed with $((after - before - 1)) dependencies ($(grep -c '^Unpacking' "$work/install.log") unpacked)"
else
  tail -n 30 "$work/install.log"
  fail "apt-get install"
  exit 1
fi
grep -iE '^(W|E):|warning' "$work/install.log" | grep -v 'debconf' || true

step "running the programs (no display)"
if out=$(in_root cpis-desk --version 2>&1); then
  echo "$ cpis-desk --version"; echo "$out"
  [[ $out == *"$(dpkg-deb --field "$deb" Version)"* ]] && pass "cpis-desk --version" ||
    fail "cpis-desk --version does not print the package version"
else
  echo "$out"; fail "cpis-desk --version exited non-zero"
fi
if out=$(in_root cpis --help 2>&1); then
  echo "$ cpis --help"; echo "$out" | head -n 12
  pass "cpis --help"
else
  echo "$out"; fail "cpis --help exited non-zero"
fi
if out=$(in_root cpis-desk --help 2>&1) && [[ $out == *--training* ]]; then
  pass "cpis-desk --help"
else
  echo "$out"; fail "cpis-desk --help"
fi

step "installed files"
in_root dpkg -L cpis-desk | sort >"$work/dpkg-L.txt"
for f in /usr/bin/cpis-desk /usr/bin/cpis /usr/share/applications/$app_id.desktop \
  /usr/share/metainfo/$app_id.metainfo.xml /usr/share/icons/hicolor/256x256/apps/cpis-desk.png \
  /usr/share/icons/hicolor/scalable/apps/cpis-desk.svg /usr/share/doc/cpis-desk/copyright; do
  [[ -f $root$f ]] && pass "$f" || fail "$f missing"
done
echo "$(grep -c . "$work/dpkg-L.txt") paths in dpkg -L cpis-desk"

step "user data, then apt-get remove -y cpis-desk"
in_root useradd -m nurse
in_root su nurse -c 'mkdir -p ~/.config/cpis-desk ~/.local/share/cpis-desk/cpis-desk &&
  printf "[ui]\nlanguage=cy\n" > ~/.config/cpis-desk/cpis-desk.conf &&
  head -c 4096 /dev/urandom > ~/.local/share/cpis-desk/cpis-desk/audit.db'
userdata=(/home/nurse/.config/cpis-desk/cpis-desk.conf
  /home/nurse/.local/share/cpis-desk/cpis-desk/audit.db)
sums=$(cd "$root" && sha256sum "${userdata[@]#/}")
if in_root apt-get remove -y -q cpis-desk >"$work/remove.log" 2>&1; then
  pass "apt-get remove"
else
  tail -n 20 "$work/remove.log"; fail "apt-get remove"
fi
state=$(in_root dpkg-query -W -f='${db:Status-Abbrev}' cpis-desk 2>/dev/null || true)
[[ -z $state || $state == "rc "* || $state == "un "* ]] && pass "package state after remove: '${state:-gone}'" ||
  fail "package state after remove: '$state'"
left=0
while read -r p; do
  [[ -z $p ]] && continue
  if [[ -L $root$p || -f $root$p ]]; then
    echo "left behind: $p"; left=$((left + 1))
  elif [[ -d $root$p ]] && ! in_root dpkg -S "$p" >/dev/null 2>&1; then
    echo "left behind (directory no package owns): $p $(ls -A "$root$p" | head -n 3 | tr '\n' ' ')"
    left=$((left + 1))
  fi
done <"$work/dpkg-L.txt"
[[ $left -eq 0 ]] && pass "no file of the package remains" || fail "$left path(s) remain"
if (cd "$root" && echo "$sums" | sha256sum --quiet -c -); then
  pass "user data untouched (${#userdata[@]} files)"
else
  fail "user data changed or gone"
fi

echo
if [[ $failures -eq 0 ]]; then
  echo "check-deb: all checks passed"
else
  echo "check-deb: $failures check(s) failed"
  exit 1
fi
