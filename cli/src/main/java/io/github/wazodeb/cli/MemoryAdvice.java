package io.github.wazodeb.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one line that ends a run out of heap: how much the JVM had, and how to give it more the way this
 * run was started. The installed command ({@code bin/wazo-deb} beside {@code lib/wazo-deb.jar}, or
 * {@code /usr/bin/wazo-deb} beside {@code /usr/share/wazo-deb/wazo-deb.jar}) reads
 * {@code WAZO_DEB_JAVA_OPTIONS}; {@code java -jar} takes {@code -Xmx} itself.
 */
final class MemoryAdvice {

    private static final long MIB = 1024 * 1024;
    /** The least worth suggesting: enough for any plugin measured so far, many times over. */
    private static final long LEAST_SUGGESTED_MIB = 256;

    private MemoryAdvice() {
    }

    /** The advice for this JVM: its maximum heap and where its jar lies. */
    static String forThisJvm() {
        return sentence(Runtime.getRuntime().maxMemory(), runningJar().filter(MemoryAdvice::isInstalled).isPresent());
    }

    static String sentence(long maxHeapBytes, boolean installedCommand) {
        long suggestedMib = Math.max(LEAST_SUGGESTED_MIB, Long.highestOneBit(Math.max(1, maxHeapBytes / MIB)) * 4);
        String option = "-Xmx" + (suggestedMib % 1024 == 0 ? suggestedMib / 1024 + "g" : suggestedMib + "m");
        return "ran out of memory (the JVM may use at most " + maxHeapBytes / MIB + " MiB); give the JVM more with "
                + (installedCommand ? "WAZO_DEB_JAVA_OPTIONS=" + option + " wazo-deb ..."
                        : "java " + option + " -jar wazo-deb.jar ...");
    }

    /** Whether the jar lies where a distribution's launcher finds it. */
    static boolean isInstalled(Path jar) {
        Path lib = jar.getParent();
        if (lib == null || lib.getParent() == null) {
            return false;
        }
        Path prefix = lib.getParent();
        return lib.getFileName().toString().equals("lib") && Files.isRegularFile(prefix.resolve("bin/wazo-deb"))
                || lib.getFileName().toString().equals("wazo-deb") && prefix.getFileName() != null
                        && prefix.getFileName().toString().equals("share") && prefix.getParent() != null
                        && Files.isRegularFile(prefix.getParent().resolve("bin/wazo-deb"));
    }

    private static Optional<Path> runningJar() {
        try {
            return Optional.of(Path.of(MemoryAdvice.class.getProtectionDomain().getCodeSource().getLocation().toURI()))
                    .filter(Files::isRegularFile);
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty(); // run from classes, or a class loader without a location: java -jar's advice
        }
    }
}
