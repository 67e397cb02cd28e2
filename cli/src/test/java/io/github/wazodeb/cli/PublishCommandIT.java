package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.DebBuilder;
import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.repo.testing.ForgedPackages;
import io.github.wazodeb.repo.testing.TestKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wazo-deb publish} and {@code promote}, run from the built jar as the CI templates call them. */
class PublishCommandIT {

    private static final PluginFixture BASE = PluginFixture.plugin("base");
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path work;

    private Path repository() {
        return work.resolve("published");
    }

    private Path build(PluginFixture fixture) throws Exception {
        return new DebBuilder(BuildOptions.builder().outputDirectory(work.resolve("out"))
                .timestamp(Instant.ofEpochSecond(1_700_000_000L)).build())
                .build(fixture.writeTo(work.resolve("plugins").resolve(fixture.name() + "-" + fixture.version())))
                .debFile();
    }

    @Test
    void publishToTestingThenPromoteToStableWithTheCiCommandLines() throws Exception {
        TestKeys.TestKey key = TestKeys.generate(work.resolve("key"), PASSPHRASE);
        Path deb = build(BASE);
        Map<String, String> environment = Map.of("WAZO_DEB_KEY_PASSPHRASE", PASSPHRASE);

        CliRun publish = CliRun.wazoDeb(work, environment, "publish", deb.toString(), "--to",
                repository().toString(), "--suite", "testing", "--key", key.secretKeyFile().toString());
        CliRun promote = CliRun.wazoDeb(work, environment, "promote", repository().toString(), "testing", "stable",
                BASE.packageName(), "--key", key.secretKeyFile().toString());

        String poolPath = "pool/main/w/" + BASE.packageName() + "/" + BASE.packageName() + "_1.0_all.deb";
        assertThat(publish.exitCode()).as(publish.toString()).isZero();
        assertThat(publish.out().lines()).startsWith(repository().resolve(poolPath).toString())
                .contains(repository().resolve("dists/testing/InRelease").toString());
        assertThat(publish.err().lines()).containsExactly(
                "wazo-deb: published " + BASE.packageName() + " 1.0 to testing (" + poolPath + ")",
                "wazo-deb: " + repository() + ": suite testing written, signed by " + key.fingerprint());
        assertThat(promote.exitCode()).as(promote.toString()).isZero();
        assertThat(promote.err()).contains("promoted " + BASE.packageName() + " 1.0 to stable (" + poolPath + ")");
        assertThat(Files.readString(repository().resolve("dists/stable/main/binary-all/Packages")))
                .contains("Filename: " + poolPath + "\n");
        Requirements.assumeAvailable(Requirement.GPGV);
        CommandResult gpgv = Commands.run(List.of("gpgv", "--keyring", key.publicKeyring().toString(),
                repository().resolve("dists/stable/InRelease").toString()));
        assertThat(gpgv.succeeded()).as(gpgv.describe()).isTrue();
    }

