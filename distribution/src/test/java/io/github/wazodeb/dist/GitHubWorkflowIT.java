package io.github.wazodeb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import io.github.wazodeb.repo.SandboxApt;
import io.github.wazodeb.repo.testing.StaticHttpServer;
import io.github.wazodeb.repo.testing.TestKeys;
import io.github.wazodeb.repo.testing.TestKeys.TestKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The workflow that {@code wazo-deb new --ci github} writes: valid for action-validator, and its {@code run:}
 * steps executed in order, job by job, as a runner would for a push to the default branch and then for a
 * tag. The steps that use actions are played by the test: checkout is a clone of the plugin's origin (a bare
 * repository here), setup-java this JVM, upload/download-artifact a copy of {@code dist/}. The repository
 * the workflow pushes to the branch gh-pages is then read by apt in a throw-away root.
 */
@ExtendWith(DpkgSandboxExtension.class)
class GitHubWorkflowIT {

    private static final String WORKFLOW = ".github/workflows/wazo-plugin.yml";
    private static final String PASSPHRASE = "workflow secret";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}");

    @TempDir
    Path work;

    @Test
    void theWorkflowIsValidForActionValidatorAndAMisspeltCopyIsNot() throws Exception {
        Path validator = CiTools.require("action-validator");
        Map<String, String> environment = CiTools.environment(work.resolve("home"));
        Path plugin = CiTools.newPluginRepository(work.resolve("hello"), environment, "--ci", "github");

        CommandResult valid = CiTools.inDirectory(plugin, List.of(validator.toString(), WORKFLOW), environment,
                Duration.ofMinutes(1));
        assertThat(valid.exitCode()).as(valid.describe()).isZero();

        Path misspelt = Files.writeString(work.resolve("misspelt.yml"),
                Files.readString(plugin.resolve(WORKFLOW)).replace("runs-on:", "runs-onn:"));
        CommandResult invalid = CiTools.inDirectory(plugin, List.of(validator.toString(), misspelt.toString()),
                environment, Duration.ofMinutes(1));
        assertThat(invalid.exitCode()).as(invalid.describe()).isNotZero();
        assertThat(invalid.output()).contains("runs-onn");
    }

    @Test
    void theDefaultBranchPublishesToTestingATagPromotesToStableAndAptInstallsFromIt(DpkgSandbox sandbox)
            throws Exception {
        Map<String, String> environment = CiTools.environment(work.resolve("home"));
        Path plugin = CiTools.newPluginRepository(work.resolve("hello"), environment, "--ci", "github");
        Path origin = work.resolve("origin.git");
        CiTools.succeeds(CiTools.inDirectory(work, List.of("git", "clone", "-q", "--bare", plugin.toString(),
                origin.toString()), environment, Duration.ofMinutes(1)));
        TestKey key = TestKeys.generate(work.resolve("key"), PASSPHRASE);
        Map<String, String> secrets = Map.of("WAZO_DEB_KEY", Files.readString(key.secretKeyFile()),
                "WAZO_DEB_KEY_PASSPHRASE", PASSPHRASE);
        Map<String, Object> workflow = new Yaml().load(Files.readString(plugin.resolve(WORKFLOW)));
        assertThat(job(workflow, "publish").get("if").toString())
                .contains("github.ref == format('refs/heads/{0}', github.event.repository.default_branch)")
                .contains("github.ref_type == 'tag'");

        Runner onMain = new Runner(workflow, origin, "main", "branch", secrets, environment);
        onMain.run("package");
        onMain.run("publish");
        assertThat(ghPages(origin, environment).resolve("dists/testing/InRelease")).isRegularFile();

        CiTools.git(plugin, environment, "tag", "v0.1.0");
        CiTools.git(plugin, environment, "push", "-q", origin.toString(), "v0.1.0");
        Runner onTag = new Runner(workflow, origin, "v0.1.0", "tag", secrets, environment);
        onTag.run("package");
        onTag.run("publish");
        Path repository = ghPages(origin, environment);
        assertThat(repository.resolve("dists/stable/InRelease")).isRegularFile();

        try (StaticHttpServer server = StaticHttpServer.serving(repository)) {
            SandboxApt apt = SandboxApt.withSource(sandbox,
                    "deb [signed-by=" + key.publicKeyring() + "] " + server.uri() + " stable main");
            CiTools.succeeds(apt.update());
            CiTools.succeeds(apt.install("wazo-plugind-hello-acme"));
        }
        assertThat(sandbox.status("wazo-plugind-hello-acme")).hasValueSatisfying(
                fields -> assertThat(fields).containsEntry("Version", "0.1.0"));
    }

    /** The branch gh-pages of {@code origin}, checked out afresh. */
    private Path ghPages(Path origin, Map<String, String> environment) throws IOException {
        Path checkout = Files.createTempDirectory(work, "gh-pages");
        CiTools.succeeds(CiTools.inDirectory(work, List.of("git", "clone", "-q", "--branch", "gh-pages",
                origin.toString(), checkout.toString()), environment, Duration.ofMinutes(1)));
        return checkout;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> workflow, String name) {
        return (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get(name);
    }

    /** Runs jobs of the workflow for one event, as GitHub's runner would, in the order asked. */
    private final class Runner {

        private final Map<String, Object> workflow;
        private final Path origin;
        private final String ref;
        private final String refType;
        private final Map<String, String> secrets;
        private final Map<String, String> environment;
        private Path artifact;

        Runner(Map<String, Object> workflow, Path origin, String ref, String refType, Map<String, String> secrets,
                Map<String, String> environment) {
            this.workflow = workflow;
            this.origin = origin;
            this.ref = ref;
            this.refType = refType;
            this.secrets = secrets;
            this.environment = environment;
        }

        @SuppressWarnings("unchecked")
        void run(String jobName) throws IOException {
            Map<String, Object> job = job(workflow, jobName);
            Path workspace = Files.createTempDirectory(work, jobName + "-workspace");
            Path runnerTemp = Files.createTempDirectory(work, jobName + "-temp");
            Path githubPath = Files.createFile(runnerTemp.resolve("github-path"));
            Map<String, String> env = new HashMap<>(environment);
            env.putAll(values((Map<String, Object>) workflow.get("env")));
            env.putAll(values((Map<String, Object>) job.getOrDefault("env", Map.of())));
            // The workflow fetches wazo-deb from Maven Central; here, this build's archive stands in for it.
            env.put("WAZO_DEB_URL", Built.tarball().toUri().toString());
            env.put("RUNNER_TEMP", runnerTemp.toString());
            env.put("GITHUB_PATH", githubPath.toString());
            env.put("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567");
            env.put("GITHUB_REF_TYPE", refType);
            for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
                if (step.containsKey("uses")) {
                    playAction(step.get("uses").toString(), step, workspace, env);
                } else {
                    // Each line a step added to GITHUB_PATH comes before the PATH, the latest first.
                    List<String> added = new ArrayList<>(Files.readAllLines(githubPath));
                    Collections.reverse(added);
                    added.add(Commands.PATH);
                    Map<String, String> stepEnv = new HashMap<>(env);
                    stepEnv.put("PATH", String.join(":", added));
                    CommandResult result = CiTools.inDirectory(workspace,
                            List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.get("run").toString()),
                            stepEnv, Duration.ofMinutes(5));
                    assertThat(result.exitCode()).as(jobName + " / " + step.getOrDefault("name", step.get("run"))
                            + ":\n" + result.describe()).isZero();
                }
            }
        }

        private void playAction(String action, Map<String, Object> step, Path workspace, Map<String, String> env)
                throws IOException {
            String name = action.substring(0, action.indexOf('@'));
            switch (name) {
                case "actions/checkout" -> {
                    CiTools.succeeds(CiTools.inDirectory(work, List.of("git", "clone", "-q", origin.toString(),
                            workspace.toString()), env, Duration.ofMinutes(1)));
                    CiTools.git(workspace, env, "checkout", "-q", ref);
                }
                case "actions/setup-java" -> env.put("JAVA_HOME", System.getProperty("java.home"));
                case "actions/upload-artifact" -> artifact = workspace.resolve(with(step, "path"));
                case "actions/download-artifact" -> copyTree(artifact, workspace.resolve(with(step, "path")));
                default -> throw new AssertionError("the workflow uses " + action + ", which this test cannot play");
            }
        }

        /** Values with their expressions resolved: secrets, github.ref_type. */
        private Map<String, String> values(Map<String, Object> raw) {
            Map<String, String> resolved = new HashMap<>();
            raw.forEach((key, value) -> {
                Matcher expression = EXPRESSION.matcher(value.toString());
                resolved.put(key, expression.replaceAll(match -> Matcher.quoteReplacement(evaluate(match.group(1)))));
            });
            return resolved;
        }

        private String evaluate(String expression) {
            if (expression.startsWith("secrets.")) {
                return secrets.getOrDefault(expression.substring("secrets.".length()), "");
            }
            if (expression.equals("github.ref_type")) {
                return refType;
            }
            throw new AssertionError("the workflow uses ${{ " + expression + " }}, which this test cannot evaluate");
        }

        @SuppressWarnings("unchecked")
        private static String with(Map<String, Object> step, String key) {
            return ((Map<String, Object>) step.get("with")).get(key).toString();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
