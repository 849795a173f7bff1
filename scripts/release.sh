#!/usr/bin/env bash
# Builds a self-contained `greffe` for Linux x86_64 and packages it (docs/install.md).
#
#   scripts/release.sh                 static binary, man page, completions, then dist/greffe_VERSION_amd64.deb and
#                                      dist/greffe-VERSION-linux-x86_64.tar.gz
#   scripts/release.sh --binary-only   the static binary only, checked with ldd
#   scripts/release.sh --check-static  what the test command runs: the same static link, unoptimised (-Onone, its own
#                                      folder .build/static-check), checked with ldd; a third less CPU than the
#                                      optimised build, and the property checked (no shared Swift, Foundation or LMDB)
#                                      does not depend on optimisation
#   scripts/release.sh --clean-root    everything above, then installs the .deb into a fresh minimal Debian root made
#                                      with debootstrap (no Swift there) and runs the sample case in it; the transcript
#                                      goes to dist/clean-root.log (by hand, as root, with network: not in CI)
#
# Self-contained: Swift's standard library and Foundation are linked statically (--static-swift-stdlib), and so is
# LMDB (Debian's liblmdb.a, from liblmdb-dev): this build alone finds an `lmdb.pc` of its own first on PKG_CONFIG_PATH,
# whose `-L` names a folder holding only liblmdb.a, so `-llmdb` resolves to the archive there; every other build reads
# Debian's lmdb.pc (`-L/usr/lib/x86_64-linux-gnu`) and links liblmdb.so. The shipped rulebooks are compiled into the
# binary (Sources/Registry/Ladders/EmbeddedRulebooks.swift).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=package
case "${1:-}" in
    "") ;;
    --binary-only) mode=binary ;;
    --check-static) mode=check ;;
    --clean-root) mode=clean-root ;;
    *) echo "usage: scripts/release.sh [--binary-only | --check-static | --clean-root]" >&2; exit 64 ;;
esac

scripts/setup.sh >&2
python3 scripts/embed_rulebooks.py --check

version=$(sed -n 's/^ *version: "\([0-9][0-9.]*\)",$/\1/p' Sources/GreffeCLI/GreffeCommand.swift)
[ -n "$version" ] || { echo "release: no version in Sources/GreffeCLI/GreffeCommand.swift" >&2; exit 1; }

# The folder with only the static archive, and the lmdb.pc that points the linker at it.
archive=$(dpkg -L liblmdb-dev | grep '/liblmdb\.a$' | head -1)
[ -f "$archive" ] || { echo "release: liblmdb.a not found (apt-get install liblmdb-dev)" >&2; exit 1; }
static_dir="$PWD/.build/static-lmdb"
mkdir -p "$static_dir"
ln -sf "$archive" "$static_dir/liblmdb.a"
cat > "$static_dir/lmdb.pc" <<PC
Name: liblmdb
Description: LMDB, linked statically into the release binary (scripts/release.sh)
Version: $(pkg-config --modversion lmdb)
Libs: -L$static_dir -llmdb
Cflags: $(pkg-config --cflags lmdb)
PC

scratch=.build/release-static
optimisation=()
if [ "$mode" = check ]; then
    scratch=.build/static-check
    optimisation=(-Xswiftc -Onone)
fi
start=$(date +%s)
PKG_CONFIG_PATH="$static_dir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" \
    swift build -c release "${optimisation[@]}" --product greffe --scratch-path "$scratch" --static-swift-stdlib >&2
binary="$scratch/release/greffe"
echo "release: built $binary in $(( $(date +%s) - start )) s" >&2

# The property the test command checks: no Swift, Foundation, dispatch, ICU or LMDB shared library is needed.
check_static() {
    local libs
    libs=$(ldd "$1")
    if grep -Eiq 'swift|foundation|dispatch|blocksruntime|icu|lmdb' <<<"$libs"; then
        echo "release: $1 still needs shared libraries it should carry:" >&2
        grep -Ei 'swift|foundation|dispatch|blocksruntime|icu|lmdb' <<<"$libs" >&2
        return 1
    fi
    echo "release: ldd $1: only system libraries:" >&2
    awk '{print "  " $1}' <<<"$libs" >&2
}
check_static "$binary"
case "$mode" in binary | check) exit 0 ;; esac

