package io.github.wazodeb.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import io.github.wazodeb.scaffold.CiSystem;
import io.github.wazodeb.scaffold.PluginSkeleton;
import io.github.wazodeb.scaffold.SkeletonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn archetype:generate} with this build's archetype, then {@code mvn package} of what it wrote, with
 * a real Maven against a local repository holding this build's artifacts (the outer build's local repository
 * serves the rest, as the invoker builds do).
 */
@ExtendWith(DpkgSandboxExtension.class)
class ArchetypeGenerateIT {

    @TempDir
    Path work;

    @Test
    void theGeneratedPluginPackagesInstallsAndPurges(DpkgSandbox sandbox) throws Exception {
        MavenRun generated = generate(work, "wazo.plugins.acme", "hello", "acme", "gitlab");
        assertThat(generated.exitCode()).as(generated.log()).isZero();
        Path project = work.resolve("hello");
        assertThat(Files.getPosixFilePermissions(project.resolve("wazo/rules"))).contains(PosixFilePermission.OWNER_EXECUTE);

        MavenRun built = maven(project, "package");
        assertThat(built.exitCode()).as(built.log()).isZero();
        assertThat(built.log()).doesNotContain("[WARNING]");
        Path deb = project.resolve("target/wazo-plugind-hello-acme_0.1.0_all.deb");
        assertThat(deb).isRegularFile();

        assertThat(sandbox.install(deb).exitCode()).isZero();
        assertThat(sandbox.path("/etc/asterisk/extensions_extra.d/hello.conf")).content().contains("***42");
        assertThat(sandbox.purge("wazo-plugind-hello-acme").exitCode()).isZero();
        assertThat(sandbox.status("wazo-plugind-hello-acme")).isEmpty();
    }

    @Test
    void theArchetypeWritesTheSameFilesAsWazoDebNew() throws Exception {
        MavenRun generated = generate(work, "wazo.plugins.acme", "hello", "acme", "both");
        assertThat(generated.exitCode()).as(generated.log()).isZero();
        Path cli = work.resolve("from-cli");
        SkeletonWriter.write(new PluginSkeleton("hello", "acme", true, java.util.Set.of(CiSystem.values())), cli, false);

        assertThat(contents(work.resolve("hello"))).isEqualTo(contents(cli));
    }

    @Test
    void ciFilesAreLeftOutUnlessAsked() throws Exception {
        MavenRun generated = generate(work, "com.example", "bare", "acme", "none");
        assertThat(generated.exitCode()).as(generated.log()).isZero();

        Path project = work.resolve("bare");
        assertThat(project.resolve(".gitlab-ci.yml")).doesNotExist();
        assertThat(project.resolve(".github")).doesNotExist();
        assertThat(project.resolve(".gitignore")).exists();
        assertThat(project.resolve("wazo/plugin.yml")).content().contains("name: \"bare\"", "namespace: \"acme\"");
    }

    private static MavenRun generate(Path dir, String groupId, String artifactId, String namespace, String ci)
            throws IOException, InterruptedException {
        return maven(dir, "org.apache.maven.plugins:maven-archetype-plugin:" + property("wazodeb.archetype.version")
                        + ":generate",
                "-DarchetypeGroupId=io.github.wazodeb", "-DarchetypeArtifactId=wazo-plugin-archetype",
                "-DarchetypeVersion=" + property("wazodeb.version"), "-DgroupId=" + groupId,
                "-DartifactId=" + artifactId, "-DpluginNamespace=" + namespace, "-Dci=" + ci,
                "-DinteractiveMode=false");
    }

    /** Every file under {@code dir} by its relative path, with its text and whether it is executable. */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString(), (Files.isExecutable(path) ? "x " : "- ")
                        + Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private record MavenRun(int exitCode, String log) {
    }

    private static MavenRun maven(Path dir, String... goals) throws IOException, InterruptedException {
        Path settings = dir.resolve("../settings.xml").normalize();
        if (!Files.exists(settings)) {
            Files.writeString(settings, settingsXml(Path.of(property("wazodeb.outerRepository")).toUri().toString()));
        }
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + property("wazodeb.localRepository")));
        command.addAll(List.of(goals));
        Path log = Files.createTempFile(dir.getParent(), "mvn", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("mvn " + List.of(goals) + " hung");
        }
        return new MavenRun(process.exitValue(), Files.readString(log));
    }

    /**
     * The outer build's local repository as a remote one: nothing is downloaded again. A local repository
     * keeps no checksums, so none are asked for (else each file brings a warning with a stack trace).
     */
    private static String settingsXml(String outerRepositoryUrl) {
        String repository = "<id>outer</id><url>" + outerRepositoryUrl + "</url>"
                + "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>"
                + "<snapshots><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></snapshots>";
        return "<settings><profiles><profile><id>outer</id><activation><activeByDefault>true</activeByDefault>"
                + "</activation><repositories><repository>" + repository + "</repository></repositories>"
                + "<pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>"
                + "</profile></profiles></settings>";
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("-D" + name + " is missing: run this test through mvn verify");
        }
        return value;
    }
}
