package io.github.wazodeb.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.model.InvalidPluginException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline through its public API: what a build returns, reports and leaves behind. */
class DebBuilderTest {

    private static final Instant EPOCH = Instant.ofEpochSecond(1_700_000_000L);

    @TempDir
    Path work;

    @Test
    void theResultNamesTheFileItsSizeDigestAndControlFields() throws Exception {
        Path plugin = plugin("hello", "2:1.0-1", RULES);

        BuildResult result = builder(options()).build(plugin);

        assertThat(result.debFile()).isEqualTo(work.resolve("out/wazo-plugind-hello-test_1.0-1_all.deb"));
        assertThat(result.size()).isEqualTo(Files.size(result.debFile()));
        assertThat(result.sha256()).matches("[0-9a-f]{64}");
        assertThat(result.packageName()).isEqualTo("wazo-plugind-hello-test");
        assertThat(result.version()).isEqualTo("2:1.0-1");
        assertThat(result.controlFields()).containsEntry("Section", "wazo-plugind-plugin")
                .containsEntry("Architecture", "all");
    }

    @Test
    void theListenerHearsEachStageAndEveryLineTheStepsPrint() throws Exception {
        Path plugin = plugin("hello", "1.0", RULES);
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        BuildListener listener = new BuildListener() {
            @Override
            public void progress(String message) {
                heard.add("progress " + message);
            }

            @Override
            public void rulesOutput(RulesStep step, String line) {
                heard.add(step.argument() + " " + line);
            }
        };

        builder(options().toBuilder().listener(listener).build()).build(plugin);

        assertThat(heard).containsSubsequence(
                "progress Running wazo/rules build",
                "build building",
                "build to stderr",
                "progress Running wazo/rules package",
                "package packaging");
    }

    @Test
    void thePackageStepSeesAnEmptyAbsolutePkgdirOutsideThePluginDirectory() throws Exception {
        Path plugin = plugin("hello", "1.0", """
                #!/bin/sh
                set -e
                if [ "$1" = package ]; then
                    case "$pkgdir" in /*) ;; *) echo "pkgdir not absolute: $pkgdir"; exit 1 ;; esac
                    [ -z "$(ls -A "$pkgdir")" ] || { echo "pkgdir not empty"; exit 1; }
                    case "$pkgdir" in "$PWD"*) echo "pkgdir inside the plugin"; exit 1 ;; esac
                    [ -f wazo/plugin.yml ] || { echo "not run from the plugin directory"; exit 1; }
                fi
                """);

        assertThat(builder(options()).build(plugin).debFile()).isRegularFile();
    }

    @Test
    void anInvalidPluginIsRefusedBeforeAnythingRunsAndNothingIsWritten() throws Exception {
        Path plugin = plugin("Bad_Name", "1.0", "#!/bin/sh\ntouch ran\n");
        Path temp = Files.createDirectory(work.resolve("temp"));

        assertThatThrownBy(() -> builder(options().toBuilder().temporaryDirectory(temp).build()).build(plugin))
                .isInstanceOfSatisfying(InvalidPluginException.class,
                        e -> assertThat(e.problems()).singleElement()
                                .satisfies(p -> assertThat(p.key()).isEqualTo("name")));
        assertThat(plugin.resolve("ran")).doesNotExist();
        assertThat(work.resolve("out")).doesNotExist();
        assertThat(list(temp)).isEmpty();
    }

