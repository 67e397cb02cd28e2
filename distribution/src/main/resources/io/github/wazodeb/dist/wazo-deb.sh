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
set -- -XX:+UseSerialGC -Xms16m -XX:-UsePerfData ${WAZO_DEB_JAVA_OPTIONS:-} -jar "$jar" "$@"

# Class-data sharing: an archive of the classes a run loads, made by this very JVM, starts wazo-deb
# faster. Another JVM (another path, another build) would refuse it with warnings, so the archive is
# used only beside a note naming the JVM that made it. WAZO_DEB_WRITE_CDS=1 makes it (the package's
# postinst does, with a validate run); it cannot be made at build time: it is valid for one JVM build
# only, and its bytes change from run to run.
jsa="$lib/wazo-deb.jsa"
jvm="$java_bin ${runtime:-$version}"
if [ "${WAZO_DEB_WRITE_CDS:-}" = 1 ]; then
    rm -f "$jsa" "$jsa.jvm"
    printf '%s\n' "$jvm" > "$jsa.jvm"
    unset WAZO_DEB_WRITE_CDS
    exec "$java" -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "$@"
fi
note=
if [ -r "$jsa" ] && [ -r "$jsa.jvm" ]; then
    IFS= read -r note < "$jsa.jvm" || :
fi
if [ "$note" = "$jvm" ]; then
    exec "$java" -XX:SharedArchiveFile="$jsa" -Xshare:auto "$@"
fi
exec "$java" "$@"
