#!/bin/sh
# Times `wazo-deb provd build` through the installed command (the distribution archive's launcher, as users run
# it) against the reference build (provd-upstream.py: rsync per target, tar.bz2, plugins.db) on a generated tree
# the size of wazo-provd-plugins (ProvdBench.java), and prints each one's wall time and peak RSS.
# Usage: bench/provd-bench.sh [WORK_FOLDER]   (after `mvn -pl distribution -am package`)
# WAZO_DEB_JAVA_OPTIONS is passed on to the launcher, e.g. WAZO_DEB_JAVA_OPTIONS=-Xmx64m.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=${1:-$(mktemp -d)}
archive=$(ls "$here"/../distribution/target/wazo-deb-*.tar.gz | head -n 1)
rm -rf "$work/tree" "$work/installed" "$work/upstream" "$work/wazo-deb"
mkdir -p "$work/installed"
tar -xzf "$archive" -C "$work/installed"
launcher=$(ls "$work"/installed/*/bin/wazo-deb)
WAZO_DEB_WRITE_CDS=1 "$launcher" --version > /dev/null 2>&1 || true
java "$here/src/main/java/io/github/wazodeb/bench/ProvdBench.java" "$work/tree"

measure() {
    name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" > "$work/$name.log" 2>&1
    read -r seconds kib < "$work/$name.time"
    echo "$name: ${seconds} s, peak RSS $((kib / 1024)) MiB"
}

measure upstream python3 "$here/provd-upstream.py" "$work/tree" "$work/upstream"
measure wazo-deb "$launcher" provd build "$work/tree" -o "$work/wazo-deb/testing" -q
echo "archives: upstream $(du -sk "$work/upstream/testing" | cut -f1) KiB, wazo-deb $(du -sk "$work/wazo-deb/testing" | cut -f1) KiB,"\
     "$(ls "$work/wazo-deb/testing" | grep -c 'tar.bz2$') plugins"
