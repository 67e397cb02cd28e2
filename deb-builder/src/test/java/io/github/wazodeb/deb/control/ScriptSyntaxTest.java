package io.github.wazodeb.deb.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.deb.testing.SplitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generated script parses in the two shells a Wazo server may run it with: dash and busybox sh. */
class ScriptSyntaxTest {

    @TempDir
    Path dir;

    static Stream<Arguments> scripts() {
        List<Arguments> scripts = new ArrayList<>();
        Descriptors.goldenCases().forEach((name, plugin) -> {
            MaintainerScripts generated = MaintainerScripts.of(plugin);
            scripts.add(Arguments.of(name + "/postinst", generated.postinst()));
            scripts.add(Arguments.of(name + "/prerm", generated.prerm()));
            scripts.add(Arguments.of(name + "/postrm", generated.postrm()));
            generated.preinst().ifPresent(preinst -> scripts.add(Arguments.of(name + "/preinst", preinst)));
        });
        return scripts.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void parsesWithDash(String name, String text) throws IOException {
        Requirements.assumeAvailable(Requirement.DASH);

        SplitResult result = Commands.runSplit(List.of("dash", "-n", write(text).toString()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stderr()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void parsesWithBusyboxSh(String name, String text) throws IOException {
        Requirements.assumeAvailable(Requirement.BUSYBOX);

        SplitResult result = Commands.runSplit(
                List.of(Requirement.BUSYBOX_PATH.toString(), "sh", "-n", write(text).toString()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stderr()).isEmpty();
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("script"), text);
    }
}
