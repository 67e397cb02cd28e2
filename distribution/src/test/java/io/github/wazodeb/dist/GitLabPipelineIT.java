package io.github.wazodeb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import io.github.wazodeb.repo.SandboxApt;
import io.github.wazodeb.repo.testing.StaticHttpServer;
import io.github.wazodeb.repo.testing.TestKeys;
import io.github.wazodeb.repo.testing.TestKeys.TestKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .gitlab-ci.yml that {@code wazo-deb new --ci gitlab} writes, run as written by gitlab-ci-local (its
 * shell executor) on the new plugin: a pipeline of the default branch publishes to testing, a tag's pipeline
 * promotes to stable, and apt installs the plugin from the stable suite of what the pipelines published.
 * wazo-deb comes from this build's archive, given as the pipeline's WAZO_DEB_URL (Maven Central's by default).
 */
@ExtendWith(DpkgSandboxExtension.class)
class GitLabPipelineIT {

    private static final String PASSPHRASE = "pipeline secret";

    @TempDir
    Path work;

    @Test
    void theDefaultBranchPublishesToTestingATagPromotesToStableAndAptInstallsFromIt(DpkgSandbox sandbox)
            throws Exception {
        Path gitlabCiLocal = CiTools.require("gitlab-ci-local");
        Map<String, String> environment = CiTools.environment(work.resolve("home"));
        Path plugin = CiTools.newPluginRepository(work.resolve("hello"), environment, "--ci", "gitlab");
        // GitLab's variables that name the project come from the origin remote.
        CiTools.git(plugin, environment, "remote", "add", "origin", "https://gitlab.example.org/acme/hello.git");
        TestKey key = TestKeys.generate(work.resolve("key"), PASSPHRASE);
        List<String> variables = List.of(
                "WAZO_DEB_URL=" + Built.tarball().toUri(),
                "WAZO_DEB_KEY_FILE=" + key.secretKeyFile(),
                "WAZO_DEB_KEY_PASSPHRASE=" + PASSPHRASE);

        CommandResult onMain = pipeline(gitlabCiLocal, plugin, environment, variables, List.of());
        assertThat(onMain.output()).contains("PASS  package", "PASS  publish-testing", "PASS  pages")
                .doesNotContain("promote-stable");
        assertThat(plugin.resolve("public/dists/testing/InRelease")).isRegularFile();
        assertThat(plugin.resolve("public/dists/stable")).doesNotExist();

        CommandResult onTag = pipeline(gitlabCiLocal, plugin, environment, variables,
                List.of("--variable", "CI_COMMIT_TAG=v0.1.0", "--unset-variable", "CI_COMMIT_BRANCH"));
        assertThat(onTag.output()).contains("PASS  package", "PASS  promote-stable", "PASS  pages")
                .doesNotContain("publish-testing");
        assertThat(plugin.resolve("public/dists/stable/InRelease")).isRegularFile();

        try (StaticHttpServer server = StaticHttpServer.serving(plugin.resolve("public"))) {
            SandboxApt apt = SandboxApt.withSource(sandbox,
                    "deb [signed-by=" + key.publicKeyring() + "] " + server.uri() + " stable main");
            CiTools.succeeds(apt.update());
            CiTools.succeeds(apt.install("wazo-plugind-hello-acme"));
        }
        assertThat(sandbox.status("wazo-plugind-hello-acme")).hasValueSatisfying(
                fields -> assertThat(fields).containsEntry("Version", "0.1.0"));
    }

    private static CommandResult pipeline(Path gitlabCiLocal, Path plugin, Map<String, String> environment,
            List<String> variables, List<String> more) {
        List<String> command = new ArrayList<>(List.of(gitlabCiLocal.toString(), "--force-shell-executor",
                "--no-color"));
        variables.forEach(variable -> command.addAll(List.of("--variable", variable)));
        command.addAll(more);
        return CiTools.succeeds(CiTools.inDirectory(plugin, command, environment, Duration.ofMinutes(10)));
    }
}
