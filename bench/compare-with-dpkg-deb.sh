#!/usr/bin/env bash
# Packages the same generated payload with wazo-deb and with dpkg-deb, in the same run, and prints the
# machine and a Markdown table of wall time, CPU time and peak memory (RSS) per tool and compression.
#
#   bench/compare-with-dpkg-deb.sh [FILES] [MiB] [RUNS] [XZ_MiB]
#
#   FILES   files in the payload (default 500)
#   MiB     payload size for gzip, zstd and none (default 50)
#   RUNS    runs per cell; the table shows the median time and the highest peak RSS (default 3)
#   XZ_MiB  payload size for xz, a subset of the same files; 1 run: xz at level 6 is slow for both
#           tools (default 10)
#
# Needs: a built cli/target/wazo-deb.jar (mvn -B -q package -DskipTests), or WAZODEB_JAR=/path/to/a.jar to
# measure another build (e.g. an older one, for a before/after), dpkg-deb, GNU time (/usr/bin/time).
#
# What is timed, each as one whole command from a cold JVM / fresh shell, on the same input:
#   wazo-deb  `java -jar wazo-deb.jar package PLUGIN`: validates plugin.yml, runs `wazo/rules build` (a
#             no-op) and `wazo/rules package`, which does `cp -a` of the payload into ${pkgdir}, copies the
#             small wazo/ folder, writes data.tar (with every file's MD5 for md5sums), the control member
#             and the .deb, and reports its SHA-256.
#   dpkg-deb  `bash -c '...'`: makes a fresh staging dir, `cp -a` of the same payload and wazo/ folder to
#             the same paths, writes DEBIAN/control, then `dpkg-deb --root-owner-group -Z<c> -z<level>
#             --build`. It writes no md5sums (dh_md5sums would, in a real Debian build).
# Both use the same compression level, printed in the table (dpkg-deb's defaults per its man page in
# dpkg 1.21: gzip 9, xz 6, zstd 3; wazo-deb's defaults are the same).
set -euo pipefail

files=${1:-500}
mib=${2:-50}
runs=${3:-3}
xz_mib=${4:-10}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="${WAZODEB_JAR:-$here/cli/target/wazo-deb.jar}"
[ -f "$jar" ] || { echo "$jar is missing: build the CLI first (mvn -B -q package -DskipTests)" >&2; exit 2; }
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time, Debian package time) is needed" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000

echo "generating $files files, ~$mib MiB ..." >&2
payload="$work/payload"
per_file=$(( mib * 1024 * 1024 / files ))
python3 - "$payload" "$files" "$per_file" <<'PY'
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
# The xz payload: the first directories of the same files, about XZ_MiB MiB.
xz_dirs=$(( (xz_mib * 50 + mib - 1) / mib )); [ "$xz_dirs" -gt 50 ] && xz_dirs=50
xz_payload="$work/payload-xz"
mkdir -p "$xz_payload"
for i in $(seq 0 $((xz_dirs - 1))); do
    d=$(printf 'd%02d' "$i"); [ -d "$payload/$d" ] && cp -a "$payload/$d" "$xz_payload/"
done

# A plugin per payload: a small wazo/ folder whose package step copies the payload, as real plugins do.
make_plugin() { # dir payload
    mkdir -p "$1/wazo"
    printf 'name: bench\nnamespace: wazodeb\nversion: "1.0"\n' > "$1/wazo/plugin.yml"
    cat > "$1/wazo/rules" <<RULES
#!/bin/sh
set -e
case "\$1" in
    build) ;;
    package) mkdir -p "\$pkgdir/usr/share/bench" && cp -a "$2/." "\$pkgdir/usr/share/bench/" ;;
    install|uninstall) ;;
    *) echo "unknown \$1" >&2; exit 1 ;;
esac
RULES
    chmod 0755 "$1/wazo/rules"
}
make_plugin "$work/plugin" "$payload"
make_plugin "$work/plugin-xz" "$xz_payload"

