package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build.py is valid only when python3 loads it as the tree's own builder (pgbuild.py) does. */
class ProvdBuildScriptIT {

    private static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1700000000");

    @TempDir
    Path work;

    ProvdTreeFixture tree;

    @BeforeEach
    void writeTree() throws Exception {
        tree = ProvdTreeFixture.acme(work.resolve("plugins"));
    }

    @Test
    void aCopyOnlyBuildPyThatRaisesWhenLoadedFailsBuildAndCheckWithPythonsMessage() throws Exception {
        tree.write("wazo_acme/build.py", "from subprocess import check_call\nfrom wazo_helpers import models\n\n"
                + ProvdTreeFixture.BUILD_PY.substring(ProvdTreeFixture.BUILD_PY.indexOf("\n\n@target")));

        CliRun build = CliRun.wazoDeb(work, EPOCH, "provd", "build", "plugins", "-o", "testing");
        CliRun check = CliRun.wazoDeb(work, EPOCH, "provd", "check", "plugins", "--against", "testing");

        String message = "wazo_acme/build.py:2: cannot be loaded as the tree's builder loads it:"
                + " ModuleNotFoundError: No module named 'wazo_helpers'";
        assertThat(build.exitCode()).as(build.toString()).isEqualTo(2);
        assertThat(build.err()).contains(message).doesNotContain("\tat ").doesNotContain("Traceback");
        assertThat(work.resolve("testing")).doesNotExist();
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
        assertThat(check.err()).contains(message);
    }

    @Test
    void aSyntaxErrorIsReportedAtItsLine() throws Exception {
        tree.write("wazo_acme/build.py", ProvdTreeFixture.BUILD_PY.replace("def build_v2(path):", "def build_v2(path)"));

        CliRun build = CliRun.wazoDeb(work, EPOCH, "provd", "build", "plugins", "-o", "testing");

        assertThat(build.exitCode()).as(build.toString()).isEqualTo(2);
        assertThat(build.err()).contains("wazo_acme/build.py:11: cannot be loaded as the tree's builder loads it:"
                + " SyntaxError: expected ':'");
    }

    @Test
    void anUnclosedBracketIsReportedWhereItOpens() throws Exception {
        tree.write("wazo_acme/build.py", ProvdTreeFixture.BUILD_PY.replace(
                "'v1/', path])\n", "'v1/', path]\n"));

        CliRun build = CliRun.wazoDeb(work, EPOCH, "provd", "build", "plugins", "-o", "testing");

        assertThat(build.exitCode()).as(build.toString()).isEqualTo(2);
        assertThat(build.err()).contains("wazo_acme/build.py:7: cannot be loaded as the tree's builder loads it:"
                + " SyntaxError: '(' was never closed");
    }

    @Test
    void aTargetDeclaredTwiceIsRefusedAsTheBuilderRefusesIt() throws Exception {
        tree.write("wazo_acme/build.py", ProvdTreeFixture.BUILD_PY.replace("@target('v2', 'wazo-acme-2')",
                "@target('v1', 'wazo-acme-2')"));

        CliRun build = CliRun.wazoDeb(work, EPOCH, "provd", "build", "plugins", "-o", "testing");

        assertThat(build.exitCode()).as(build.toString()).isEqualTo(2);
        assertThat(build.err()).contains("wazo_acme/build.py:10: cannot be loaded as the tree's builder loads it:"
                + " Exception: target redefinition for 'v1'");
    }

    @Test
    void aTargetPythonDeclaresButTheDecoratorLinesDoNotShowIsRefused() throws Exception {
        tree.write("wazo_acme/build.py", ProvdTreeFixture.BUILD_PY + """


                if True:
                    @target('v3', 'wazo-acme-3')
                    def build_v3(path):
                        check_call(['rsync', '-rlp', 'v2/', path])
                """);

        CliRun build = CliRun.wazoDeb(work, EPOCH, "provd", "build", "plugins", "-o", "testing");

        assertThat(build.exitCode()).as(build.toString()).isEqualTo(2);
        assertThat(build.err()).contains("wazo_acme/build.py: declares 'v1' ('wazo-acme-1'), 'v2' ('wazo-acme-2'),"
                + " 'v3' ('wazo-acme-3') when python3 loads it, but its @target(...) lines read as 'v1' ('wazo-acme-1'),"
                + " 'v2' ('wazo-acme-2')");
    }
}
