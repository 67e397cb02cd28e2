package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.GitRepository;
import io.github.wazodeb.deb.testing.PluginDirectory;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    private Path checkoutOf(String commit) {
        return GitRepository.checkout(bare.toString(), commit, work.resolve("checkout-" + commit));
    }

    private byte[] built(Path pluginDirectory, String name) throws Exception {
        CliRun run = CliRun.wazoDeb(work, EPOCH, "package", pluginDirectory.toString(), "-o", "out-" + name);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return Files.readAllBytes(Path.of(run.out().strip()));
    }
}
