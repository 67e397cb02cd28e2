package io.github.wazodeb.deb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a Wazo plugin directory from its two texts, for tests that spell them out; {@link PluginFixture}
 * makes both texts from parameters.
 */
public final class PluginDirectory {

    private PluginDirectory() {
    }

    /**
     * Writes {@code wazo/plugin.yml} and an executable (0755) {@code wazo/rules} into {@code directory},
     * created if missing, and returns it.
     */
    public static Path write(Path directory, String pluginYml, String rules) {
        try {
            Path wazo = Files.createDirectories(directory.resolve("wazo"));
            Files.writeString(wazo.resolve("plugin.yml"), pluginYml, StandardCharsets.UTF_8);
            Path rulesFile = wazo.resolve("rules");
            Files.writeString(rulesFile, rules, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(rulesFile, PosixFilePermissions.fromString("rwxr-xr-x"));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a plugin into " + directory, e);
        }
    }
}
