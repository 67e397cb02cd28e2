#!/bin/sh
# wazo-deb: runs wazo-deb.jar with a Java 17 or later runtime.
# The jar is found from this script's own location (links to the script followed), so the same launcher
# works installed (/usr/bin -> /usr/share/wazo-deb) and unpacked anywhere from the archive (bin -> lib).
#
# A short command's time is mostly the JVM's start, so this script starts few processes of its own
# (a subshell and readlink) before Java: everything else is done with the shell's builtins.
set -eu

fail() {
    printf 'wazo-deb: %s\n' "$*" >&2
    exit 1
}

install_hint="install a Java 17 or later runtime (Debian, Ubuntu: apt-get install default-jre-headless, or openjdk-17-jre-headless where the default is older) or set JAVA_HOME to one"

if [ -n "${JAVA_HOME:-}" ]; then
    java="$JAVA_HOME/bin/java"
    [ -x "$java" ] || fail "JAVA_HOME is $JAVA_HOME, but $java is not an executable: set JAVA_HOME to a Java 17 or later installation, or unset it to use the java on the PATH"
else
    java=
    IFS_SAVED=$IFS
    IFS=:
    for dir in $PATH; do
        if [ -n "$dir" ] && [ -f "$dir/java" ] && [ -x "$dir/java" ]; then
            java="$dir/java"
            break
        fi
    done
    IFS=$IFS_SAVED
    [ -n "$java" ] || fail "needs Java 17 or later and found none (JAVA_HOME is not set, no java on the PATH): $install_hint"
fi

# Both real paths in one subshell: the script's (for the jar) and java's (for its release file). One
# readlink each: busybox's takes a single file.
resolved=$(
    readlink -f "$0" 2>/dev/null || printf '%s\n' "$0"
    readlink -f "$java" 2>/dev/null || printf '%s\n' "$java"
)
self=${resolved%%
*}
java_bin=${resolved#*
}
lib="${self%/*}/@LIB_DIR@"
jar="$lib/wazo-deb.jar"

# The major version, from the JDK's release file when there is one (no JVM started), else from
# "java -version" ("17.0.15", or "1.8.0_292" for Java 8 and older).
java_home=${java_bin%/*}
release="${java_home%/*}/release"
version=
runtime=
if [ -r "$release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in
            JAVA_VERSION=\"*) version=${line#JAVA_VERSION=\"}; version=${version%%\"*} ;;
            JAVA_RUNTIME_VERSION=\"*) runtime=${line#JAVA_RUNTIME_VERSION=\"}; runtime=${runtime%%\"*} ;;
        esac
    done < "$release"
fi
if [ -z "$version" ]; then
    version=$("$java" -version 2>&1 | sed -n 's/^[^"]* version "\([^"]*\)".*/\1/p' | head -n 1)
fi
case "$version" in
    1.*) major=${version#1.}; major=${major%%[!0-9]*} ;;
    *) major=${version%%[!0-9]*} ;;
esac
if [ -z "$major" ]; then
    fail "cannot tell which Java version $java is: $install_hint"
fi
if [ "$major" -lt 17 ]; then
    fail "needs Java 17 or later, but $java is Java $version: $install_hint"
fi

# The JVM takes the charset of its console and messages from the locale: under C or POSIX (or none at
# all) a non-ASCII name would print as '?'. C.UTF-8 exists on every current system; the rules steps
# inherit it too. A locale the user chose is left alone.
ctype=${LC_ALL:-${LC_CTYPE:-${LANG:-}}}
case "$ctype" in
    "" | C | POSIX) LC_ALL=C.UTF-8; export LC_ALL ;;
esac

# The serial collector: one thread, a heap that starts small and grows only as the build needs it
# (a large payload streams through a few buffers), so memory stays near what is live, and the JVM
# starts sooner. No hsperfdata file in /tmp for a command that runs a second. WAZO_DEB_JAVA_OPTIONS
# comes last, to add to these or override them (-Xmx2g; -XX:-UseSerialGC -XX:+UseG1GC).
jvm_options="-XX:+UseSerialGC -Xms16m -XX:-UsePerfData ${WAZO_DEB_JAVA_OPTIONS:-}"

