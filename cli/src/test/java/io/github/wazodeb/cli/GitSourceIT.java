package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.GitRepository;
import io.github.wazodeb.deb.testing.PluginDirectory;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wazo-deb package --git URL [--ref REF] [--subdirectory PATH]} from the built jar: the committed tree
 * at the ref gives the same package as a checkout of that commit.
 */
class GitSourceIT {

    private static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1700000000");

    @TempDir
    Path work;

    private GitRepository repository;
    private Path bare;
    private String releasedCommit;
    private String latestCommit;

    /**
     * A repository whose root is a plugin and whose {@code extra/other} is another: version 1.0 is tagged
     * {@code v1.0} and branched as {@code release}; {@code main} has moved on to 2.0.
     */
    @BeforeEach
    void repository() throws IOException {
        Requirements.assumeAvailable(Requirement.GIT);
        repository = GitRepository.init(work.resolve("source"));
        writeVersion("1.0");
        releasedCommit = repository.commitAll("release 1.0");
        repository.tag("v1.0").branch("release");
        writeVersion("2.0");
        latestCommit = repository.commitAll("start 2.0");
        bare = repository.bareClone(work.resolve("plugin.git"));
    }

    private void writeVersion(String version) {
        Path root = repository.workTree();
        PluginDirectory.write(root, PluginDirs.pluginYml("hello", version), PluginDirs.packagingRules());
        PluginDirectory.write(root.resolve("extra/other"),
                PluginDirs.pluginYml("other", version), PluginDirs.packagingRules());
    }