dist=dist
rm -rf "$dist"
mkdir -p "$dist"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Man page (from the command tree argument-parser dumps) and completions (argument-parser's own generators).
"$binary" --experimental-dump-help > "$work/help.json"
python3 scripts/manpage.py "$work/help.json" "$version" > "$work/greffe.1"
for shell in bash zsh fish; do "$binary" --generate-completion-script "$shell" > "$work/completion.$shell"; done
french_docs=(docs/install.md docs/partage.md docs/cli.md docs/audit.md docs/draw.md docs/rulebooks.md)

# The .deb: binary, man page, completions, the French docs; Depends computed from what ldd lists.
root="$work/deb"
install -D -m 0755 "$binary" "$root/usr/bin/greffe"
strip --strip-unneeded "$root/usr/bin/greffe"
install -D -m 0644 "$work/greffe.1" "$root/usr/share/man/man1/greffe.1"
gzip -9n "$root/usr/share/man/man1/greffe.1"
install -D -m 0644 "$work/completion.bash" "$root/usr/share/bash-completion/completions/greffe"
install -D -m 0644 "$work/completion.zsh" "$root/usr/share/zsh/vendor-completions/_greffe"
install -D -m 0644 "$work/completion.fish" "$root/usr/share/fish/vendor_completions.d/greffe.fish"
install -d "$root/usr/share/doc/greffe"
install -m 0644 README.md "${french_docs[@]}" "$root/usr/share/doc/greffe/"
cp -r docs/examples "$root/usr/share/doc/greffe/exemples"
chmod -R u=rwX,go=rX "$root/usr/share/doc/greffe/exemples"
depends=$(ldd "$root/usr/bin/greffe" | awk '$3 ~ /^\// {print $3}' | while read -r lib; do
    dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib"; done | cut -d: -f1 | sort -u | paste -sd, - | sed 's/,/, /g')
size=$(du -sk "$root/usr" | cut -f1)
install -d "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: greffe
Version: $version
Architecture: amd64
Maintainer: Greffe <greffe@localhost>
Installed-Size: $size
Depends: $depends
Section: utils
Priority: optional
Description: registre des procédures disciplinaires d'une association
 Greffe tient le registre des procédures disciplinaires d'une association
 (journal d'événements en ajout seul, chaîné par SHA-256, dans LMDB) :
 dossiers, délais, votes, tirage au sort vérifiable, audit, sauvegardes.
CONTROL
deb="$dist/greffe_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >&2

# The tarball: the same files, for any Linux x86_64 with glibc, unpacked anywhere.
name="greffe-$version-linux-x86_64"
tree="$work/$name"
install -D -m 0755 "$root/usr/bin/greffe" "$tree/greffe"
install -D -m 0644 "$work/greffe.1" "$tree/greffe.1"
install -D -m 0644 "$work/completion.bash" "$tree/completions/greffe.bash"
install -D -m 0644 "$work/completion.zsh" "$tree/completions/_greffe"
install -D -m 0644 "$work/completion.fish" "$tree/completions/greffe.fish"
cp -r "$root/usr/share/doc/greffe" "$tree/doc"
tar -C "$work" --owner=0 --group=0 -czf "$dist/$name.tar.gz" "$name"
(cd "$dist" && sha256sum "$(basename "$deb")" "$name.tar.gz" > SHA256SUMS)
echo "release: $deb, $dist/$name.tar.gz (Depends: $depends)" >&2
[ "$mode" = clean-root ] || exit 0

# A fresh minimal Debian root, no Swift in it: install the .deb, run the sample case, read the man page.
[ "$(id -u)" = 0 ] || { echo "release: --clean-root needs root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || apt-get install -y debootstrap >&2
chroot_dir=$(mktemp -d /var/tmp/greffe-clean-root.XXXXXX)
chmod 0755 "$chroot_dir"  # it becomes "/": man-db's trigger runs as the user man and must traverse it
cleanup_root() { umount "$chroot_dir/proc" 2>/dev/null || true; rm -rf "$chroot_dir" "$work"; }
trap cleanup_root EXIT
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
debootstrap --variant=minbase --include=man-db "$suite" "$chroot_dir" >&2
mount -t proc proc "$chroot_dir/proc" 2>/dev/null || true
cp "$deb" "$chroot_dir/tmp/"
cp scripts/clean_root_case.sh "$chroot_dir/tmp/"
log="$dist/clean-root.log"
{
    echo "# $(date -u +%FT%TZ) — Debian $suite minbase root made by debootstrap; no Swift toolchain in it"
    echo "\$ ls /usr/lib/swift /usr/bin/swift"
    chroot "$chroot_dir" sh -c 'ls /usr/lib/swift /usr/bin/swift 2>&1 || true'
    echo "\$ dpkg -i /tmp/$(basename "$deb")"
    chroot "$chroot_dir" dpkg -i "/tmp/$(basename "$deb")" 2>&1
    chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root sh /tmp/clean_root_case.sh 2>&1
} | tee "$log"
echo "release: clean-root run passed; transcript in $log" >&2