    @Test
    void aFailedStepCarriesItsStepStatusAndLastLines() throws Exception {
        StringBuilder rules = new StringBuilder("#!/bin/sh\nif [ \"$1\" = build ]; then\n");
        for (int i = 1; i <= 30; i++) {
            rules.append("echo line ").append(i).append('\n');
        }
        rules.append("exit 4\nfi\n");
        Path plugin = plugin("hello", "1.0", rules.toString());
        Path temp = Files.createDirectory(work.resolve("temp"));

        assertThatThrownBy(() -> builder(options().toBuilder().temporaryDirectory(temp).build()).build(plugin))
                .isInstanceOfSatisfying(RulesStepException.class, e -> {
                    assertThat(e.step()).isEqualTo(RulesStep.BUILD);
                    assertThat(e.exitStatus()).hasValue(4);
                    assertThat(e.timedOut()).isFalse();
                    assertThat(e.lastLines()).hasSize(20).startsWith("line 11").endsWith("line 30");
                    assertThat(e.getMessage()).startsWith("wazo/rules build failed with exit status 4; last lines:");
                });
        assertThat(list(temp)).isEmpty();
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void aStepThatHangsIsStoppedAtItsTimeLimitWithItsChildren() throws Exception {
        Path marker = work.resolve("child-survived");
        Path plugin = plugin("hello", "1.0",
                "#!/bin/sh\nif [ \"$1\" = package ]; then\n  (sleep 4; touch '" + marker + "') &\n  sleep 600\nfi\n");

        assertThatThrownBy(() -> builder(options().toBuilder().stepTimeout(Duration.ofSeconds(1)).build()).build(plugin))
                .isInstanceOfSatisfying(RulesStepException.class, e -> {
                    assertThat(e.timedOut()).isTrue();
                    assertThat(e.exitStatus()).isEmpty();
                    assertThat(e.getMessage()).contains("did not finish within 1s");
                });
        Thread.sleep(5_000);
        assertThat(marker).as("the step's background child was stopped too").doesNotExist();
    }

    @Test
    void aRulesScriptThatCannotBeExecutedSaysSo() throws Exception {
        Path plugin = plugin("hello", "1.0", "no interpreter line here\n");

        assertThatThrownBy(() -> builder(options()).build(plugin))
                .isInstanceOf(RulesStepException.class)
                .hasMessageContaining("wazo/rules build");
    }

    @Test
    void twoBuildsAtOnceInOneJvmGiveIdenticalPackages() throws Exception {
        Path plugin = plugin("hello", "1.0", RULES);
        DebBuilder first = builder(options().toBuilder().outputDirectory(work.resolve("a")).build());
        DebBuilder second = builder(options().toBuilder().outputDirectory(work.resolve("b")).build());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<BuildResult>> results = pool.invokeAll(List.<Callable<BuildResult>>of(
                    () -> first.build(plugin), () -> second.build(plugin)));
            assertThat(results.get(0).get().sha256()).isEqualTo(results.get(1).get().sha256());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTemporaryDirectoryInsideThePluginIsRefused() throws Exception {
        Path plugin = plugin("hello", "1.0", RULES);

        assertThatThrownBy(() -> builder(options().toBuilder().temporaryDirectory(plugin.resolve("tmp")).build())
                .build(plugin))
                .isInstanceOf(BuildException.class)
                .hasMessageContaining("inside the plugin directory");
    }

    @Test
    void aConffileMissingFromThePayloadIsRefused() throws Exception {
        Path plugin = plugin("hello", "1.0", RULES);

        assertThatThrownBy(() -> builder(options().toBuilder().conffiles(List.of("/etc/nope.conf")).build())
                .build(plugin))
                .isInstanceOf(BuildException.class)
                .hasMessage("conffile /etc/nope.conf is not a regular file in the package");
        assertThat(work.resolve("out/wazo-plugind-hello-test_1.0_all.deb")).doesNotExist();
    }

    private static final String RULES = """
            #!/bin/sh
            set -e
            case "$1" in
                build)
                    echo building
                    echo "to stderr" >&2
                    ;;
                package)
                    echo packaging
                    install -d -m 0755 "$pkgdir/usr/share/hello" "$pkgdir/etc/hello"
                    echo hi > "$pkgdir/usr/share/hello/hi.txt"
                    chmod 0644 "$pkgdir/usr/share/hello/hi.txt"
                    ;;
            esac
            """;

    private BuildOptions options() {
        return BuildOptions.builder()
                .outputDirectory(work.resolve("out"))
                .timestamp(EPOCH)
                .build();
    }

    private static DebBuilder builder(BuildOptions options) {
        return new DebBuilder(options);
    }

    private Path plugin(String name, String version, String rules) throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugin-" + name));
        Path wazo = Files.createDirectories(dir.resolve("wazo"));
        Files.writeString(wazo.resolve("plugin.yml"),
                "name: " + name + "\nnamespace: test\nversion: \"" + version + "\"\n", StandardCharsets.UTF_8);
        Path rulesFile = wazo.resolve("rules");
        Files.writeString(rulesFile, rules, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(rulesFile, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