    @Test
    void aTagABranchAndACommitBuildTheSameBytesAsACheckoutOfThatCommit() throws Exception {
        byte[] fromCheckout = built(checkoutOf(releasedCommit), "checkout");

        for (String ref : new String[] {"v1.0", "release", releasedCommit}) {
            CliRun run = CliRun.wazoDeb(work, EPOCH, "package", "--git", bare.toString(), "--ref", ref,
                    "-o", "out-" + ref, "--temp-dir", "tmp");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Path deb = Path.of(run.out().strip());
            assertThat(deb.getFileName()).hasToString("wazo-plugind-hello-itest_1.0_all.deb");
            assertThat(Files.readAllBytes(deb)).as("built from --ref " + ref).isEqualTo(fromCheckout);
            assertThat(run.err()).contains("Checked out commit " + releasedCommit);
        }
        assertThat(work.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void withoutARefTheRemotesDefaultBranchIsBuilt() throws Exception {
        byte[] fromCheckout = built(checkoutOf(latestCommit), "checkout");

        CliRun run = CliRun.wazoDeb(work, EPOCH, "package", "--git", "file://" + bare, "-o", "out", "--temp-dir", "tmp");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Path.of(run.out().strip()).getFileName()).hasToString("wazo-plugind-hello-itest_2.0_all.deb");
        assertThat(Files.readAllBytes(Path.of(run.out().strip()))).isEqualTo(fromCheckout);
        assertThat(work.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void aSubdirectoryOfTheRepositoryIsBuiltAsThePluginDirectory() throws Exception {
        byte[] fromCheckout = built(checkoutOf(releasedCommit).resolve("extra/other"), "checkout");

        CliRun run = CliRun.wazoDeb(work, EPOCH, "package", "--git", "file://" + bare, "--ref", "v1.0",
                "--subdirectory", "extra/other", "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path deb = Path.of(run.out().strip());
        assertThat(deb.getFileName()).hasToString("wazo-plugind-other-itest_1.0_all.deb");
        assertThat(Files.readAllBytes(deb)).isEqualTo(fromCheckout);
    }

    @Test
    void aWorkingTreeGivenByARelativePathIsFetchedFromToo() throws Exception {
        CliRun run = CliRun.wazoDeb(work, EPOCH, "package", "--git", "source", "--ref", "v1.0", "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readAllBytes(Path.of(run.out().strip()))).isEqualTo(built(checkoutOf(releasedCommit), "checkout"));
    }

    @Test
    void aSubdirectoryMissingFromTheTreeIsAnInputError() throws Exception {
        CliRun run = CliRun.wazoDeb(work, EPOCH, "package", "--git", bare.toString(), "--subdirectory", "no/such",
                "-o", "out", "--temp-dir", "tmp");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("subdirectory \"no/such\" is not a directory in " + bare + " at commit "
                + latestCommit);
        assertThat(run.out()).isEmpty();
        assertThat(work.resolve("out")).doesNotExist();
        assertThat(work.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void aRefTheRepositoryDoesNotHaveFailsWithGitsReason() throws Exception {
        CliRun run = CliRun.wazoDeb(work, EPOCH, "package", "--git", bare.toString(), "--ref", "v9.9", "-o", "out",
                "--temp-dir", "tmp");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("cannot fetch " + bare + " at v9.9; git said:").contains("v9.9");
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(work.resolve("out")).doesNotExist();
        assertThat(work.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void credentialsInAUrlThatFailsToCloneAreMaskedEverywhere() throws Exception {
        for (String url : new String[] {"https://ghp_S3cretT0ken@127.0.0.1:1/acme/plugin.git",
                "https://deployer:S3cretPassw0rd@127.0.0.1:1/acme/plugin.git"}) {
            CliRun run = CliRun.wazoDeb(work, EPOCH, "package", "--git", url, "-o", "out");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).contains("https://***@127.0.0.1:1/acme/plugin.git")
                    .doesNotContain("S3cret").doesNotContain("deployer");
            assertThat(run.out()).doesNotContain("S3cret");
        }
    }

    @Test
    void gitOptionsDoNotMixWithOtherWaysOfNamingPlugins() throws Exception {
        CliRun refAlone = CliRun.wazoDeb(work, Map.of(), "package", "--ref", "v1.0");
        CliRun gitAndDir = CliRun.wazoDeb(work, Map.of(), "package", "--git", bare.toString(), "source");
        CliRun gitAndAll = CliRun.wazoDeb(work, Map.of(), "package", "--git", bare.toString(), "--all", "source");
        CliRun optionLikeRef = CliRun.wazoDeb(work, Map.of(), "package", "--git", bare.toString(), "--ref=--upload-pack=touch");

        assertThat(refAlone.exitCode()).as(refAlone.toString()).isEqualTo(2);
        assertThat(refAlone.err()).contains("--ref and --subdirectory go with --git URL");
        assertThat(gitAndDir.exitCode()).as(gitAndDir.toString()).isEqualTo(2);
        assertThat(gitAndDir.err()).contains("not several of them");
        assertThat(gitAndAll.exitCode()).as(gitAndAll.toString()).isEqualTo(2);
        assertThat(optionLikeRef.exitCode()).as(optionLikeRef.toString()).isEqualTo(2);
        assertThat(optionLikeRef.err()).contains("not starting with '-'");
    }

    /**
     * A git:// server that accepts the connection and never answers holds git in its fetch; SIGTERM to the
     * CLI then stops git (the server sees its connection close) and removes the private folder.
     */
    @Test
    void aBuildTerminatedWhileGitFetchesStopsGitAndLeavesNothingBehind() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path err = work.resolve("err.txt");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", CliRun.jar().toString(), "package", "--git",
                    "git://127.0.0.1:" + server.getLocalPort() + "/plugin.git", "-o", "out", "--temp-dir", "tmp")
                    .directory(work.toFile()).redirectOutput(work.resolve("out.txt").toFile()).redirectError(err.toFile());
            Process cli = builder.start();
            server.setSoTimeout(60_000);
            try (Socket git = server.accept()) {
                git.setSoTimeout(30_000);
                cli.destroy(); // SIGTERM

                assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("the CLI ends").isTrue();
                // readAllBytes returns only at end of stream: git was stopped (else it times out and the test fails).
                assertThat(new String(git.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                        .contains("git-upload-pack /plugin.git");
            } finally {
                cli.destroyForcibly();
            }
            assertThat(cli.exitValue()).as(Files.readString(err)).isEqualTo(143);
            assertThat(Files.readString(err)).contains("Fetching git://127.0.0.1:");
            assertThat(work.resolve("tmp")).isEmptyDirectory();
            assertThat(work.resolve("out")).doesNotExist();
        }
    }

    private Path checkoutOf(String commit) {
        return GitRepository.checkout(bare.toString(), commit, work.resolve("checkout-" + commit));
    }

    private byte[] built(Path pluginDirectory, String name) throws Exception {
        CliRun run = CliRun.wazoDeb(work, EPOCH, "package", pluginDirectory.toString(), "-o", "out-" + name);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return Files.readAllBytes(Path.of(run.out().strip()));
    }
}