# The dpkg-deb side: the same copies into a fresh staging dir, a control file, then dpkg-deb.
cat > "$work/dpkg-deb-build.sh" <<'SH'
#!/bin/bash
# dpkg-deb-build.sh PAYLOAD PLUGIN COMPRESSION LEVEL OUT.deb
set -e
stage=$(mktemp -d "$(dirname "$5")/stage.XXXXXX")
mkdir -p "$stage/DEBIAN" "$stage/usr/share/bench" "$stage/usr/lib/wazo-plugind/plugins/wazodeb/bench"
cp -a "$1/." "$stage/usr/share/bench/"
cp -a "$2/wazo" "$stage/usr/lib/wazo-plugind/plugins/wazodeb/bench/"
printf 'Package: wazo-plugind-bench-wazodeb\nVersion: 1.0\nArchitecture: all\nMaintainer: Bench <bench@example.org>\nDescription: benchmark package\n' > "$stage/DEBIAN/control"
if [ "$3" = none ]; then level=; else level=-z$4; fi
dpkg-deb --root-owner-group -Z"$3" $level --build "$stage" "$5" >/dev/null
rm -rf "$stage"
SH
chmod 0755 "$work/dpkg-deb-build.sh"

time_once() { # command... -> "wall user+sys maxrss_kib"
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time"
}

measure() { # runs command... -> "median_wall median_cpu max_rss_kib deb_size"
    local n=$1; shift
    : > "$work/samples"
    for _ in $(seq "$n"); do
        rm -rf "$work/out" && mkdir -p "$work/out"
        time_once "$@" >> "$work/samples"
    done
    local size=0
    if ls "$work"/out/*.deb >/dev/null 2>&1; then size=$(stat -c %s "$work"/out/*.deb); fi
    echo "$(sort -n -k1 "$work/samples" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') \
$(sort -n -k2 "$work/samples" | awk '{a[NR]=$2} END {print a[int((NR+1)/2)]}') \
$(sort -n -k3 "$work/samples" | tail -1 | cut -d' ' -f3) $size"
}

echo "## Machine"
echo
echo '```'
echo "date:      $(date -u +%Y-%m-%dT%H:%MZ)"
echo "cpu:       $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "memory:    $(awk '/MemTotal/ {printf "%d MiB", $2/1024}' /proc/meminfo)"
echo "java:      $(java -version 2>&1 | head -1), $(java -version 2>&1 | sed -n 3p)"
echo "dpkg-deb:  $(dpkg-deb --version | head -1)"
echo "wazo-deb:  $(java -jar "$jar" --version 2>&1 | head -1)"
echo "payload:   $files files, $(du -sm "$payload" | cut -f1) MiB (xz: $(find "$xz_payload" -type f | wc -l) files, $(du -sm "$xz_payload" | cut -f1) MiB)"
echo "runs:      $runs per cell (xz: 1); median wall and CPU time, highest peak RSS; SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"
echo '```'
echo

read -r s cpu kib _ < <(measure "$runs" java -jar "$jar" --version)
printf 'JVM start-up alone (`java -jar wazo-deb.jar --version`): %s s wall, %s s CPU, %s MiB peak RSS\n\n' \
    "$s" "$cpu" "$((kib / 1024))"

printf '| compression | level | tool | wall (s) | CPU user+sys (s) | peak RSS (MiB) | .deb size (bytes) |\n'
printf '|---|---|---|---|---|---|---|\n'
for z in gzip xz zstd none; do
    case $z in gzip) level=9 ;; xz) level=6 ;; zstd) level=3 ;; none) level=- ;; esac
    n=$runs; plugin="$work/plugin"; data="$payload"
    if [ "$z" = xz ]; then n=1; plugin="$work/plugin-xz"; data="$xz_payload"; fi
    opts=(--compression "$z"); [ "$z" != none ] && opts+=(--compression-level "$level")
    read -r s cpu kib size < <(measure "$n" java -jar "$jar" package "$plugin" -o "$work/out" "${opts[@]}" -q)
    printf '| %s | %s | wazo-deb | %s | %s | %s | %s |\n' "$z" "$level" "$s" "$cpu" "$((kib / 1024))" "$size"
    read -r s cpu kib size < <(measure "$n" "$work/dpkg-deb-build.sh" "$data" "$plugin" "$z" "$level" "$work/out/x.deb")
    printf '| %s | %s | dpkg-deb | %s | %s | %s | %s |\n' "$z" "$level" "$s" "$cpu" "$((kib / 1024))" "$size"
done