# A start-up cache: the classes a package run loads, parsed, verified and laid out by this very JVM,
# which starts wazo-deb in about half the time. Java 25 and later get an ahead-of-time cache
# (-XX:AOTCache, which also keeps linked classes and method profiles), older ones a class-data-sharing
# archive (-XX:ArchiveClassesAtExit); where Java 25 fails to make its cache, the archive instead.
# Either is valid for one JVM build and one jar only, and its bytes change from run to run, so it is
# made here, on first use, not shipped: the package's postinst makes it, and so does the first run of
# an unpacked archive, with a package run of a throw-away plugin (a second or two, once). Its name says
# which runtime and which jar (size, time) it is for, so another JVM or a changed jar (an upgrade, a
# rebuild) makes one of its own rather than being handed one the JVM would refuse. Where the folder is
# not writable, or making it fails, wazo-deb runs without one, only slower to start; a failure is noted
# ($cache.failed) so that the next runs do not pay for another try (remove the note to try again).
# WAZO_DEB_CDS=off neither uses nor makes one.
cache=
if [ "${WAZO_DEB_CDS:-}" != off ]; then
    runtime=${runtime:-$version}
    stamp=$(stat -L -c '%s-%Y' "$jar" 2>/dev/null) || stamp=
    case "$runtime" in
        *[!A-Za-z0-9._+-]*) stamp= ;;
    esac
    if [ -n "$stamp" ]; then
        cache="$lib/wazo-deb-$runtime-$stamp"
    fi
fi

# Runs the package step of a throw-away plugin with the options that make the cache $1; true when the
# JVM succeeded and wrote it.
train() {
    trained=$1
    shift
    rm -f "$trained"
    # shellcheck disable=SC2086 # the options are words on purpose
    "$java" $jvm_options "$@" -jar "$jar" package "$work/plugin" -o "$work/out" -q \
        </dev/null >/dev/null 2>&1 && [ -s "$trained" ]
}

# Makes the cache in a folder of its own beside the jar, then moves it into place with one rename: two
# first runs at once each make one and the last rename wins, and a run never sees half a file.
make_cache() {
    [ -w "$lib" ] || return 0
    work=$(mktemp -d "$lib/.wazo-deb-cache.XXXXXX" 2>/dev/null) || return 0
    trap 'rm -rf "$work"; exit 130' INT
    trap 'rm -rf "$work"; exit 143' TERM
    mkdir "$work/plugin" "$work/plugin/wazo" "$work/out"
    # A plugin as plugins are (a description, dependencies, files in the package, one with a path longer
    # than a tar header's 100 bytes), so that the classes and lambdas those paths use are in the cache too.
    printf '%s\n' 'name: cache' 'namespace: wazodeb' 'version: "1.0"' 'description: |' '  Makes the start-up cache.' \
        '  A second line.' 'depends:' '  - name: other' '    namespace: wazodeb' 'debian_depends:' \
        '  - "wazo-deb (>= 0.1) | wazo-deb-other"' 'min_wazo_version: "23.01"' > "$work/plugin/wazo/plugin.yml"
    printf '%s\n' '#!/bin/sh' 'case "$1" in' \
        '    package) long="$pkgdir/usr/share/cache/a-folder-whose-name-takes-the-path-past-the-hundred-bytes-of-a-tar-header"' \
        '        mkdir -p "$long" && echo cache > "$pkgdir/usr/share/cache/file" && echo cache > "$long/file" ;;' \
        '    build|install|uninstall) ;;' 'esac' > "$work/plugin/wazo/rules"
    chmod 0755 "$work/plugin/wazo/rules"
    if [ "$major" -ge 25 ] && train "$work/cache" -XX:AOTCacheOutput="$work/cache"; then
        mv -f "$work/cache" "$cache.aot" 2>/dev/null || :
    elif train "$work/cache" -XX:ArchiveClassesAtExit="$work/cache" -Xlog:cds=off -Xlog:cds+dynamic=off; then
        mv -f "$work/cache" "$cache.jsa" 2>/dev/null || :
    else
        : > "$cache.failed" 2>/dev/null || :
    fi
    # Caches for another jar of this runtime are stale, and so are those of wazo-deb 0.1's launcher.
    for old in "$lib/wazo-deb-$runtime-"*.aot "$lib/wazo-deb-$runtime-"*.jsa "$lib/wazo-deb-$runtime-"*.failed \
            "$lib/wazo-deb.jsa" "$lib/wazo-deb.jsa.jvm"; do
        case "$old" in
            "$cache.aot" | "$cache.jsa" | "$cache.failed") ;;
            *) [ ! -e "$old" ] || rm -f "$old" ;;
        esac
    done
    rm -rf "$work"
    trap - INT TERM
}

if [ -n "$cache" ] && [ ! -r "$cache.aot" ] && [ ! -r "$cache.jsa" ] && [ ! -e "$cache.failed" ]; then
    make_cache
fi
# The JVM's own messages about a cache it cannot use (another build under the same version name) are
# left out: it then runs without, as it would with none.
# shellcheck disable=SC2086 # the options are words on purpose
if [ -n "$cache" ] && [ -r "$cache.aot" ]; then
    exec "$java" $jvm_options -XX:AOTCache="$cache.aot" -Xlog:aot=off -Xlog:cds=off -jar "$jar" "$@"
elif [ -n "$cache" ] && [ -r "$cache.jsa" ]; then
    exec "$java" $jvm_options -XX:SharedArchiveFile="$cache.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
        -jar "$jar" "$@"
fi
exec "$java" $jvm_options -jar "$jar" "$@"
