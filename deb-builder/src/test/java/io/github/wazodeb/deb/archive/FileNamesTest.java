package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.SplitResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileNames}: names are the bytes on disk whatever the JVM's locale, and a name shown in a message
 * cannot break its line or drive the terminal.
 */
class FileNamesTest {

    @TempDir
    Path work;

    @Test
    void controlCharactersAreShownAsEscapes() {
        assertThat(FileNames.display("plain/caf\u00e9.txt")).isEqualTo("plain/caf\u00e9.txt");
        assertThat(FileNames.display("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(FileNames.display("red\u001b[31m")).isEqualTo("red\\x1b[31m");
        assertThat(FileNames.display("bell\u0007 del\u007f c1\u009b")).isEqualTo("bell\\x07 del\\x7f c1\\x9b");
    }

    @Test
    void utf8NamesReadAndResolveInAJvmWithoutALocale() {
        // Written by the shell from their bytes, so that this JVM's own locale plays no part.
        Commands.shell("""
                cd "$1"
                mkdir sub
                : > "caf$(printf '\\303\\251').txt"
                : > "sub/$(printf '\\346\\227\\245\\346\\234\\254').txt"
                : > "latin1-$(printf '\\351')"
                ln -s "caf$(printf '\\303\\251').txt" "link-$(printf '\\303\\274')"
                """, work.toString());

        SplitResult probe = Commands.runSplit(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                FileNamesProbe.class.getName(), work.toString()),
                // LC_ALL empty and no LANG: the JVM decodes file names as ASCII.
                Map.of("LC_ALL", ""), Duration.ofSeconds(60));

        assertThat(probe.exitCode()).as(probe.describe()).isZero();
        assertThat(probe.stdout().lines()).as(probe.describe())
                .first().asString().startsWith("sun.jnu.encoding=").doesNotContain("UTF-8");
        assertThat(probe.stdout().lines()).as(probe.describe()).contains(
                "name caf\\u00e9.txt",
                "name link-\\u00fc",
                "target caf\\u00e9.txt",
                "name sub",
                "not UTF-8 latin1-\\ufffd",
                "resolve caf\\u00e9.txt exists=true",
                "resolve sub/\\u65e5\\u672c.txt exists=true");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
