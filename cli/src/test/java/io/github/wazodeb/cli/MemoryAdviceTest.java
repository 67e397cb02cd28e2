package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryAdviceTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path work;

    @Test
    void theInstalledCommandIsToldAboutWazoDebJavaOptions() {
        assertThat(MemoryAdvice.sentence(24 * MIB, true)).isEqualTo("ran out of memory (the JVM may use at most "
                + "24 MiB); give the JVM more with WAZO_DEB_JAVA_OPTIONS=-Xmx256m wazo-deb ...");
    }

    @Test
    void javaDashJarIsToldAboutXmxAndALargeHeapIsOfferedFourTimesMore() {
        assertThat(MemoryAdvice.sentence(1024 * MIB, false)).isEqualTo("ran out of memory (the JVM may use at most "
                + "1024 MiB); give the JVM more with java -Xmx4g -jar wazo-deb.jar ...");
    }

    @Test
    void theArchivesAndThePackagesLayoutsAreTheInstalledCommand() throws IOException {
        assertThat(MemoryAdvice.isInstalled(layout("wazo-deb-1.0/bin/wazo-deb", "wazo-deb-1.0/lib/wazo-deb.jar")))
                .isTrue();
        assertThat(MemoryAdvice.isInstalled(layout("usr/bin/wazo-deb", "usr/share/wazo-deb/wazo-deb.jar"))).isTrue();
    }

    @Test
    void aJarElsewhereIsRunWithJavaDashJar() throws IOException {
        assertThat(MemoryAdvice.isInstalled(layout("cli/bin/other", "cli/target/wazo-deb.jar"))).isFalse();
        assertThat(MemoryAdvice.isInstalled(layout("home/lib/other", "home/lib/wazo-deb.jar"))).isFalse();
    }

    /** Writes the launcher and the jar at these paths; returns the jar. */
    private Path layout(String launcher, String jar) throws IOException {
        Files.writeString(Files.createDirectories(work.resolve(launcher).getParent()).resolve(
                work.resolve(launcher).getFileName()), "#!/bin/sh\n");
        Path jarFile = work.resolve(jar);
        Files.createDirectories(jarFile.getParent());
        return Files.writeString(jarFile, "PK");
    }
}
