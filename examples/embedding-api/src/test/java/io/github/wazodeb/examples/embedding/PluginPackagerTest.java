package io.github.wazodeb.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wazodeb.deb.BuildResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PluginPackagerTest {

    @Test
    void packagesThePluginOfThisExample() throws Exception {
        // Left in target/packages for the build's verify script to check with dpkg-deb.
        BuildResult result = PluginPackager.packagePlugin(Path.of("plugin"), Path.of("target", "packages"));

        assertEquals("wazo-plugind-weather-demo", result.packageName());
        assertEquals("3.1.4", result.version());
        assertEquals("Example Tool <tool@example.org>", result.controlFields().get("Maintainer"));
        assertTrue(Files.isRegularFile(result.debFile()));
        assertEquals(Files.size(result.debFile()), result.size());
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        assertEquals(2, PluginPackager.run(new String[] {"plugin"}));
    }

    @Test
    void aDirectoryWithoutAPluginIsInvalidInput() {
        assertEquals(2, PluginPackager.run(new String[] {"src", "target/never-written"}));
        assertTrue(Files.notExists(Path.of("target", "never-written")));
    }
}