    @Test
    void aForgedIndexFieldIsRefusedInOneLineAndNothingIsPublished() throws Exception {
        Path forged = ForgedPackages.withControl(work.resolve("upload"), "forged.deb",
                ForgedPackages.pointingAtPasswd("wazo-plugind-forged-evil"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "publish", forged.toString(), "--to", repository().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "wazo-deb: " + forged + ": its control file carries the field Filename, which only a repository's"
                        + " index may carry: refused, the repository writes its own",
                "wazo-deb: " + repository() + ": nothing was published");
        assertThat(repository().resolve("pool")).doesNotExist();
        assertThat(repository().resolve("dists")).doesNotExist();
    }

    @Test
    void repoRefusesTheForgedPackageToo() throws Exception {
        Path forged = ForgedPackages.withControl(work.resolve("flat"), "forged.deb",
                ForgedPackages.pointingAtPasswd("wazo-plugind-forged-evil"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "repo", work.resolve("flat").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(forged + ": its control file carries the field Filename");
        assertThat(work.resolve("flat/Packages")).doesNotExist();
    }

    @Test
    void garbageAndTruncatedPackagesAreOneLineEachInWords() throws Exception {
        Path garbage = ForgedPackages.garbage(work.resolve("upload"), "garbage.deb");
        Path truncated = ForgedPackages.truncated(build(BASE), 300, work.resolve("upload"), "truncated.deb");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "publish", garbage.toString(), truncated.toString(), "--to",
                repository().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("wazo-deb: " + garbage + ": not a Debian package");
        assertThat(lines.get(1)).startsWith("wazo-deb: " + truncated + ": ");
        assertThat(lines).allSatisfy(line -> assertThat(line).matches("\\p{Print}+").doesNotContain("null")
                .doesNotContain("Invalid header"));
    }

    @Test
    void thePublishedVersionWithOtherBytesIsRefusedNamingBothDigests() throws Exception {
        Path first = build(BASE);
        String firstSha = sha256(first);
        CliRun published = CliRun.wazoDeb(work, Map.of(), "publish", first.toString(), "--to", repository().toString());
        Path other = build(BASE.withExtraYaml("description: rebuilt with other bytes"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "publish", other.toString(), "--to", repository().toString());

        assertThat(published.exitCode()).as(published.toString()).isZero();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(2).first().asString().contains(BASE.packageName() + " 1.0",
                "already published", firstSha, sha256(other));
    }

    @Test
    void aSecondIdenticalPublishSaysSoAndChangesNoByte() throws Exception {
        Path deb = build(BASE);
        CliRun first = CliRun.wazoDeb(work, Map.of(), "publish", deb.toString(), "--to", repository().toString(),
                "--suite", "testing");
        Map<String, String> before = tree(repository());

        CliRun second = CliRun.wazoDeb(work, Map.of(), "publish", deb.toString(), "--to", repository().toString(),
                "--suite", "testing");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).isEmpty();
        assertThat(second.err().lines()).containsExactly(
                "wazo-deb: " + BASE.packageName() + " 1.0 is already in testing with the same bytes: nothing to do",
                "wazo-deb: " + repository() + ": suite testing unchanged");
        assertThat(tree(repository())).isEqualTo(before);
    }

    @Test
    void eightPublishersAtOnceAreAllListed() throws Exception {
        List<Path> debs = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            debs.add(build(PluginFixture.plugin("concurrent" + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CliRun> runs = new ArrayList<>();
        try {
            List<Future<CliRun>> started = new ArrayList<>();
            for (Path deb : debs) {
                started.add(pool.submit(() -> CliRun.wazoDeb(work, Map.of(), "publish", deb.toString(), "--to",
                        repository().toString(), "--suite", "testing")));
            }
            for (Future<CliRun> run : started) {
                runs.add(run.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(runs).allSatisfy(run -> assertThat(run.exitCode()).as(run.toString()).isZero());
        String packages = Files.readString(repository().resolve("dists/testing/main/binary-all/Packages"));
        for (int i = 1; i <= 8; i++) {
            assertThat(packages).contains("Package: " + PluginFixture.plugin("concurrent" + i).packageName() + "\n");
        }
    }

    @Test
    void aPublisherWaitsForTheLockSaysSoAndGoesOnWhenItsHolderIsKilled() throws Exception {
        Path deb = build(BASE);
        Path lock = repository().resolve(".wazo-deb/lock");
        Files.createDirectories(lock.getParent());
        // Another publisher, as the kernel sees it: a process holding the same POSIX lock the JVM takes.
        Process holder = new ProcessBuilder("python3", "-c", "import fcntl, sys, time\n"
                + "f = open(sys.argv[1], 'w'); fcntl.lockf(f, fcntl.LOCK_EX); print('locked', flush=True)\n"
                + "time.sleep(600)", lock.toString()).redirectErrorStream(true).start();
        try (BackgroundCli publisher = awaitLocked(holder, deb)) {
            publisher.awaitStderrLine(line -> line.contains("another publisher is at work"), "the waiting line",
                    Duration.ofMinutes(2));
            assertThat(publisher.isAlive()).isTrue();

            holder.destroyForcibly().waitFor();

            assertThat(publisher.awaitExit(Duration.ofMinutes(2))).as(publisher.stderr()).isZero();
            assertThat(publisher.stderr()).contains("wazo-deb: " + repository() + ": another publisher is at work,"
                    + " waiting for it to finish (lock " + lock + ")");
        } finally {
            holder.destroyForcibly();
        }
        assertThat(Files.readString(repository().resolve("dists/testing/main/binary-all/Packages")))
                .contains("Package: " + BASE.packageName() + "\n");
    }

    private BackgroundCli awaitLocked(Process holder, Path deb) throws IOException {
        String said = new String(holder.getInputStream().readNBytes(7), StandardCharsets.UTF_8);
        assertThat(said).isEqualTo("locked\n");
        return BackgroundCli.start(work, Map.of(), "publish", deb.toString(), "--to", repository().toString(),
                "--suite", "testing");
    }

    @Test
    void keepZeroIsAUsageError() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "publish", build(BASE).toString(), "--to",
                repository().toString(), "--keep", "0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("wazo-deb: --keep 0: keep at least 1 version");
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), sha256(file));
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
