#!/usr/bin/env bash
# Packages the same generated plugin with wazo-deb and with dpkg-deb, in the same run, and prints a
# table of wall time and peak memory (RSS) per tool and compression.
#
#   bench/compare-with-dpkg-deb.sh [FILES] [MiB] [RUNS]
#
# Needs: a built cli/target/wazo-deb.jar (mvn -B -q package -DskipTests), dpkg-deb, GNU time (/usr/bin/time).
# The payload is FILES files of random-ish text totalling about MiB MiB, written once and reused. Both tools
# start from the same staged tree: wazo-deb runs with --skip-rules on a plugin whose wazo/ folder holds the
# payload; dpkg-deb builds the same tree placed at the same install path, plus a control file.
set -euo pipefail

files=${1:-2000}
mib=${2:-200}
runs=${3:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/cli/target/wazo-deb.jar"
[ -f "$jar" ] || { echo "build the CLI first: mvn -B -q package -DskipTests" >&2; exit 2; }
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time, Debian package time) is needed" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "generating $files files, ~$mib MiB ..." >&2
plugin="$work/plugin"
mkdir -p "$plugin/wazo/payload"
cat > "$plugin/wazo/plugin.yml" <<YML
name: bench
namespace: wazodeb
version: "1.0"
YML
printf '#!/bin/sh\nexit 0\n' > "$plugin/wazo/rules"
chmod 0755 "$plugin/wazo/rules"
per_file=$(( mib * 1024 * 1024 / files ))
python3 - "$plugin/wazo/payload" "$files" "$per_file" <<'PY'
import os, random, sys
root, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(42)
words = [''.join(rnd.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(rnd.randint(2, 9))) for _ in range(5000)]
for i in range(count):
    d = os.path.join(root, 'd%02d' % (i % 50))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 'f%05d.txt' % i), 'w') as f:
        out, n = [], 0
        while n < size:
            w = rnd.choice(words); out.append(w); n += len(w) + 1
        f.write(' '.join(out)[:size])
PY

# The same tree for dpkg-deb, at the path wazo-deb installs the wazo/ folder.
tree="$work/tree"
mkdir -p "$tree/DEBIAN" "$tree/usr/lib/wazo-plugind/plugins/wazodeb/bench"
cp -a "$plugin/wazo" "$tree/usr/lib/wazo-plugind/plugins/wazodeb/bench/"
cat > "$tree/DEBIAN/control" <<CTL
Package: wazo-plugind-bench-wazodeb
Version: 1.0
Architecture: all
Maintainer: Bench <bench@example.org>
Description: benchmark package
CTL

measure() { # label command... -> prints "seconds maxrss_kib"
    local best_s="" best_kib=""
    for _ in $(seq "$runs"); do
        rm -rf "$work/out" && mkdir -p "$work/out"
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
        read -r s kib < "$work/time"
        if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_kib=$kib; fi
    done
    echo "$best_s $best_kib $(stat -c %s "$work"/out/*.deb)"
}

export SOURCE_DATE_EPOCH=1700000000
printf '\npayload: %s files, %s MiB; best of %s runs\n\n' "$files" "$(du -sm "$plugin/wazo/payload" | cut -f1)" "$runs"
printf '| compression | tool | seconds | peak RSS (MiB) | .deb size (bytes) |\n|---|---|---|---|---|\n'
for z in gzip xz zstd none; do
    read -r s kib size < <(measure java -jar "$jar" package "$plugin" -o "$work/out" --skip-rules --compression "$z" -q)
    printf '| %s | wazo-deb | %s | %s | %s |\n' "$z" "$s" "$((kib / 1024))" "$size"
    read -r s kib size < <(measure dpkg-deb --root-owner-group -Z"$z" --build "$tree" "$work/out/x.deb")
    printf '| %s | dpkg-deb | %s | %s | %s |\n' "$z" "$s" "$((kib / 1024))" "$size"
done
