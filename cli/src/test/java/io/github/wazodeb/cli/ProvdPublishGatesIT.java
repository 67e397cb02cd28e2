package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A published plugin is immutable, and {@code diff} stops CI on what it finds. */
class ProvdPublishGatesIT {

    private static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1700000000");

    @TempDir
    Path work;

    ProvdTreeFixture tree;

    @BeforeEach
    void buildTestingAndPromoteToStable() throws Exception {
        tree = ProvdTreeFixture.acme(work.resolve("plugins"));
        assertThat(wazoDeb(EPOCH, "provd", "build", "plugins", "-o", "testing").exitCode()).isZero();
        assertThat(wazoDeb(Map.of(), "provd", "promote", "testing", "stable", "wazo-acme-2").exitCode()).isZero();
    }

    @Test
    void promoteRefusesAnArchiveTheChannelHoldsWithOtherContent() throws Exception {
        tree.write("wazo_acme/common/templates/base.tpl", "base, changed without a bump\n");
        assertThat(wazoDeb(EPOCH, "provd", "build", "plugins", "-o", "rebuilt").exitCode()).isZero();
        String published = sha1(work.resolve("stable/wazo-acme-2-2.0.tar.bz2"));
        String rebuilt = sha1(work.resolve("rebuilt/wazo-acme-2-2.0.tar.bz2"));
        byte[] index = Files.readAllBytes(work.resolve("stable/plugins.db"));

        CliRun run = wazoDeb(Map.of(), "provd", "promote", "rebuilt", "stable", "wazo-acme-2");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("wazo-acme-2: wazo-acme-2-2.0.tar.bz2 is already in stable with other content"
                + " (sha1 " + published + " there, " + rebuilt + " now): a published plugin is immutable,"
                + " bump its version");
        assertThat(sha1(work.resolve("stable/wazo-acme-2-2.0.tar.bz2"))).isEqualTo(published);
        assertThat(work.resolve("stable/plugins.db")).hasBinaryContent(index);
    }

    @Test
    void promotingTheSameContentAgainIsNothingToDo() throws Exception {
        CliRun run = wazoDeb(Map.of(), "provd", "promote", "testing", "stable", "wazo-acme-2");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains(Path.of("stable", "wazo-acme-2-2.0.tar.bz2")
                + " is already published with the same content: nothing to do");
    }

    @Test
    void buildIntoAChannelRefusesToReplaceAPublishedArchiveAndKeepsTheSameContentAsPublished() throws Exception {
        String before = sha1(work.resolve("testing/wazo-acme-1-1.0.9.tar.bz2"));
        CliRun sameContentOtherTime = wazoDeb(Map.of("SOURCE_DATE_EPOCH", "1800000000"), "provd", "build", "plugins",
                "-o", "testing");
        tree.write("wazo_acme/v1/plugin-info", ProvdTreeFixture.info("1.0.9").replace("Acme", "Acme, fixed"));

        CliRun changed = wazoDeb(EPOCH, "provd", "build", "plugins", "-o", "testing");

        assertThat(sameContentOtherTime.exitCode()).as(sameContentOtherTime.toString()).isZero();
        assertThat(sameContentOtherTime.err()).contains("is already published with the same content: nothing to do");
        assertThat(sha1(work.resolve("testing/wazo-acme-1-1.0.9.tar.bz2"))).isEqualTo(before);
        assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(1);
        assertThat(changed.err()).contains("wazo-acme-1: wazo-acme-1-1.0.9.tar.bz2 is already in testing with other"
                + " content (sha1 " + before + " there, ").contains("bump its version")
                .doesNotContain("wazo-acme-2:");
        assertThat(sha1(work.resolve("testing/wazo-acme-1-1.0.9.tar.bz2"))).isEqualTo(before);
    }

    @Test
    void diffExitsOneWhenContentChangedWithoutAVersionChange() throws Exception {
        tree.write("wazo_acme/common/templates/base.tpl", "base, changed without a bump\n");
        assertThat(wazoDeb(EPOCH, "provd", "build", "plugins", "-o", "rebuilt").exitCode()).isZero();

        CliRun run = wazoDeb(Map.of(), "provd", "diff", "stable", "rebuilt");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("! wazo-acme-2 2.0: content changed without a version change:"
                + " templates/base.tpl");
    }

    @Test
    void diffExitsZeroOnOtherDifferencesUnlessAskedForAnExitCode() throws Exception {
        CliRun plain = wazoDeb(Map.of(), "provd", "diff", "stable", "testing");
        CliRun exitCode = wazoDeb(Map.of(), "provd", "diff", "--exit-code", "stable", "testing");
        CliRun same = wazoDeb(Map.of(), "provd", "diff", "--exit-code", "testing", "testing");

        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(plain.out()).isEqualTo("+ wazo-acme-1 1.0.9\n");
        assertThat(exitCode.exitCode()).as(exitCode.toString()).isEqualTo(1);
        assertThat(exitCode.out()).isEqualTo(plain.out());
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).isEmpty();
    }

    private CliRun wazoDeb(Map<String, String> environment, String... args) throws Exception {
        return CliRun.wazoDeb(work, environment, args);
    }

    private static String sha1(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest(Files.readAllBytes(file)));
    }
}
