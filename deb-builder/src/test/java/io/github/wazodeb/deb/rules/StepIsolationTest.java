package io.github.wazodeb.deb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a build falls back to where the machine lacks a tool, and the warning it then gives once: the
 * kernel's refusal of a namespace is proved through the CLI (StepNamespaceIT).
 */
class StepIsolationTest {

    @TempDir
    Path bin;

    @Test
    void withoutUnshareOnThePathTheStepsGetProcessGroupsAndTheWarningSaysWhy() throws Exception {
        Requirements.assumeAvailable(Requirement.SETSID);
        link("setsid");
        link("sh");

        StepIsolation isolation = StepIsolation.detect(true, bin.toString());

        assertThat(isolation.kind()).isEqualTo(StepIsolation.Kind.PROCESS_GROUP);
        assertThat(isolation.setsid()).contains(bin.resolve("setsid").toString());
        assertThat(isolation.warning()).contains("the rules steps run without a PID namespace of their own "
                + "(unshare is not on the PATH): a process they start with setsid, such as a daemon, can outlive "
                + "the build");
    }

    @Test
    void withoutSetsidOnThePathTheStepsGetNeitherAndTheWarningSaysWhy() throws Exception {
        link("sh");

        StepIsolation isolation = StepIsolation.detect(true, bin.toString());

        assertThat(isolation.kind()).isEqualTo(StepIsolation.Kind.PROCESS_TREE);
        assertThat(isolation.warning()).get().asString()
                .contains("without a process group or PID namespace of their own (setsid is not on the PATH)");
    }

    /** A link in the test's {@code PATH} directory to the machine's {@code program}. */
    private void link(String program) throws Exception {
        String real = FakerootDetector.findOnPath(program, System.getenv("PATH")).orElseThrow();
        Files.createSymbolicLink(bin.resolve(program), Path.of(real));
    }
}
