package io.github.wazodeb.deb.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.model.PluginDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated control file and scripts for each {@link Descriptors#goldenCases() golden case}, compared
 * with {@code src/test/resources/golden/<case>/<file>}. Run with {@code -Dgolden.update=true} to rewrite
 * the expected files from the current output instead (then review the diff before committing).
 */
class GoldenFilesTest {

    static final Path GOLDEN = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/golden");
    static final long INSTALLED_SIZE = 24;
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** Relative golden path ({@code case/file}) and the text generated for it. */
    static Stream<Arguments> generatedFiles() {
        List<Arguments> files = new ArrayList<>();
        for (Map.Entry<String, PluginDescriptor> golden : Descriptors.goldenCases().entrySet()) {
            String name = golden.getKey();
            PluginDescriptor plugin = golden.getValue();
            MaintainerScripts scripts = MaintainerScripts.of(plugin);
            files.add(Arguments.of(name + "/control", ControlFile.of(plugin, Descriptors.MAINTAINER, INSTALLED_SIZE).text()));
            files.add(Arguments.of(name + "/postinst", scripts.postinst()));
            files.add(Arguments.of(name + "/prerm", scripts.prerm()));
            files.add(Arguments.of(name + "/postrm", scripts.postrm()));
            scripts.preinst().ifPresent(preinst -> files.add(Arguments.of(name + "/preinst", preinst)));
        }
        return files.stream();
    }

    /**
     * Only the cases with a Wazo version range have a golden preinst: one left over from a case that lost its
     * range would otherwise never be compared with anything. (An update writes the files in the other test.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCaseNames")
    void aGoldenPreinstExistsExactlyForTheCasesWithAWazoRange(String name) {
        PluginDescriptor plugin = Descriptors.goldenCases().get(name);
        boolean ranged = plugin.minWazoVersion().isPresent() || plugin.maxWazoVersion().isPresent();
        Path preinst = GOLDEN.resolve(name).resolve("preinst");

        if (!UPDATE) {
            assertThat(Files.exists(preinst)).as("%s exists", preinst).isEqualTo(ranged);
        }
    }

    static Stream<String> goldenCaseNames() {
        return Descriptors.goldenCases().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedFiles")
    void generatedTextMatchesTheGoldenFile(String relativePath, String generated) throws IOException {
        Path golden = GOLDEN.resolve(relativePath);
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, generated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden).as("%s is missing: run the tests with -Dgolden.update=true to create it", golden).isRegularFile();
        assertThat(generated).as("generated %s (refresh deliberately with -Dgolden.update=true)", relativePath)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
